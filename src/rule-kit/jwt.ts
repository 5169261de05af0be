import type { TSESTree } from '@typescript-eslint/types';
import { literalString, memberChain, unwrap, type Flow } from './flow.js';
import { DECODE_ONLY_FUNCTIONS, JWT_LIBRARIES, JWT_VERIFY_FUNCTIONS } from './tables/auth-primitives.js';

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
