// Credential posture: how a server's callers prove who they are, and so whether one caller's access can be revoked
// alone. OAuth/JWT access tokens and per-user tokens looked up in a store are revocable per caller. One token, or a key
// list, that the server reads once at start-up (env, a config module, the source) is revoked only by redeploying; with
// one token, logs and upstream APIs also see a single identity. mTLS pins callers to certificates. DATA with examples
// (test/mcp-model/credentials.test.ts).
import type { TSESTree } from '@typescript-eslint/types';
import { looksLikeSecretValue } from '../rule-kit/secrets.js';
import { isSignatureName, nameWords } from '../rule-kit/tables/auth-primitives.js';
import { isCredentialHeader, isIdentityHeader } from '../rule-kit/tables/identity-headers.js';
import { calleeFunction } from './analysis.js';
import { calleeName, findAncestor, isFunctionLike, literalBoolean, literalString, memberPath, nodesOf, objectProperty, propertyKeyName, unwrap, walk, type FunctionLike, type Node } from './ast.js';
import { localBinding } from './bindings.js';
import { resolveFunction, resolveValue, type ModuleCtx } from './resolve.js';
import type { AuthFact } from './server.js';

export type CredentialKind = 'oauth' | 'per-user-token' | 'static-key-list' | 'shared-static-token' | 'mtls' | 'unknown';

/** A secret the server holds itself: where it comes from and its name (never its value). */
export interface StaticSecret {
  source: 'env' | 'config' | 'literal';
  /** Env var or config key; `a literal in source` for literals. */
  name: string;
  /** One of several keys (a list or map read at start-up), rather than the one token. */
  list?: boolean;
}

export interface CredentialCheck {
  kind: CredentialKind;
  node: Node;
  /** Absolute path when in another module than the one asked about. */
  file?: string;
  /** What was found, for people: `x-api-key header checked against process.env.MCP_API_KEY`. */
  detail: string;
  secret?: StaticSecret;
}

/** Words that make a name carry a credential: headers (`x-mcp-auth`, `mcp-token`) and parameters (`providedKey`). */
const CREDENTIAL_WORDS = new Set(['auth', 'authorization', 'token', 'key', 'apikey', 'secret', 'password', 'bearer', 'credential', 'credentials']);

/** Is a request header one that carries the caller's credential? (`x-hub-signature` and `x-user-id` are not.) */
export function isCredentialLikeHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (isCredentialHeader(lower)) return true;
  if (isIdentityHeader(lower) || isSignatureName(lower)) return false;
  return lower.split(/[-_]/).some((w) => CREDENTIAL_WORDS.has(w));
}

/** Query parameters that carry a credential (`?token=`, `?api_key=`). */
const TOKEN_QUERY_PARAMS = new Set(['token', 'access_token', 'api_key', 'apikey', 'apiKey', 'key', 'auth']);

/**
 * Words of a check whose sender is a webhook (GitLab's `x-gitlab-token`, `GITHUB_WEBHOOK_SECRET`, `stripeWebhook`):
 * one sending service by design, not callers of the MCP server.
 */
export const WEBHOOK_WORDS: readonly string[] = ['webhook', 'hook', 'gitlab'];

/**
 * Functions handed the presented credential: the verifier slot of an SDK bearer gate, mcp-handler's verifyToken,
 * hand-written `validateApiKey(key)`. Their first plain parameter is what the caller sent.
 */
export const VERIFIER_SLOTS: readonly string[] = ['verifyAccessToken', 'verifyToken', 'validateToken', 'checkToken', 'validateApiKey', 'verifyApiKey', 'checkApiKey', 'isValidApiKey', 'isValidToken'];
/** Callers of a verifier given as a positional argument: `withMcpAuth(handler, verifyToken)`. */
const VERIFIER_ARGUMENT: Record<string, number> = { withMcpAuth: 1, experimental_withMcpAuth: 1 };
/** Parameter names that hold a request, not a credential. */
const REQUEST_PARAMS = new Set(['req', 'request', 'c', 'ctx', 'context', 'event', 'headers', 'res', 'next']);

