import type { TSESTree } from '@typescript-eslint/types';
import { calleeName, isFunction, literalString, memberChain, unwrap, walk, type Flow } from './flow.js';
import { CSPRNG_CALLS, DECODE_ONLY_FUNCTIONS, JWT_LIBRARIES, JWT_VERIFY_FUNCTIONS, SIGNATURE_CHECK_CALL } from './tables/auth-primitives.js';

type Node = TSESTree.Node;

/** 'other': a module we do not know (jwt-simple, a local wrapper); its `decode`/`verify` may do anything. */
export type JwtLibrary = (typeof JWT_LIBRARIES)[number] | 'other';

/** Conventional local names when the import is not visible (re-exports, globals in examples). */
const LIBRARY_BY_LOCAL_NAME: Record<string, JwtLibrary> = { jwt: 'jsonwebtoken', jsonwebtoken: 'jsonwebtoken', jose: 'jose' };
const LIBRARY_BY_FUNCTION: Record<string, JwtLibrary> = { decodeJwt: 'jose', decodeProtectedHeader: 'jose', jwtVerify: 'jose', jwtDecode: 'jwt-decode', jwt_decode: 'jwt-decode' };
const KNOWN = new Set<string>(JWT_LIBRARIES);

/** The module an identifier is bound to: `import jwt from 'jsonwebtoken'`, `const { decode } = require('jsonwebtoken')`. */
function moduleOf(flow: Flow, id: TSESTree.Identifier): string | null {
  const v = flow.variable(id);
  for (const def of v?.defs ?? []) {
    if (def.type === 'ImportBinding') {
      const decl = (def.parent as unknown as TSESTree.ImportDeclaration | null) ?? null;
      if (decl && decl.type === 'ImportDeclaration') return decl.source.value;
    }
    if (def.type === 'Variable') {
      const init = (def.node as unknown as TSESTree.VariableDeclarator).init;
      const call = init ? unwrap(init) : null;
      if (call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require') {
        return literalString(call.arguments[0]);
      }
    }
  }
  return null;
}

/** Which JWT library and function a call uses, or null when it is not a JWT call. */
export function jwtCall(flow: Flow, call: TSESTree.CallExpression): { library: JwtLibrary; fn: string } | null {
  const callee = unwrap(call.callee);
  let fn: string | null = null;
  let root: TSESTree.Identifier | null = null;
  if (callee.type === 'Identifier') {
    fn = callee.name;
    root = callee;
  } else if (callee.type === 'MemberExpression') {
    const chain = memberChain(callee);
    const obj = unwrap(callee.object);
    if (!chain || obj.type !== 'Identifier') return null;
    fn = chain[chain.length - 1];
    root = obj;
  }
  if (!fn || !root) return null;
  if (!DECODE_ONLY_FUNCTIONS.includes(fn) && !JWT_VERIFY_FUNCTIONS.includes(fn) && fn !== 'decodeProtectedHeader') return null;
  const source = moduleOf(flow, root);
  let library: JwtLibrary | null;
  if (source) library = KNOWN.has(source) ? (source as JwtLibrary) : 'other';
  else library = LIBRARY_BY_FUNCTION[fn] ?? (root !== callee ? LIBRARY_BY_LOCAL_NAME[root.name] : undefined) ?? null;
  return library ? { library, fn } : null;
}

/** Is this call a decode that checks nothing (jsonwebtoken `decode`, jose `decodeJwt`, jwt-decode)? */
export function isDecodeOnly(flow: Flow, call: TSESTree.CallExpression): boolean {
  const hit = jwtCall(flow, call);
  if (!hit || hit.library === 'other') return false;
  if (hit.library === 'jsonwebtoken') {
    // jsonwebtoken.decode(token, { complete }) only parses; a key as second argument would be a verifying API.
    const second = call.arguments[1];
    return hit.fn === 'decode' && (!second || unwrap(second).type === 'ObjectExpression');
  }
  return hit.fn !== 'jwtVerify';
}

/** `token.split('.')`: the caller then picks segment [1], the payload. */
export function isJwtSplit(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return false;
  const chain = memberChain(n.callee);
  return chain !== null && chain[chain.length - 1] === 'split' && literalString(n.arguments[0] ?? n) === '.';
}

/**
 * Is the token behind a decode (`decode(token)` or `token.split('.')`) also handed to a signature check in the same
 * function? `const [sig, body] = cookie.split('.'); if (!(await verifySignature(key, sig, atob(body)))) return null`
 * is a hand-written verify, and `decode(t)` next to `jwt.verify(t, key)` reads claims the verify has checked.
 * Same function only: a check elsewhere in the file may run on another path.
 */
export function isCheckedInSameFunction(flow: Flow, decode: TSESTree.CallExpression): boolean {
  const cached = checkedDecodes.get(decode);
  if (cached !== undefined) return cached;
  const callee = unwrap(decode.callee);
  const split = isJwtSplit(decode) && callee.type === 'MemberExpression';
  const token = split ? callee.object : decode.arguments[0];
  const tokenChain = token ? memberChain(token)?.join('.') : undefined;
  // a segment of the same split (the signature, the payload) or the token itself
  const sameToken = (node: Node): string | null =>
    (split && node === decode) || (tokenChain !== undefined && memberChain(node)?.join('.') === tokenChain) ? 'token' : null;
  let scope: Node = decode;
  while (scope.parent && !isFunction(scope)) scope = scope.parent;
  let checked = false;
  walk(scope, (node) => {
    if (checked || node.type !== 'CallExpression' || node === decode) return;
    // a signature check here, or a same-file helper that checks one (`validateProof(proof)` runs jwtVerify on it)
    if (!SIGNATURE_CHECK_CALL.test(calleeName(node) ?? '') && !helperChecksSignature(flow, node)) return;
    // arguments are often converted first (`hexToBytes(sig)`, `encode(body)`): look at every value inside them
    for (const arg of node.arguments) {
      walk(arg, (inner) => {
        if (!checked && (inner.type === 'Identifier' || inner.type === 'MemberExpression')) checked = flow.origin(inner, sameToken) !== null;
      });
    }
  });
  checkedDecodes.set(decode, checked);
  return checked;
}

