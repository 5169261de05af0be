import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { memberPath, walk } from '../src/mcp-model/ast.js';
import { serverModel } from '../src/mcp-model/server.js';
import { moduleCtx } from '../src/mcp-model/resolve.js';
import { weakSessionSource } from '../src/mcp-model/session-ids.js';
import { getToolRegistrations } from '../src/mcp-model/tools.js';

/** Handler parameters that carry the transport session id (`extra.sessionId` v1, `ctx.sessionId` v2, fastmcp `context`). */
const CONTEXT_NAMES = new Set(['extra', 'ctx', 'context']);

export default createRule<'weakGenerator' | 'sessionAsIdentity'>('secure-session-id', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'MCP session ids must come from a CSPRNG and must never stand in for the caller’s identity.',
    cwe: ['CWE-330', 'CWE-384'],
    owasp: ['MCP07'],
    keywords: ['sessionid'],
    messages: {
      weakGenerator: 'sessionIdGenerator derives session ids from {{source}}: they can be guessed and sessions hijacked. Use crypto.randomUUID().',
      sessionAsIdentity:
        "The session id is used as the caller's identity here: the MCP spec says servers MUST NOT use sessions for authentication. Use the verified token (authInfo) instead.",
    },
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      Program(program) {
        const ast = program as TSESTree.Program;
        const ctx = moduleCtx(ast, filename);
        for (const value of serverModel(ctx, context.eslint.sourceCode.text).sessionIdGenerators) {
          const weak = weakSessionSource(ctx, value);
          if (weak) context.report({ node: value, messageId: 'weakGenerator', data: { source: weak.label } });
        }
        // Inside tool handlers: `sessions.get(extra.sessionId)` or `extra.sessionId === owner` decides who the caller is.
        for (const reg of getToolRegistrations(context.eslint.sourceCode, filename)) {
          if (!reg.handler?.body || reg.handlerFile) continue;
          walk(reg.handler.body, (n) => {
            if (n.type !== 'MemberExpression') return;
            const p = memberPath(n);
            if (!p || p.length !== 2 || p[1] !== 'sessionId' || !CONTEXT_NAMES.has(p[0])) return;
            // Climb `extra.sessionId ?? ''` and `extra.sessionId!` to the expression that uses the value.
            let value: TSESTree.Node = n;
            while (value.parent && (value.parent.type === 'LogicalExpression' || value.parent.type === 'TSNonNullExpression' || value.parent.type === 'ChainExpression' || value.parent.type === 'TSAsExpression')) value = value.parent;
            const parent = value.parent;
            const lookup = parent?.type === 'CallExpression' && parent.arguments[0] === value && ['get', 'has'].includes(parent.callee.type === 'MemberExpression' && parent.callee.property.type === 'Identifier' ? parent.callee.property.name : '');
            const compared = parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator);
            if (lookup || compared) context.report({ node: n, messageId: 'sessionAsIdentity' });
          });
        }
      },
    };
  },
});