/** Calls that leave a value's origin unchanged (`.trim()`, `Buffer.from(x)`, a digest of it, a Set of a list). */
const RECEIVER_TRANSFORMS = new Set(['trim', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'split', 'toString', 'toLowerCase', 'toUpperCase', 'map', 'filter', 'concat', 'at', 'normalize', 'digest', 'update', 'valueOf']);
const ARGUMENT_TRANSFORMS = new Set(['from', 'String', 'encode', 'parse', 'update', 'hash', 'sha256', 'createHmac', 'Set', 'Map', 'entries', 'keys', 'values', 'decodeURIComponent', 'atob', 'btoa', 'trim']);

/** Comparisons whose two operands are a presented and an expected credential. */
const COMPARE_CALL = /equal|compare|cmp|^match|same/i;
const COMPARISONS = new Set(['===', '!==', '==', '!=']);
/** Membership tests of a presented credential in a list (`KEYS.includes(key)`, `keys.has(key)`). */
const MEMBERSHIP_CALLS = new Set(['includes', 'has', 'indexOf']);
/** Callbacks over a list whose parameter is an element of it (`keys.some((k) => safeEqual(k, token))`). */
const LIST_CALLBACKS = new Set(['some', 'find', 'findIndex', 'every', 'filter', 'forEach', 'map']);

/** Store lookups by the presented credential: per-user tokens (`db.apiKey.findUnique({ where: { hash } })`). */
export const LOOKUP_CALL = /^(find|findOne|findUnique|findFirst|get|lookup|query|select|fetchOne|getApiKey|getToken|getUserByToken|getUserByApiKey)/;

/** Evidence that callers present OAuth or JWT access tokens, each with an example (tested). */
export const OAUTH_EVIDENCE: ReadonlyArray<{ id: string; callee?: RegExp; construct?: RegExp; jwtVerify?: true; example: string }> = [
  { id: 'jose', callee: /^(jwtVerify|createRemoteJWKSet)$/, example: 'const { payload } = await jwtVerify(token, JWKS, { audience });' },
  { id: 'jsonwebtoken', jwtVerify: true, example: "const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'] });" },
  { id: 'introspection', callee: /^introspect/i, example: 'const info = await introspectToken(token);' },
  { id: 'sdk-auth-router', callee: /^(mcpAuthRouter|mcpAuthMetadataRouter)$/, example: 'app.use(mcpAuthRouter({ provider, issuerUrl }));' },
  { id: 'oauth-provider', construct: /^(ProxyOAuthServerProvider|OAuthProvider|OAuthAuthProvider|JWTAuthProvider)$/, example: 'const provider = new ProxyOAuthServerProvider({ endpoints, verifyAccessToken, getClient });' },
];

/** Gates whose verifier is an OAuth token verifier by contract (SDK requireBearerAuth, mcp-handler withMcpAuth). */
const OAUTH_GATES = new Set(['bearer', 'mcp-handler']);

/** mcp-framework's provider that checks a fixed key list. */
const API_KEY_PROVIDER = /^APIKeyAuthProvider$/;

/** TLS sockets whose `authorized` says the client certificate was verified. */
const TLS_SOCKETS = new Set(['socket', 'client', 'tlsSocket', 'connection']);

/** `named`: only the name says it (a `token` parameter), not where it comes from (a header, a verifier slot). */
type Origin = { inbound: string; named?: boolean } | { secret: StaticSecret };

/** Name resolutions (a binding, an import, a helper's return, a call site) followed per value; parts of an expression are free. */
const MAX_TRACE = 6;

/** Header a node reads: `req.headers.authorization`, `req.headers['x-api-key']`, `headers.get('x-api-key')`, `c.req.header('Authorization')`. */
function headerName(n: Node): string | null {
  if (n.type === 'MemberExpression') {
    const p = memberPath(n);
    return p && p.length >= 2 && p[p.length - 2] === 'headers' ? p[p.length - 1] : null;
  }
  if (n.type !== 'CallExpression' || unwrap(n.callee).type !== 'MemberExpression') return null;
  const method = calleeName(n.callee);
  const name = literalString(n.arguments[0]);
  if (!name || !method) return null;
  if (method === 'header' || method === 'getHeader') return name;
  const receiver = memberPath((unwrap(n.callee) as TSESTree.MemberExpression).object);
  const last = receiver?.[receiver.length - 1];
  return method === 'get' && (last === 'headers' || last === 'req' || last === 'request') ? name : null;
}

/**
 * Origins of a member path as written: `process.env.API_KEY` and Workers' `env.API_KEY` (any env value the presented
 * credential is checked against is a secret the server holds), `req.headers.authorization`, `req.query.token`.
 */
