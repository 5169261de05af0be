import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { publicReadOnly, serving } from '../src/mcp-model/serving.js';

export default createRule<'credentialed' | 'wildcard' | 'publicReadOnly'>('no-permissive-cors', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'CORS on an MCP endpoint must not admit any origin with credentials, nor any origin on an unauthenticated server.',
    cwe: ['CWE-942', 'CWE-346'],
    owasp: ['MCP07'],
    keywords: ['cors', 'access-control-allow-origin'],
    messages: {
      credentialed:
        'CORS on the MCP server {{origin}} with credentials: any web page can call its tools as the signed-in user. Allow a fixed list of origins.',
      wildcard:
        'CORS on an unauthenticated MCP server {{origin}}: any web page the user visits can call its tools. Allow a fixed list of origins or require authentication.',
      publicReadOnly: 'CORS on an unauthenticated MCP server {{origin}}, but every tool it serves ({{tools}}) declares itself read-only and reaches no sink, and each caller brings their own credential (L{{credentialLine}}): a public read-only service. Listed as info; if a tool reads anything private with a credential the server holds, authenticate the route.',
    },
  },
  create(context) {
    return {
      Program(program) {
        const s = serving(context.eslint, program as TSESTree.Program);
        if (!s.http) return;
        for (const c of s.model.cors) {
          if (c.origin === 'list') continue;
          const origin = c.origin === 'any' ? "allows any origin ('*')" : 'reflects any Origin';
          if (c.credentials) context.report({ node: c.node, messageId: 'credentialed', data: { origin } });
          else if (s.reach().auth.length === 0) {
            const pub = publicReadOnly(s, context.eslint.physicalFilename ?? context.eslint.filename, context.eslint.sourceCode.text);
            if (pub) context.report({ node: c.node, messageId: 'publicReadOnly', severity: 'info', data: { origin, tools: pub.tools, credentialLine: pub.credentialLine } });
            else context.report({ node: c.node, messageId: 'wildcard', severity: 'low', data: { origin } });
          }
        }
      },
    };
  },
});
