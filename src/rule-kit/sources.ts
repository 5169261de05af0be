import type { TSESTree } from '@typescript-eslint/types';
import type { Keyword } from './create-rule.js';
import { calleeName, literalString, memberChain, unwrap, type SourceMatcher } from './flow.js';
import { CREDENTIAL_HEADERS, isCredentialHeader, isIdentityHeader } from './tables/identity-headers.js';
import { isSecretName } from './tables/auth-primitives.js';

/**
 * Values that come from an incoming request or the server's own secrets, as `SourceMatcher`s for `Flow`.
 * Recognised shapes: Express/Node `req.headers[...]`, `req.get()/req.header()`, Fetch/Hono `headers.get()`,
 * `c.req.header()`, SDK v1 `extra.requestInfo?.headers`, SDK v2 `ctx.http?.req?.headers`, `authInfo`, `process.env`.
 */

type Node = TSESTree.Node;

/** Names an incoming request goes by: Express/Node `req`, Fetch `request`, Hono `c.req.raw`, SDK `extra.requestInfo`. */
const REQUEST_NAMES = ['req', 'request', 'raw', 'requestInfo'];

/**
 * Objects whose `.headers` are the inbound request's: requests, Lambda `event`, and fastmcp sessions that copied
 * them (`authenticate: (req) => ({ headers: req.headers })`). `res.headers` or a local `opts.headers` are not.
 */
const BAG_OWNERS = [...REQUEST_NAMES, 'event', 'session'];

/** A whole bag of inbound request headers: `req.headers`, `extra.requestInfo?.headers`, `c.req.header()`. */
export function isHeaderBag(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'CallExpression' && n.arguments.length === 0) {
    return calleeName(n) === 'header' && unwrap(n.callee).type === 'MemberExpression';
  }
  const chain = memberChain(n);
  return chain !== null && chain.length >= 2 && chain[chain.length - 1] === 'headers' && BAG_OWNERS.includes(chain[chain.length - 2]);
}

/** Receivers of `.get(name)` that are requests or header bags: Express `req.get()`, Fetch `headers.get()`. */
function isRequestLike(node: Node): boolean {
  if (isHeaderBag(node)) return true;
  const chain = memberChain(node);
  return chain !== null && REQUEST_NAMES.includes(chain[chain.length - 1]);
}

/** The header name `node` reads when the program reads `path` out of it; lowercase; null if not a header read. */
export function headerRead(node: Node, path: readonly string[]): string | null {
  const n = unwrap(node);
  if (path.length > 0 && isHeaderBag(n)) return path[0].toLowerCase();
  // `const { headers: { 'x-user-id': id } } = req`: the bag is read out of the request itself
  if (path.length > 1 && path[0] === 'headers' && isRequestLike(n)) return path[1].toLowerCase();
  if (n.type !== 'CallExpression' || n.arguments.length === 0) return null;
  const callee = unwrap(n.callee);
  if (callee.type !== 'MemberExpression') return null;
  const method = calleeName(n);
  const name = literalString(n.arguments[0]);
  if (name === null) return null;
  if (method === 'header' || method === 'getHeader') return name.toLowerCase();
  if (method === 'get' && isRequestLike(callee.object)) return name.toLowerCase();
  return null;
}

/** A value read from an identity header (x-user-id, x-forwarded-email, …). */
export const identityHeader: SourceMatcher = (node, path) => {
  const name = headerRead(node, path);
  return name && isIdentityHeader(name) ? name : null;
};

/** The inbound credential: the Authorization/Cookie/API-key header, or `authInfo.token`. */
export const inboundCredential: SourceMatcher = (node, path) => {
  const name = headerRead(node, path);
  if (name && isCredentialHeader(name)) return `${name} header`;
  const chain = memberChain(node);
  if (chain && chain[chain.length - 1] === 'authInfo' && path[0] === 'token') return 'authInfo.token';
  return null;
};

/** A whole bag of inbound headers (it holds Authorization and Cookie). */
export const wholeHeaderBag: SourceMatcher = (node, path) => (path.length === 0 && isHeaderBag(node) ? 'request headers' : null);

/** A whole `AuthInfo` (it holds the raw token). */
export const wholeAuthInfo: SourceMatcher = (node, path) => {
  if (path.length > 0) return null;
  const chain = memberChain(node);
  return chain && chain[chain.length - 1] === 'authInfo' ? 'authInfo' : null;
};

/** `process.env` as a whole, or one of its secret-named keys (`process.env.GITHUB_TOKEN`). */
export const processEnvSecret: SourceMatcher = (node, path) => {
  const chain = memberChain(node);
  if (!chain || chain.join('.') !== 'process.env') return null;
  if (path.length === 0) return 'process.env';
  return isSecretName(path[0]) ? `process.env.${path[0]}` : null;
};

/**
 * Prefilter keywords one of which a file needs for `inboundCredential` or `wholeHeaderBag` to match in it: a
 * credential header's name, `authInfo` (its `token`), a `header()` call (Hono), or `headers` beside the name of one of
 * their owners (BAG_OWNERS; `request` and `requestInfo` hold `req`).
 */
export const INBOUND_CREDENTIAL_KEYWORDS: Keyword[] = [
  ...CREDENTIAL_HEADERS,
  'authinfo',
  'header(',
  'header?.(',
  ...['req', 'raw', 'event', 'session'].map((owner) => ({ all: [owner, 'headers'] })),
];

/**
 * Lowercase substrings one of which a file needs for `inboundCredential`, `wholeHeaderBag`, `wholeAuthInfo` or
 * `processEnvSecret` to match in it (keyword prefilters): a credential header's name (`req.get('authorization')`),
 * `header` (every bag, `c.req.header()`), `authInfo`, and the `env` of `process.env`.
 */
export const CREDENTIAL_SOURCE_KEYWORDS: readonly string[] = [...CREDENTIAL_HEADERS, 'header', 'authinfo', 'env'];