function pathOrigins(path: readonly string[]): Origin[] {
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  if (before === 'env' && last !== undefined) return [{ secret: { source: 'env', name: path.join('.') } }];
  if (before === 'headers' && isCredentialLikeHeader(last)) return [{ inbound: `${last.toLowerCase()} header` }];
  if ((before === 'query' || before === 'searchParams') && TOKEN_QUERY_PARAMS.has(last)) return [{ inbound: `${last} query parameter` }];
  return [];
}

function namedLikeCredential(name: string): boolean {
  return nameWords(name).some((w) => CREDENTIAL_WORDS.has(w));
}

function functionName(fn: FunctionLike): string | null {
  const parent = fn.parent;
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && !parent.computed) return propertyKeyName(parent.key, false);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return null;
}

/** The first parameter of a verifier slot: what the caller presented, by the framework's contract. */
function verifierSlot(fn: FunctionLike, index: number): boolean {
  if (index !== 0) return false;
  if (VERIFIER_SLOTS.includes(functionName(fn) ?? '')) return true;
  const call = fn.parent;
  if (call?.type !== 'CallExpression') return false;
  const at = VERIFIER_ARGUMENT[calleeName(call.callee) ?? ''];
  return at !== undefined && call.arguments[at] === fn;
}

/** A parameter that receives the presented credential: of a verifier slot, or named like one. */
function presentedParam(fn: FunctionLike, index: number, name: string): boolean {
  return !REQUEST_PARAMS.has(name) && (verifierSlot(fn, index) || namedLikeCredential(name));
}

const asList = (origins: Origin[]): Origin[] => origins.map((o) => ('secret' in o ? { secret: { ...o.secret, list: true } } : o));

/** Origins already traced, with the depth they were traced at (a shallower trace had at least as much budget). */
const traced = new WeakMap<Node, { depth: number; origins: Origin[] }>();

/** Where a value comes from: the caller's request (inbound) or a secret the server holds (env, config, source). */
function originsOf(ctx: ModuleCtx, node: Node, depth = 0): Origin[] {
  if (depth > MAX_TRACE) return [];
  const known = traced.get(node);
  if (known && known.depth <= depth) return known.origins;
  const origins = traceOrigins(ctx, node, depth);
  traced.set(node, { depth, origins });
  return origins;
}

function traceOrigins(ctx: ModuleCtx, node: Node, depth: number): Origin[] {
  const n = unwrap(node);
  const next = (m: Node): Origin[] => originsOf(ctx, m, depth);
  switch (n.type) {
    case 'Literal': {
      const s = literalString(n);
      return s !== null && looksLikeSecretValue(s, 'password') ? [{ secret: { source: 'literal', name: 'a literal in source' } }] : [];
    }
    case 'TemplateLiteral':
      return n.expressions.flatMap(next);
    case 'LogicalExpression':
    case 'BinaryExpression':
      return [...next(n.left as Node), ...next(n.right)];
    case 'ConditionalExpression':
      return [...next(n.consequent), ...next(n.alternate)];
    case 'ArrayExpression':
      return n.elements.flatMap((e) => (e ? next(e.type === 'SpreadElement' ? e.argument : e) : []));
    case 'ObjectExpression':
      return n.properties.flatMap((p) => (p.type === 'Property' ? next(p.value) : next(p.argument)));
    case 'NewExpression':
      return n.arguments[0] && ARGUMENT_TRANSFORMS.has(calleeName(n.callee) ?? '') ? next(n.arguments[0]) : [];
    case 'MemberExpression':
      return memberOrigins(ctx, n, depth);
    case 'CallExpression':
      return callOrigins(ctx, n, depth);
    case 'Identifier':
      return identifierOrigins(ctx, n, depth);
    default:
      return [];
  }
}

