// Every rule, by id. A meta test checks this list against the files in rules/, test/rules/ and docs/rules/.
import type { McpRuleModule } from '../src/rule-kit/create-rule.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noSecretsInMcpConfig from './no-secrets-in-mcp-config.js';
import insecureMcpServerUrl from './insecure-mcp-server-url.js';
import noTlsOptOutInMcpConfig from './no-tls-opt-out-in-mcp-config.js';
import unpinnedMcpServerPackage from './unpinned-mcp-server-package.js';
import vulnerableMcpPackage from './vulnerable-mcp-package.js';
import noMcpAutoApprove from './no-mcp-auto-approve.js';

export const rules: Record<string, McpRuleModule> = {
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-secrets-in-mcp-config': noSecretsInMcpConfig,
  'insecure-mcp-server-url': insecureMcpServerUrl,
  'no-tls-opt-out-in-mcp-config': noTlsOptOutInMcpConfig,
  'unpinned-mcp-server-package': unpinnedMcpServerPackage,
  'vulnerable-mcp-package': vulnerableMcpPackage,
  'no-mcp-auto-approve': noMcpAutoApprove,
};
