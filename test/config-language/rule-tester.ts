import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../../src/plugin/index.js';
import type { McpRuleModule } from '../../src/rule-kit/create-rule.js';

// ESLint's own RuleTester (typescript-eslint's forces its parser), wired to vitest and to the config language.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

type ConfigTests = { valid: Array<string | RuleTester.ValidTestCase>; invalid: RuleTester.InvalidTestCase[] };

/** A RuleTester for config rules: cases give `filename` (e.g. `.cursor/mcp.json`), which picks client and format. */
export function configRuleTester(): { run(name: string, rule: McpRuleModule, tests: ConfigTests): void } {
  const tester = new RuleTester({
    files: ['**/*.json', '**/*.jsonc', '**/*.yaml', '**/*.yml', '**/*.toml'],
    plugins: { 'mcp-audit': plugin },
    language: 'mcp-audit/mcp-config',
  } as never);
  return {
    run(name, rule, tests) {
      tester.run(name, rule as unknown as Rule.RuleModule, tests);
    },
  };
}