function memberOrigins(ctx: ModuleCtx, n: TSESTree.MemberExpression, depth: number): Origin[] {
  const path = memberPath(n);
  const direct = path ? pathOrigins(path) : [];
  if (direct.length) return direct;
  const header = headerName(n);
  if (header) return isCredentialLikeHeader(header) ? [{ inbound: `${header.toLowerCase()} header` }] : [];
  const key = propertyKeyName(n.property, n.computed);
  // `presented.length !== expected.length`: a length says nothing about which credential it is.
  if (key === 'length') return [];
  const obj = unwrap(n.object);
  // `config.token` of an object literal, declared here or imported from a config module: that property only.
  if (!n.computed && key && obj.type === 'Identifier') {
    const b = localBinding(obj);
    const value = b ? (b.kind === 'var' && b.init && b.path.length === 0 ? { node: unwrap(b.init), ctx } : null) : resolveValue(ctx, obj);
    if (value?.node.type === 'ObjectExpression') {
      const prop = objectProperty(value.node, key);
      return prop ? originsOf(value.ctx, prop, depth + 1) : [];
    }
  }
  // `auth.split(' ')[1]`, `k.sha256` of a key record: a part of the value comes from where the value does.
  return originsOf(ctx, n.object, depth);
}

function callOrigins(ctx: ModuleCtx, n: TSESTree.CallExpression, depth: number): Origin[] {
  const header = headerName(n);
  if (header) return isCredentialLikeHeader(header) ? [{ inbound: `${header.toLowerCase()} header` }] : [];
  const callee = unwrap(n.callee);
  const name = calleeName(callee) ?? '';
  const first = n.arguments[0];
  if (callee.type === 'MemberExpression') {
    const receiver = memberPath(callee.object);
    // `Deno.env.get('API_KEY')`, `url.searchParams.get('token')`
    const key = literalString(first);
    if (name === 'get' && receiver && key) {
      const found = pathOrigins([...receiver, key]);
      if (found.length) return found;
    }
    if (RECEIVER_TRANSFORMS.has(name)) return [...originsOf(ctx, callee.object, depth), ...(ARGUMENT_TRANSFORMS.has(name) && first ? originsOf(ctx, first, depth) : [])];
  }
  if (ARGUMENT_TRANSFORMS.has(name) && first) return originsOf(ctx, first, depth);
  // `extractToken(req)`, `getApiKey()`: what the helper returns.
  const target = resolveFunction(ctx, callee);
  return target ? returned(target.fn).flatMap((r) => originsOf(target.ctx, r, depth + 1)) : [];
}

/** The expressions a function returns (its expression body, or its `return`s outside nested functions). */
function returned(fn: FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  walk(fn.body, (n) => {
    if (isFunctionLike(n)) return false;
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
  });
  return out;
}

function identifierOrigins(ctx: ModuleCtx, n: TSESTree.Identifier, depth: number): Origin[] {
  const b = localBinding(n);
  if (b?.kind === 'var') {
    // `for (const [hex, staff] of Object.entries(TABLE))`: an element of the list.
    if (b.of) return asList(originsOf(ctx, b.of, depth + 1));
    if (!b.init) return [];
    const base = memberPath(b.init);
    if (b.path.length > 0) return base ? pathOrigins([...base, ...b.path]) : [];
    return originsOf(ctx, b.init, depth + 1);
  }
  if (b?.kind === 'param') return paramOrigins(ctx, b.fn, b.index, b.path, n.name, depth);
  const value = resolveValue(ctx, n);
  return value && value.node !== n ? originsOf(value.ctx, value.node, depth + 1) : [];
}

function paramOrigins(ctx: ModuleCtx, fn: FunctionLike, index: number, path: string[], name: string, depth: number): Origin[] {
  // `({ headers: { authorization } }) => …`
  if (path.length >= 2) return pathOrigins(path);
  if (path.length === 1) return namedLikeCredential(name) ? [{ inbound: `parameter ${name}`, named: true }] : [];
  if (presentedParam(fn, index, name)) return [{ inbound: `the credential given to ${functionName(fn) ?? 'the verifier'}`, named: !verifierSlot(fn, index) }];
  const call = fn.parent;
  // `keys.some((k) => …)`: an element of the list.
  if (call?.type === 'CallExpression' && (call.arguments as Node[]).includes(fn) && LIST_CALLBACKS.has(calleeName(call.callee) ?? '')) {
    const callee = unwrap(call.callee);
    return callee.type === 'MemberExpression' ? asList(originsOf(ctx, callee.object, depth + 1)) : [];
  }
  // `function lookup(presented) {…}` called as `lookup(req.header('x-api-key'))` in the same module.
  const fname = functionName(fn);
  if (!fname) return [];
  return (callSites(ctx).get(fname) ?? [])
    .filter((c) => c.arguments[index])
    .slice(0, 3)
    .flatMap((c) => originsOf(ctx, c.arguments[index], depth + 1));
}

