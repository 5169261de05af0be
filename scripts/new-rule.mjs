#!/usr/bin/env node
// Scaffold a rule: rules/<id>.ts, test/rules/<id>.test.ts, docs/rules/<id>.md, and its line in rules/index.ts.
// Usage: npm run new-rule -- <rule-id> [js|config]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [id, language = 'js'] = process.argv.slice(2);
if (!id || !/^[a-z]+(-[a-z0-9]+)+$/.test(id) || !['js', 'config'].includes(language)) {
  console.error('usage: npm run new-rule -- <kebab-case-rule-id> [js|config]');
  process.exit(2);
}
const files = {
  [`rules/${id}.ts`]: `import { createRule } from '../src/rule-kit/create-rule.js';

export default createRule('${id}', {
  meta: {
    severity: 'high',
    language: '${language}',
    description: 'TODO: one line that says the problem',
    cwe: [],
    owasp: [],
    keywords: [],
    messages: {
      found: 'TODO: what is wrong, and how to fix it.',
    },
  },
  create(ctx) {
    return {};
  },
});
`,
  [`test/rules/${id}.test.ts`]: `import rule from '../../rules/${id}.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('${id}', rule, {
  valid: [],
  invalid: [],
});
`,
  [`docs/rules/${id}.md`]: `# ${id}

TODO: what the rule finds, default severity, category.

## Why it matters

## Incorrect
\`\`\`ts incorrect
\`\`\`

## Correct
\`\`\`ts correct
\`\`\`

## How to fix

## References
`,
};
for (const [path, text] of Object.entries(files)) {
  if (existsSync(path)) {
    console.error(`${path} exists; nothing written`);
    process.exit(2);
  }
}
for (const [path, text] of Object.entries(files)) writeFileSync(path, text);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
let index = readFileSync('rules/index.ts', 'utf8');
index = index.replace(/(\nexport const rules)/, `import ${camel} from './${id}.js';\n$1`);
index = index.replace(/\n};\s*$/, `\n  '${id}': ${camel},\n};\n`);
writeFileSync('rules/index.ts', index);
console.log(`created rules/${id}.ts, test/rules/${id}.test.ts, docs/rules/${id}.md; registered in rules/index.ts`);
