import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { McpRuleModule } from '../src/rule-kit/create-rule.js';

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