const sites = new WeakMap<Node, Map<string, TSESTree.CallExpression[]>>();

/** Calls of plain names in a module, by name (built once per module). */
function callSites(ctx: ModuleCtx): Map<string, TSESTree.CallExpression[]> {
  let byName = sites.get(ctx.ast);
  if (byName) return byName;
  byName = new Map();
  for (const c of nodesOf(ctx.ast, 'CallExpression')) {
    if (c.callee.type !== 'Identifier') continue;
    const list = byName.get(c.callee.name);
    if (list) list.push(c);
    else byName.set(c.callee.name, [c]);
  }
  sites.set(ctx.ast, byName);
  return byName;
}

/** The presented credential among the origins; `fromRequest`: only one seen coming from the request. */
function firstInbound(origins: Origin[], fromRequest = false): string | null {
  for (const o of origins) if ('inbound' in o && !(fromRequest && o.named)) return o.inbound;
  return null;
}
function firstSecret(origins: Origin[]): StaticSecret | null {
  for (const o of origins) if ('secret' in o) return o.secret;
  return null;
}

/** A check whose sender is a webhook, by the names around it. */
function webhookCheck(n: Node, inbound: string, secret: StaticSecret): boolean {
  const fn = findAncestor(n, isFunctionLike) as FunctionLike | null;
  const names = [inbound, secret.name, fn ? (functionName(fn) ?? '') : ''];
  return names.some((s) => nameWords(s.replace(/[^A-Za-z0-9_]+/g, '_')).some((w) => WEBHOOK_WORDS.includes(w)));
}

function staticFinding(n: Node, inbound: string, secret: StaticSecret, verb: string): CredentialCheck | null {
  if (webhookCheck(n, inbound, secret)) return null;
  const kind = secret.list ? 'static-key-list' : 'shared-static-token';
  return { kind, node: n, detail: `${inbound} ${verb} ${secret.name}`, secret };
}

/**
 * A side no credential check has: a literal that is no key (`'Bearer'`, `0`, `null`), `typeof x`, `undefined`, a
 * length. Most comparisons in a file are these; rejecting them first spares tracing the other side.
 */
function plainSide(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Literal') return !(typeof n.value === 'string' && looksLikeSecretValue(n.value, 'password'));
  if (n.type === 'UnaryExpression') return true;
  if (n.type === 'Identifier') return n.name === 'undefined';
  return n.type === 'MemberExpression' && propertyKeyName(n.property, n.computed) === 'length';
}

/** A presented credential checked against a secret the server holds (`===`, a compare helper, list membership). */
function staticCheck(ctx: ModuleCtx, n: Node): CredentialCheck | null {
  let pairs: Array<[Node, Node, boolean]> = [];
  if (n.type === 'BinaryExpression' && COMPARISONS.has(n.operator) && n.left.type !== 'PrivateIdentifier') {
    if (plainSide(n.left) || plainSide(n.right)) return null;
    pairs = [[n.left, n.right, false], [n.right, n.left, false]];
  }
  else if (n.type === 'CallExpression') {
    const name = calleeName(n.callee) ?? '';
    const callee = unwrap(n.callee);
    const [a, b] = n.arguments as Node[];
    if (COMPARE_CALL.test(name) && a && b) pairs = [[a, b, false], [b, a, false]];
    else if (MEMBERSHIP_CALLS.has(name) && callee.type === 'MemberExpression' && a) pairs = [[a, callee.object, true]];
  }
  for (const [presented, expected, membership] of pairs) {
    const inbound = firstInbound(originsOf(ctx, presented));
    if (!inbound) continue;
    const secret = firstSecret(membership ? asList(originsOf(ctx, expected)) : originsOf(ctx, expected));
    if (secret) return staticFinding(n, inbound, secret, membership ? 'looked up in' : 'checked against');
  }
  return null;
}

