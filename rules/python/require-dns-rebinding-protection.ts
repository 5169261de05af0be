// require-dns-rebinding-protection, Python: a local HTTP MCP server whose Host/Origin checks are off
// (`TransportSecuritySettings(enable_dns_rebinding_protection=False)`) or never set up (the low-level
// `SseServerTransport` / `StreamableHTTPSessionManager` without `security_settings` validate nothing). FastMCP on
// 127.0.0.1/localhost turns the protection on by itself (mcp ≥ 1.23), so its default is not reported.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { calleeName, locOf, type PyModule } from '../../src/python/tree.js';
import { pyReachability } from '../../src/python/model/reachability.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { pyBindsAllInterfaces, pyMayBeLocal, pyServerModel } from '../../src/python/model/server.js';

export const requireDnsRebindingProtectionPython: PythonImplementation<'pyNoHostValidation'> = {
  keywords: ['enable_dns_rebinding_protection', 'sseservertransport', 'streamablehttpsessionmanager'],
  messages: {
    pyNoHostValidation:
      '{{transport}} without DNS-rebinding protection: a web page the user visits can reach this local MCP server. Use TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=[…], allowed_origins=[…]) (FastMCP sets it on localhost by default).',
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        const model = pyServerModel(ctx);
        const targets = [...model.rebindingOff, ...(model.hostValidation.length ? [] : model.unprotectedTransports)];
        if (targets.length === 0) return;
        // Only a server on this machine is a rebinding target; one open on every interface is the bind rule's.
        const reach = pyReachability(ctx);
        const listens = reach.listens.map((l) => l.fact);
        if (reach.auth.length > 0 || listens.some(pyBindsAllInterfaces) || (listens.length > 0 && !listens.some(pyMayBeLocal))) return;
        for (const node of targets) {
          context.report({ loc: locOf(module, node), messageId: 'pyNoHostValidation', data: { transport: calleeName(node) ?? 'HTTP transport' } });
        }
      },
    };
  },
};
