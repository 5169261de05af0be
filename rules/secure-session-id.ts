import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { memberPath, walk } from '../src/mcp-model/ast.js';
import { serverModel } from '../src/mcp-model/server.js';
import { moduleCtx } from '../src/mcp-model/resolve.js';
import { weakSessionSource } from '../src/mcp-model/session-ids.js';
import { getToolRegistrations } from '../src/mcp-model/tools.js';
import { nameWords } from '../src/rule-kit/tables/auth-primitives.js';
import { PERSON_WORDS, PRIVILEGES } from '../src/rule-kit/tables/identity-headers.js';

/** Handler parameters that carry the transport session id (`extra.sessionId` v1, `ctx.sessionId` v2, fastmcp `context`). */
const CONTEXT_NAMES = new Set(['extra', 'ctx', 'context']);

/** Words that name who a caller is or what it may do (person, role, privilege, credential). */
const IDENTITY_WORDS = new Set([...PERSON_WORDS.filter((w) => w !== 'id' && w !== 'name'), ...PRIVILEGES, 'owner', 'identity', 'auth', 'tenant', 'customer', 'permission', 'permissions', 'scope', 'scopes', 'claims', 'credential', 'credentials', 'token', 'users', 'accounts', 'principals', 'members', 'owners', 'operator', 'operators', 'profile', 'profiles', 'person', 'people', 'customers', 'employees']);

/** Does the expression's name (its last member, or the identifier) contain an identity word? */
function namesIdentity(node: TSESTree.Node | undefined): boolean {
  const path = node && memberPath(node);
  return !!path && path.some((seg) => nameWords(seg.replace(/\(\)$/, '')).some((w) => IDENTITY_WORDS.has(w)));
}

/**
 * `users.get(extra.sessionId)`, `const user = sessions.get(extra.sessionId)`, `sessions.get(sid).role`: the map, the
 * variable that receives the value, or the property read from it names an identity.
 */
function lookupNamesIdentity(call: TSESTree.CallExpression): boolean {
  if (namesIdentity((call.callee as TSESTree.MemberExpression).object)) return true;
  let up: TSESTree.Node = call;
  while (up.parent && (up.parent.type === 'AwaitExpression' || up.parent.type === 'LogicalExpression' || up.parent.type === 'TSAsExpression' || up.parent.type === 'TSNonNullExpression' || up.parent.type === 'ChainExpression')) up = up.parent;
  const p = up.parent;
  if (p?.type === 'VariableDeclarator' && p.init === up) return p.id.type === 'Identifier' ? namesIdentity(p.id) : p.id.type === 'ObjectPattern';
  if (p?.type === 'MemberExpression' && p.object === up) return namesIdentity(p.property);
  return false;
}

export default createRule<'weakGenerator' | 'sessionAsIdentity'>('secure-session-id', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'MCP session ids must come from a CSPRNG and must never stand in for the caller’s identity.',
    cwe: ['CWE-330', 'CWE-384'],
    owasp: ['MCP07'],
    keywords: ['sessionid'],
    // a `sessionIdGenerator` option, or a session id read as a member (`extra.sessionId`, `ctx?.sessionId`)
    textGate: (text) => text.includes('sessionIdGenerator') || /\.\s*sessionId\b|\[\s*['"`]sessionId['"`]/.test(text),
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
            // State kept per session (counters, transports, caches) is what a session id is for; it stands in for the
            // caller only when what it looks up, or is compared with, names a person or a privilege.
            const lookup =
              parent?.type === 'CallExpression' &&
              parent.arguments[0] === value &&
              parent.callee.type === 'MemberExpression' &&
              parent.callee.property.type === 'Identifier' &&
              ['get', 'has'].includes(parent.callee.property.name) &&
              lookupNamesIdentity(parent);
            const compared =
              parent?.type === 'BinaryExpression' &&
              ['===', '!==', '==', '!='].includes(parent.operator) &&
              namesIdentity(parent.left === value ? parent.right : parent.left);
            if (lookup || compared) context.report({ node: n, messageId: 'sessionAsIdentity' });
          });
        }
      },
    };
  },
});