/** The presented credential looked up in a store (per-user tokens), or in a map read at start-up (a key list). */
function lookupCheck(ctx: ModuleCtx, n: TSESTree.CallExpression): CredentialCheck | null {
  const name = calleeName(n.callee) ?? '';
  // A helper of the project's own (`lookup(presented)`) is read where it checks, not counted as a store.
  if (!LOOKUP_CALL.test(name) || n.arguments.every((a) => unwrap(a).type === 'Literal') || headerName(n) || resolveFunction(ctx, n.callee)) return null;
  // A helper taking `apiKey` may be the server's own client: a lookup counts when the key comes from the request.
  const inbound = firstInbound(n.arguments.flatMap((a) => (a.type === 'SpreadElement' ? [] : originsOf(ctx, a))), true);
  if (!inbound) return null;
  const callee = unwrap(n.callee);
  const secret = callee.type === 'MemberExpression' ? firstSecret(asList(originsOf(ctx, callee.object))) : null;
  if (secret) return staticFinding(n, inbound, secret, 'looked up in');
  return { kind: 'per-user-token', node: n, detail: `${inbound} looked up with ${name}()` };
}

function oauthEvidence(n: Node): CredentialCheck | null {
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return null;
  const name = calleeName(n.callee) ?? '';
  for (const e of OAUTH_EVIDENCE) {
    const hit =
      (e.callee && n.type === 'CallExpression' && e.callee.test(name)) ||
      (e.construct && n.type === 'NewExpression' && e.construct.test(name)) ||
      (e.jwtVerify && n.type === 'CallExpression' && name === 'verify' && /jwt|jsonwebtoken/i.test(memberPath(n.callee)?.slice(-2, -1)[0] ?? ''));
    if (hit) return { kind: 'oauth', node: n, detail: e.id === 'jsonwebtoken' || e.id === 'jose' ? 'JWT access tokens verified' : `OAuth (${name})` };
  }
  return null;
}

/**
 * Client certificates: `https.createServer({ requestCert: true })` that rejects unknown ones (`rejectUnauthorized`
 * left on), or code that checks `req.socket.authorized` itself.
 */
function mtlsCheck(n: Node): CredentialCheck | null {
  if (n.type === 'MemberExpression') {
    const p = memberPath(n);
    return p && p[p.length - 1] === 'authorized' && TLS_SOCKETS.has(p[p.length - 2]) ? { kind: 'mtls', node: n, detail: 'client certificate checked (socket.authorized)' } : null;
  }
  if (n.type !== 'Property' || propertyKeyName(n.key, n.computed) !== 'requestCert' || literalBoolean(n.value) !== true) return null;
  if (literalBoolean(objectProperty(n.parent, 'rejectUnauthorized')) === false) return null;
  return { kind: 'mtls', node: n, detail: 'client certificates required (requestCert, rejectUnauthorized)' };
}

/** mcp-framework `new APIKeyAuthProvider({ keys: [process.env.API_KEY] })`: a fixed key list. */
function apiKeyProvider(ctx: ModuleCtx, n: Node): CredentialCheck | null {
  if (n.type !== 'NewExpression' || !API_KEY_PROVIDER.test(calleeName(n.callee) ?? '')) return null;
  const options = n.arguments[0] && resolveValue(ctx, n.arguments[0]);
  const keys = options ? objectProperty(options.node, 'keys') : null;
  const secret = { ...((keys && firstSecret(originsOf(options!.ctx, keys))) ?? { source: 'config' as const, name: 'its keys option' }), list: true };
  return { kind: 'static-key-list', node: n, detail: `API key list from ${secret.name}`, secret };
}

/** The credential check a node makes, if any. */
function checkAt(ctx: ModuleCtx, n: Node): CredentialCheck | null {
  return staticCheck(ctx, n) ?? (n.type === 'CallExpression' ? lookupCheck(ctx, n) : null) ?? oauthEvidence(n) ?? mtlsCheck(n) ?? apiKeyProvider(ctx, n);
}

const CHECKED_TYPES = new Set(['BinaryExpression', 'CallExpression', 'NewExpression', 'Property', 'MemberExpression']);
const moduleCache = new WeakMap<Node, CredentialCheck[]>();

/** Every credential check in a module, in source order (cached). */
export function moduleCredentialChecks(ctx: ModuleCtx): CredentialCheck[] {
  const known = moduleCache.get(ctx.ast);
  if (known) return known;
  const out: CredentialCheck[] = [];
  for (const n of nodesOf(ctx.ast, 'BinaryExpression', 'CallExpression', 'NewExpression', 'Property', 'MemberExpression')) {
    const c = checkAt(ctx, n);
    if (c) out.push(c);
  }
  // `timingSafeCompare(presented, expected)` is the check; the compare inside the helper is the same one again.
  const helpers = new Set(out.flatMap((c) => (c.node.type === 'CallExpression' ? [resolveFunction(ctx, c.node.callee)?.fn] : [])).filter(Boolean));
  const checks = out.filter((c) => !findAncestor(c.node, (a) => helpers.has(a as FunctionLike)));
  moduleCache.set(ctx.ast, checks);
  return checks;
}

