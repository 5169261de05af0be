// Evidence that a handler consults the caller's identity or scopes. DATA with examples
// (test/mcp-model/identity.test.ts). `sessionId` is deliberately absent: a session id is not an identity.
import { calleeName, memberPath, propertyKeyName, unwrap, type Node } from './ast.js';

export interface IdentitySignal {
  id: string;
  /** Member paths whose last segments match (`*` = any name). */
  member?: string[];
  /** Callee names. */
  callee?: RegExp;
  example: string;
}

export const IDENTITY_SIGNALS: readonly IdentitySignal[] = [
  { id: 'sdk-authInfo', member: ['authInfo'], example: "if (!extra.authInfo?.scopes.includes('files:write')) throw new Error('forbidden');" },
  { id: 'agent-props', member: ['this', 'props'], example: 'const user = this.props.userId;' },
  { id: 'worker-ctx-props', member: ['ctx', 'props'], example: 'const { userId } = this.ctx.props;' },
  { id: 'fastmcp-session', member: ['*', 'session'], example: "if (context.session?.role !== 'admin') throw new UserError('forbidden');" },
  { id: 'express-auth', member: ['req', 'auth'], example: 'const scopes = req.auth?.scopes ?? [];' },
  { id: 'mcp-auth-context', callee: /^(getMcpAuthContext|getAuthSession|getAuthContext|currentUser|getCurrentUser)$/, example: 'const auth = getMcpAuthContext();' },
  {
    id: 'authz-helper',
    callee: /^((assert|require|check|ensure|enforce|verify|has|can)(Scope|Scopes|Permission|Permissions|Role|Roles|Access|Auth|Authorized|Admin|Owner|Tenant)|authorize|isAuthorized|isAllowed|canAccess|requireAll|requireAny)$/,
    example: "assertScope(extra, 'write');",
  },
];

/** The identity signal a node shows, if any (member reads, destructured `{ authInfo }`, authorization helpers). */
export function identitySignal(node: Node): IdentitySignal | null {
  if (node.type === 'MemberExpression') {
    const path = memberPath(node);
    if (!path) return null;
    for (const s of IDENTITY_SIGNALS) {
      if (!s.member || path.length < s.member.length) continue;
      const tail = path.slice(path.length - s.member.length);
      if (s.member.every((seg, i) => seg === '*' || seg === tail[i].replace(/\(\)$/, ''))) return s;
    }
    return null;
  }
  if (node.type === 'Property' && node.parent?.type === 'ObjectPattern') {
    // `async (args, { authInfo }) => …`, `const { session } = context`
    const key = propertyKeyName(node.key, node.computed);
    return IDENTITY_SIGNALS.find((s) => s.member && s.member[s.member.length - 1] === key && s.member.length <= 2 && s.member[0] !== 'this') ?? null;
  }
  if (node.type === 'CallExpression') {
    const name = calleeName(unwrap(node.callee));
    return (name && IDENTITY_SIGNALS.find((s) => s.callee?.test(name))) || null;
  }
  return null;
}
