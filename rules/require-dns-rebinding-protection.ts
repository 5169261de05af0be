import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { bindsAllInterfaces, mayBeLocal, serving } from '../src/mcp-model/serving.js';

export default createRule<'noHostValidation'>('require-dns-rebinding-protection', {
  meta: {
    severity: 'medium',
    language: 'js',
    description: 'A local Streamable HTTP / SSE MCP server must validate Host/Origin against DNS rebinding.',
    cwe: ['CWE-350', 'CWE-346'],
    owasp: ['MCP07'],
    keywords: ['servertransport', 'streamablehttptransport', "'/mcp'", '"/mcp"', "'/sse'", '"/sse"', '/messages'],
    messages: {
      noHostValidation:
        '{{transport}} without DNS-rebinding protection: a web page the user visits can reach this local MCP server. Use createMcpExpressApp() (validates localhost Host headers) or hostHeaderValidation/originValidation middleware.',
    },
  },
  create(context) {
    return {
      Program(program) {
        const s = serving(context.eslint, program as TSESTree.Program);
        const sdk = s.model.transports.filter((t) => t.node.type === 'NewExpression' && t.kind !== 'stdio');
        // An MCP endpoint served by hand (`app.post('/mcp', …)` speaking JSON-RPC itself) is as reachable.
        const byHand = sdk.length === 0 ? s.model.mcpRoutes : [];
        if ((sdk.length === 0 && byHand.length === 0) || s.model.hostValidation.length > 0) return;
        // Only a server listening on this machine is a rebinding target: a transport no listen exposes (library code
        // forwarding options, in-process tests, serverless handlers) is not. One open on every interface is reachable
        // from the user's own browser as well (no-unauthenticated-public-bind reports the rest of the network);
        // authenticated ones are not reachable without a token.
        const listens = s.listens();
        if (!listens.some((l) => mayBeLocal(l) || bindsAllInterfaces(l)) || s.reach().auth.length > 0) return;
        for (const t of sdk) {
          const callee = (t.node as TSESTree.NewExpression).callee;
          context.report({ node: t.node, messageId: 'noHostValidation', data: { transport: callee.type === 'Identifier' ? callee.name : 'HTTP transport' } });
        }
        for (const route of byHand) context.report({ node: route, messageId: 'noHostValidation', data: { transport: 'The MCP route' } });
      },
    };
  },
});
