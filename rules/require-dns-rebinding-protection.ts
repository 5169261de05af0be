import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { bindsAllInterfaces, mayBeLocal, publicReadOnly, serving } from '../src/mcp-model/serving.js';

export default createRule<'noHostValidation' | 'publicReadOnly'>('require-dns-rebinding-protection', {
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
      publicReadOnly: '{{transport}} without DNS-rebinding protection, but every tool it serves ({{tools}}) declares itself read-only and reaches no sink, and each caller brings their own credential (L{{credentialLine}}): a public read-only service. Listed as info; if a tool reads anything private with a credential the server holds, authenticate the route.',
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
        const pub = publicReadOnly(s, context.eslint.physicalFilename ?? context.eslint.filename, context.eslint.sourceCode.text);
        const report = (node: TSESTree.Node, transport: string) =>
          pub
            ? context.report({ node, messageId: 'publicReadOnly', severity: 'info', data: { transport, tools: pub.tools, credentialLine: pub.credentialLine } })
            : context.report({ node, messageId: 'noHostValidation', data: { transport } });
        for (const t of sdk) {
          const callee = (t.node as TSESTree.NewExpression).callee;
          report(t.node, callee.type === 'Identifier' ? callee.name : 'HTTP transport');
        }
        for (const route of byHand) report(route, 'The MCP route');
      },
    };
  },
});
