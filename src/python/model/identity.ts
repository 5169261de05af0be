// Evidence that a Python handler consults the caller's verified identity or scopes. DATA with examples
// (test/python/model.test.ts). The authorization-helper names are the JS table's (src/mcp-model/identity.ts), in
// snake_case too. The MCP session (`ctx.session`, `session_id`) is deliberately absent: a session is not an identity.
import { IDENTITY_SIGNALS } from '../../mcp-model/identity.js';
import { calleeName, child, keywordArg, memberPath, parameters, positionalArgs, unwrap, type PyNode } from '../tree.js';
import { headerRead, isPyIdentityHeader } from './sources.js';

export interface PyIdentitySignal {
  id: string;
  /** Callee names. */
  callee?: RegExp;
  /** Member paths whose last segments match (`*` = any name). */
  member?: string[][];
  example: string;
}

/** A JS identity signal's callee regex with its camelCase names also in snake_case (`assertScope` → `assert_scope`). */
function withSnakeCase(jsId: string, extra: string[] = []): RegExp {
  const source = IDENTITY_SIGNALS.find((s) => s.id === jsId)?.callee?.source ?? '^()$';
  // `(assert|check)(Scope|Role)` → `(assert|check)_?(scope|role)`
  const snake = source.replace(/\)\(/g, ')_?(').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return new RegExp(`${source}|${snake}${extra.length ? `|^(${extra.join('|')})$` : ''}`);
}

export const PY_IDENTITY_SIGNALS: readonly PyIdentitySignal[] = [
  // official SDK `mcp.server.auth.middleware.auth_context.get_access_token`, fastmcp `dependencies.get_access_token`
  { id: 'access-token', callee: /^get_access_token$/, example: 'token = get_access_token()' },
  { id: 'auth-context', callee: withSnakeCase('mcp-auth-context', ['get_current_user', 'current_user', 'get_user_from_token', 'verify_token', 'validate_token']), example: 'user = get_current_user(request)' },
  { id: 'authz-helper', callee: withSnakeCase('authz-helper', ['require_scopes', 'check_scopes', 'has_scope', 'has_permission', 'check_permission', 'check_access', 'is_admin_user']), example: 'require_scope(token, "files:write")' },
  // Starlette/FastAPI authentication: `request.user`, `request.auth`, `request.state.user`
  { id: 'request-user', member: [['request', 'user'], ['request', 'auth'], ['state', 'user'], ['state', 'principal'], ['request', 'scope', 'user']], example: 'if not request.user.is_authenticated: raise HTTPException(401)' },
  // an access token's scopes and claims, wherever it came from
  { id: 'token-scopes', member: [['access_token', 'scopes'], ['token', 'scopes'], ['access_token', 'claims'], ['token', 'claims']], example: 'if "admin" not in token.scopes: raise ToolError("forbidden")' },
];

/** A FastAPI dependency that resolves the caller: `user = Depends(get_current_user)`, `Security(api_key_scheme)`. */
const AUTH_DEPENDENCY = /user|auth|token|verif|principal|permission|scope|api_?key|current|identity|credential/i;

/**
 * A caller identity read from a header: spoofable (no-unverified-identity reports that), but the handler does look
 * at who is calling, so it is not a tool without any check.
 */
export const HEADER_IDENTITY_SIGNAL: PyIdentitySignal = { id: 'header-identity', example: 'user_id = ctx.get_http_request().headers.get("X-User-ID")' };

/** The identity signal a node shows, if any (calls, member reads, FastAPI auth dependencies in a signature). */
export function pyIdentitySignal(node: PyNode): PyIdentitySignal | null {
  if (node.type === 'call' || node.type === 'subscript') {
    const header = headerRead(node);
    if (header && isPyIdentityHeader(header)) return HEADER_IDENTITY_SIGNAL;
  }
  if (node.type === 'call') {
    const name = calleeName(node);
    return (name && PY_IDENTITY_SIGNALS.find((s) => s.callee?.test(name))) || null;
  }
  if (node.type === 'attribute') {
    // only the outermost read of a chain, so `request.state.user.id` counts once
    if (node.parent?.type === 'attribute' && child(node.parent, 'object') === node) return null;
    const path = memberPath(node);
    if (!path) return null;
    for (const s of PY_IDENTITY_SIGNALS) {
      for (const m of s.member ?? []) {
        for (let end = path.length; end >= m.length; end--) {
          const tail = path.slice(end - m.length, end);
          if (m.every((seg, i) => seg === '*' || seg === tail[i].replace(/\(\)$/, ''))) return s;
        }
      }
    }
  }
  return null;
}

export const DEPENDENCY_SIGNAL: PyIdentitySignal = { id: 'auth-dependency', example: 'async def delete(item_id: int, user: User = Depends(get_current_user)): ...' };

/** Parameters of a route handler whose default is an auth dependency (FastAPI). */
export function authDependencies(fn: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const p of parameters(fn)) {
    const d = unwrap(p.default);
    if (d?.type === 'call' && /^(Depends|Security)$/.test(calleeName(d) ?? '')) {
      const dep = positionalArgs(d)[0] ?? keywordArg(d, 'dependency');
      const name = memberPath(dep)?.at(-1) ?? '';
      if (AUTH_DEPENDENCY.test(name)) out.push(d);
    }
  }
  return out;
}
