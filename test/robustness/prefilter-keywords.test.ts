import fc from 'fast-check';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import noHardcodedSecrets from '../../rules/no-hardcoded-secrets.js';
import { Prefilter } from '../../src/engine/prefilter.js';
import { languageBase, PLUGIN_NAME } from '../../src/plugin/index.js';
import { SECRET_FILE_KEYWORDS, SECRET_KEYWORDS } from '../../src/rule-kit/secrets.js';
import { SECRET_PATTERNS } from '../../src/rule-kit/tables/secret-patterns.js';
import type { McpRuleModule } from '../../src/rule-kit/create-rule.js';

// SECRET_FILE_KEYWORDS must stay a superset of what no-hardcoded-secrets can report: a file it filters out must be
// a file the rule reports nothing in. Checked on random files assembled from the shapes the rule looks at.

/** The rule's own call-named targets (`jwt.sign(payload, 'x')` reads as `jwtSecret`): it adds these to the list. */
const RULE_CALL_KEYWORDS = ['sign', 'verify'];
const FILE_KEYWORDS = [...SECRET_FILE_KEYWORDS, ...RULE_CALL_KEYWORDS];

const prefilter = (keywords: string[]) =>
  new Prefilter([['r', { meta: { mcpAudit: { keywords } } } as unknown as McpRuleModule]]);
const narrow = prefilter(FILE_KEYWORDS);
const passes = (text: string) => narrow.select(text).has('r');

const linter = new Linter({ configType: 'flat', cwd: '/p' });
const config: Linter.Config[] = [{ ...languageBase('js')!, rules: { [`${PLUGIN_NAME}/no-hardcoded-secrets`]: 'error' } }];
const reports = (text: string) => linter.verify(text, config, { filename: '/p/src/x.ts' }).filter((m) => m.ruleId && !m.fatal);

const providerValues = SECRET_PATTERNS.flatMap((p) => p.examples.match);
const randomSecret = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/_-'), minLength: 12, maxLength: 40 });
const value = fc.oneof(
  fc.constantFrom(...providerValues),
  randomSecret,
  fc.tuple(fc.constantFrom('Bearer', 'bearer', 'Basic', 'token', 'Token', 'Bot', 'bot'), fc.constantFrom(' ', '  ', '\\t', '\\u0020'), randomSecret).map(([s, ws, v]) => `${s}${ws}${v}`),
  fc.constantFrom('your-api-key', 'changeme', '<TOKEN>', 'https://example.com/x', 'bottom', 'robot arm'),
);
const nameWord = fc.constantFrom(
  'api', 'access', 'private', 'secret', 'signing', 'master', 'auth', 'key', 'token', 'password', 'pass', 'pwd', 'pat',
  'github', 'client', 'db', 'user', 'path', 'task', 'bottom', 'mistral', 'aws', 'notion', 'id', 'url', 'value', 'x',
);
/** Names in every spelling the rule normalizes: camelCase, snake, SCREAMING, kebab, spaced. */
const name = fc.tuple(fc.array(nameWord, { minLength: 1, maxLength: 3 }), fc.constantFrom('camel', 'snake', 'screaming', 'kebab', 'space')).map(([words, style]) => {
  if (style === 'camel') return words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  if (style === 'snake') return words.join('_');
  if (style === 'screaming') return words.join('_').toUpperCase();
  return words.join(style === 'kebab' ? '-' : ' ');
});
const quote = (v: string, q: string) => `${q}${v.replace(/[\\'"`]/g, (c) => (c === '\\' ? c : `\\${c}`))}${q}`;
/** Every place the rule takes a literal's target from. */
const statement = fc
  .tuple(name, value, fc.constantFrom("'", '"', '`'), fc.nat(7))
  .map(([n, v, q, shape]) => {
    const lit = quote(v, q);
    const key = /^[A-Za-z_$][\w$]*$/.test(n) ? n : `'${n}'`;
    const ident = n.replace(/[^\w$]/g, '_');
    return [
      `const ${ident} = ${lit};`,
      `export const cfg = { ${key}: ${lit} };`,
      `headers.set('${n}', ${lit});`,
      `const t = jwt.sign(payload, ${lit});`,
      `client.setApiKey(${lit});`,
      `const h = createHmac('sha256', ${lit});`,
      `function connect(${ident} = ${lit}) { return ${ident}; }`,
      `this.${ident} = process.env.X ?? ${lit};`,
    ][shape];
  });
const file = fc.array(statement, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n') + '\n');

describe('SECRET_FILE_KEYWORDS', () => {
  it('is lowercase and narrower than SECRET_KEYWORDS: no bare `sk`, `key-`, `-us`', () => {
    for (const k of SECRET_FILE_KEYWORDS) expect(k).toBe(k.toLowerCase());
    for (const broad of ['sk', 'key-', '-us', 'aws']) {
      expect(SECRET_KEYWORDS).toContain(broad);
      expect(SECRET_FILE_KEYWORDS).not.toContain(broad);
    }
    expect(passes('const task = disk.ask("risk"); const k = "key-value"; const loc = "en-us";')).toBe(false);
  });

  it('lets through every catalog example (value-side formats) and every nameHint name', () => {
    for (const p of SECRET_PATTERNS) {
      if (p.nameHint) continue;
      for (const m of p.examples.match) expect(passes(`const v = '${m}';`), `${p.id}: ${m}`).toBe(true);
    }
    for (const n of ['AWS_SECRET_ACCESS_KEY', 'awsSecret', 'secretAccessKey', 'MISTRAL_API_KEY', 'notionToken', 'DD_API_KEY']) {
      expect(passes(`const ${n} = x;`), n).toBe(true);
    }
  });

  it('a file the rule reports in always passes the file-level prefilter', () => {
    let reported = 0;
    let filtered = 0;
    fc.assert(
      fc.property(file, (text) => {
        const n = reports(text).length;
        if (n > 0) reported++;
        if (!passes(text)) filtered++;
        expect(n === 0 || passes(text), `reported ${n} but filtered out:\n${text}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: both kinds of file were generated.
    expect(reported).toBeGreaterThan(300);
    expect(filtered).toBeGreaterThan(50);
  });
});
