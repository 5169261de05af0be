import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter, RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../../src/plugin/index.js';
import { CLIENT_FILE_GLOBS } from '../../src/config-language/clients.js';
import type { McpRuleModule } from '../../src/rule-kit/create-rule.js';

// ESLint's own RuleTester (typescript-eslint's forces its parser), wired to vitest and to the config language.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

type ConfigTests = { valid: Array<string | RuleTester.ValidTestCase>; invalid: RuleTester.InvalidTestCase[] };

/** A RuleTester for config rules: cases give `filename` (e.g. `.cursor/mcp.json`), which picks client and format. */
export function configRuleTester(): { run(name: string, rule: McpRuleModule, tests: ConfigTests): void } {
  const tester = new RuleTester({
    files: ['**/*.json', '**/*.jsonc', '**/*.yaml', '**/*.yml', '**/*.toml', ...CLIENT_FILE_GLOBS],
    plugins: { 'mcp-audit': plugin },
    language: 'mcp-audit/mcp-config',
  } as never);
  return {
    run(name, rule, tests) {
      tester.run(name, rule as unknown as Rule.RuleModule, tests);
    },
  };
}

/** What the recommended preset reports for one rule on a fixture file: `line:column messageId`, in order. */
export function fixtureFindings(file: string, ruleId: string): string[] {
  // Relative to fixtures/ (ESLint's cwd): the file-class policy holds back findings under a `fixtures/` folder.
  const linter = new Linter({ configType: 'flat', cwd: resolve('fixtures') });
  return linter
    .verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: resolve(file) })
    .filter((m) => m.fatal || m.ruleId === `mcp-audit/${ruleId}`)
    .map((m) => (m.fatal ? `FATAL ${m.message}` : `${m.line}:${m.column} ${m.messageId}`));
}