const checkedDecodes = new WeakMap<Node, boolean>();

/** Does the call go to a function of this file whose body checks a signature (one level: it does the checking)? */
function helperChecksSignature(flow: Flow, call: TSESTree.CallExpression): boolean {
  const fn = flow.functionOf(call.callee);
  if (!fn) return false;
  let found = helperChecks.get(fn);
  if (found === undefined) {
    found = false;
    walk(fn.body, (n) => {
      if (!found && n.type === 'CallExpression' && SIGNATURE_CHECK_CALL.test(calleeName(n) ?? '')) found = true;
    });
    helperChecks.set(fn, found);
  }
  return found;
}

const helperChecks = new WeakMap<Node, boolean>();

/**
 * Where a verify's key comes from, which decides what `audience` and `issuer` add:
 * - `embedded`: the token carries its own key (a DPoP proof's `jwk` header, jose `EmbeddedJWK`). A proof is bound by
 *   `htm`/`htu`/`ath`/`cnf`, not by `aud`/`iss`, which it does not have.
 * - `first-party`: a key only this server holds — a shared secret (HMAC), or a key pair it generated itself. Tokens
 *   verified with it were minted here (or by whoever shares the secret): `aud` separates services that share it.
 * - `issuer`: an authorization server's published keys (a JWKS). Every token that issuer mints for any client or
 *   resource verifies: without `aud` a token for another service is accepted (the MCP spec's audience rule).
 * - `unknown`: a key built elsewhere; judged like an issuer's.
 */
export type JwtKeyKind = 'embedded' | 'first-party' | 'issuer' | 'unknown';

const JWKS_CALL = /^(createRemoteJWKSet|createLocalJWKSet|jwksClient|JwksClient|getSigningKey|expressJwtSecret|passportJwtSecret|jwksRsa)$/;
const GENERATED_KEY_CALL = new RegExp(`^(generateKeyPair|generateKeyPairSync|generateSecret)$|${CSPRNG_CALLS.source}`);
/** `new TextEncoder().encode(secret)`, `Buffer.from(secret)`, `createSecretKey(secret)`: a symmetric key from a secret. */
const SECRET_KEY_CALL = /^(encode|from|createSecretKey)$/;
const IMPORT_KEY_CALL = /^(importJWK|importSPKI|importX509|importPKCS8)$/;
/** Words in a key's name that say what it is. */
const SECRET_KEY_WORDS = new Set(['secret', 'hmac', 'shared', 'keypair', 'keypairs']);
const ISSUER_KEY_WORDS = new Set(['jwks', 'jwk', 'issuer', 'idp']);

function lastName(n: Node): string | null {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression') return memberChain(n)?.pop() ?? null;
  return null;
}

function keyWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The token's own header: `decodeProtectedHeader(proof).jwk`, `const { jwk } = header`. */
const fromTokenHeader = (n: Node, path: readonly string[]): string | null => {
  if (path[0] !== 'jwk') return null;
  if (n.type === 'CallExpression' && calleeName(n) === 'decodeProtectedHeader') return 'embedded';
  const name = lastName(n);
  return name && /header/i.test(name) ? 'embedded' : null;
};

export function jwtKeyKind(flow: Flow, key: Node | undefined, algorithms: string[] = []): JwtKeyKind {
  if (algorithms.length > 0 && algorithms.every((a) => /^HS\d+$/i.test(a))) return 'first-party';
  if (!key) return 'unknown';
  const origin = flow.origin(key, (n, path) => {
    // `const { publicKey } = await generateKeyPair('ES256')`: any part of a key pair generated here
    if ((n.type === 'CallExpression' || n.type === 'AwaitExpression') && GENERATED_KEY_CALL.test(calleeName(unwrap(n) as TSESTree.CallExpression) ?? '')) return 'first-party';
    if (path.length > 0) return null;
    if (lastName(n) === 'EmbeddedJWK') return 'embedded';
    if (literalString(n) !== null) return 'first-party';
    if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      const name = calleeName(n) ?? '';
      if (JWKS_CALL.test(name)) return 'issuer';
      if (GENERATED_KEY_CALL.test(name) || SECRET_KEY_CALL.test(name)) return 'first-party';
      if (IMPORT_KEY_CALL.test(name) && n.arguments[0] && flow.origin(n.arguments[0], fromTokenHeader)) return 'embedded';
    }
    const name = lastName(n);
    if (name) {
      const words = keyWords(name);
      if (words.some((w) => ISSUER_KEY_WORDS.has(w))) return 'issuer';
      if (words.some((w) => SECRET_KEY_WORDS.has(w))) return 'first-party';
    }
    return null;
  });
  return (origin?.label as JwtKeyKind | undefined) ?? 'unknown';
}
