// Every rule, by id. A meta test checks this list against the files in rules/, test/rules/ and docs/rules/.
import type { McpRuleModule } from '../src/rule-kit/create-rule.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';

export const rules: Record<string, McpRuleModule> = {
  'no-hardcoded-secrets': noHardcodedSecrets,
};
