import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import { takeRecordedExtras, type McpRuleModule } from '../src/rule-kit/create-rule.js';

type TesterRule = Parameters<RuleTester['run']>[1];

/** A RuleTester for TS/JS rules (typescript-eslint's parser, module source, latest syntax) that takes our rules. */
export function jsRuleTester(): { run(name: string, rule: McpRuleModule, tests: RunTests<string, readonly unknown[]>): void } {
  const tester = new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  });
  return {
    run(name, rule, tests) {
      tester.run(name, rule as unknown as TesterRule, tests as Parameters<RuleTester['run']>[2]);
    },
  };
}

/**
 * `[messageId, severity]` of each report of `rule` on `source`, as the engine receives them (the side channel):
 * RuleTester sees messages only, not the per-finding severity a rule sets.
 */
export function reportedSeverities(rule: McpRuleModule, source: string): Array<[string | null, string | undefined]> {
  const linter = new Linter({ configType: 'flat', cwd: '/virtual' });
  const filename = '/virtual/severity.ts';
  linter.verify(
    source,
    [
      {
        files: ['**/*.ts'],
        plugins: { t: { rules: { r: rule as never } } },
        languageOptions: { parser: tsParser as never },
        settings: { mcpAudit: { collect: true } },
        rules: { 't/r': 'error' },
      },
    ],
    { filename },
  );
  return takeRecordedExtras(filename).map((e) => [e.messageId, e.severity]);
}