const MAX_DEPTH = 2;

/** The checks inside a function and the helpers it calls (relative imports included), up to MAX_DEPTH levels. */
function functionChecks(fn: FunctionLike, ctx: ModuleCtx, origin: ModuleCtx, visited = new Set<Node>(), depth = 0): CredentialCheck[] {
  if (!fn.body || visited.has(fn)) return [];
  visited.add(fn);
  const out: CredentialCheck[] = [];
  const file = ctx.file && ctx.file !== origin.file ? ctx.file : undefined;
  walk(fn.body, (n) => {
    const c = CHECKED_TYPES.has(n.type) ? checkAt(ctx, n) : null;
    if (c) out.push({ ...c, file });
    if (depth < MAX_DEPTH && (n.type === 'CallExpression' || n.type === 'NewExpression')) {
      const target = calleeFunction(ctx, n);
      if (target) out.push(...functionChecks(target.fn, target.ctx, origin, visited, depth + 1));
    }
  });
  return out;
}

/**
 * The checks a gate makes per request: in its middleware (or the factory that builds it), its verifier object or
 * class, its authenticate function, or the provider it is given (`new ProxyOAuthServerProvider(…)`).
 */
function gateChecks(ctx: ModuleCtx, fact: AuthFact): CredentialCheck[] {
  const seen = new Set<Node>();
  const of = (node: Node | null | undefined, c: ModuleCtx): CredentialCheck[] => {
    if (!node || seen.has(node)) return [];
    seen.add(node);
    const n = unwrap(node);
    const fn = resolveFunction(c, n);
    if (fn) return functionChecks(fn.fn, fn.ctx, ctx);
    const value = resolveValue(c, n);
    if (!value || (value.node === n && n.type === 'Identifier')) return [];
    const v = unwrap(value.node);
    const own = checkAt(value.ctx, v);
    if (own) return [own];
    if (v.type === 'CallExpression') return of(v.callee, value.ctx);
    if (v.type === 'NewExpression' && v.callee.type === 'Identifier') {
      const cls = value.ctx.index.classes.get(v.callee.name);
      return (cls?.body.body ?? []).flatMap((m) => (m.type === 'MethodDefinition' && m.value.body ? functionChecks(m.value, value.ctx, ctx) : []));
    }
    if (v.type === 'ObjectExpression') return v.properties.flatMap((p) => (p.type === 'Property' ? of(p.value, value.ctx) : []));
    return v === n ? [] : of(v, value.ctx);
  };
  const node = unwrap(fact.node);
  switch (fact.kind) {
    case 'oauth-provider':
      return [{ kind: 'oauth', node, detail: 'OAuth (OAuthProvider)' }];
    case 'bearer':
      return node.type === 'CallExpression' && node.arguments[0] ? of(objectProperty(resolveValue(ctx, node.arguments[0])?.node, 'verifier'), ctx) : [];
    case 'mcp-handler':
      return node.type === 'CallExpression' ? of(node.arguments[1], ctx) : [];
    case 'mcp-framework':
      return of(objectProperty(node, 'provider'), ctx);
    default:
      return of(node, ctx);
  }
}

/** What a gate's credential is, from the checks it makes; `unknown` when they cannot be read (a package's gate). */
export function gateCredential(ctx: ModuleCtx, fact: AuthFact): { kinds: CredentialKind[]; checks: CredentialCheck[] } {
  const checks = gateChecks(ctx, fact);
  // The SDK's and mcp-handler's bearer gates are OAuth resource-server middleware: what their verifier does beyond
  // what was read (an introspection call to a configured URL, a package's verifier) is OAuth token verification.
  if (checks.length === 0 && OAUTH_GATES.has(fact.kind)) checks.push({ kind: 'oauth', node: fact.node, detail: `OAuth bearer tokens (${fact.kind === 'bearer' ? 'requireBearerAuth' : 'withMcpAuth'})` });
  const kinds = [...new Set(checks.map((c) => c.kind))].sort();
  return { kinds: kinds.length ? kinds : ['unknown'], checks };
}
