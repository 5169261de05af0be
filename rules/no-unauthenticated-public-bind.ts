import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { bindsAllInterfaces, publicReadOnly, serving } from '../src/mcp-model/serving.js';
import { LISTEN_MARKERS } from '../src/mcp-model/server.js';

export default createRule<'publicBind' | 'publicReadOnly'>('no-unauthenticated-public-bind', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'An HTTP MCP server that listens on every interface must authenticate its callers.',
    cwe: ['CWE-306', 'CWE-1327'],
    owasp: ['MCP07', 'MCP09'],
    keywords: ['.listen(', 'serve(', 'transporttype', 'mcpserver'],
    // every report is at one of this module's listen calls
    textGate: (text) => LISTEN_MARKERS.some((m) => text.includes(m)),
    messages: {
      publicBind:
        'MCP server listens on {{host}} with no authentication: anyone who can reach this machine can call its tools. Bind 127.0.0.1 or put an auth gate (requireBearerAuth, OAuth) in front of the MCP route.',
      publicReadOnly: 'MCP server listens on {{host}} with no authentication, but every tool it serves ({{tools}}) declares itself read-only and reaches no sink, and each caller brings their own credential (L{{credentialLine}}): a public read-only service. Listed as info; if a tool reads anything private with a credential the server holds, authenticate the route.',
    },
  },
  create(context) {
    return {
      Program(program) {
        const s = serving(context.eslint, program as TSESTree.Program);
        // A localhost-only Host allowlist (createMcpExpressApp() default) rejects remote callers whatever the bind.
        if (!s.http || s.model.localOnly.length > 0) return;
        const open = s.model.listens.filter(bindsAllInterfaces);
        if (open.length === 0 || s.reach().auth.length > 0) return;
        const pub = publicReadOnly(s, context.eslint.physicalFilename ?? context.eslint.filename, context.eslint.sourceCode.text);
        for (const l of open) {
          const host = l.host === null ? 'all interfaces (no host given)' : `'${l.host}' (all interfaces)`;
          if (pub) context.report({ node: l.node, messageId: 'publicReadOnly', severity: 'info', data: { host, tools: pub.tools, credentialLine: pub.credentialLine } });
          else context.report({ node: l.node, messageId: 'publicBind', data: { host } });
        }
      },
    };
  },
});
