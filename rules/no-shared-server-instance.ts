import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { findAncestor, isFunctionLike } from '../src/mcp-model/ast.js';
import { serving } from '../src/mcp-model/serving.js';
import { HTTP_TRANSPORT_MARKERS } from '../src/mcp-model/server.js';

const inFunction = (n: TSESTree.Node) => !!findAncestor(n, isFunctionLike);

export default createRule<'sharedInstance'>('no-shared-server-instance', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'One module-level MCP server instance must not serve many HTTP requests/clients (CVE-2026-25536).',
    cwe: ['CWE-488', 'CWE-362'],
    owasp: ['MCP10'],
    keywords: ['mcpserver', 'new server('],
    // an instance handed to createMcpHandler, or connected (`.connect(`) to an HTTP transport
    textGate: (text) => text.includes('createMcpHandler') || (text.includes('.connect(') && HTTP_TRANSPORT_MARKERS.some((m) => text.includes(m))),
    messages: {
      sharedInstance:
        "Server '{{name}}' is created once at module level and {{how}}: responses and state can leak between clients (CVE-2026-25536). Create the server per request (a factory).",
    },
  },
  create(context) {
    return {
      Program(program) {
        const s = serving(context.eslint, program as TSESTree.Program);
        const perRequestTransport = s.model.transports.some((t) => t.kind !== 'stdio' && inFunction(t.node));
        for (const inst of s.model.serverInstances) {
          if (!inst.moduleLevel || !inst.name) continue;
          const handedToHandler = s.model.handlerWithInstance.some((n) => n.type === 'Identifier' && n.name === inst.name);
          const connectedPerRequest = perRequestTransport && s.model.connects.some((c) => c.server === inst.name && inFunction(c.node));
          if (!handedToHandler && !connectedPerRequest) continue;
          context.report({
            node: inst.node,
            messageId: 'sharedInstance',
            data: { name: inst.name, how: handedToHandler ? 'handed to createMcpHandler, which needs a factory' : 'connected to a new transport on every request' },
          });
        }
      },
    };
  },
});
