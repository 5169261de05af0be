import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { calleeName, flowOf, isFunction, memberChain, propertyKey, staticKey, unwrap, walk, type Flow } from '../src/rule-kit/flow.js';
import { headerRead, isHeaderBag } from '../src/rule-kit/sources.js';
import { isSecretName, SECRET_NAME_KEYWORDS, VERIFICATION_CALL } from '../src/rule-kit/tables/auth-primitives.js';
import { VERIFIER_CALLBACKS } from '../src/rule-kit/tables/access-sinks.js';
import { CREDENTIAL_HEADERS, isCredentialHeader } from '../src/rule-kit/tables/identity-headers.js';
import { logKind } from '../src/rule-kit/sinks.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** `// verifier stands in for your deployment's token verification`, `// placeholder for real JWT validation`. */
const STAND_IN_NOTE = /\bstands?\s+in\s+for\b|\bplaceholder\s+for\b|\bstub\s+for\b|\breplace\s+(?:this|it)?\s*with\s+(?:your|a\s+real|real)\b/i;

/** Wrappers whose second argument is the token verifier (mcp-handler). */
const VERIFIER_WRAPPERS = new Set(['withMcpAuth', 'experimental_withMcpAuth']);

/** String methods that only look at the shape of the header (`startsWith('Bearer ')`, `split(' ')`). */
const SHAPE_METHODS = new Set(['startsWith', 'endsWith', 'split', 'slice', 'substring', 'trim', 'replace', 'toLowerCase', 'match', 'test']);

const COMPARISONS = new Set(['===', '!==', '==', '!=']);

function isEmptyish(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'undefined';
  if (n.type === 'UnaryExpression') return n.operator === 'typeof';
  if (n.type === 'MemberExpression') return staticKey(n) === 'length';
  return n.type === 'Literal' && (n.value === null || n.value === '' || typeof n.value === 'number' || n.value === 'Bearer' || n.value === 'bearer');
}

/**
 * Does the function check the credential against anything? A verification call (jwt.verify, introspection fetch,
 * store lookup, timingSafeEqual, also inside same-file helpers it calls) or a comparison with a value.
 */
function verifies(flow: Flow, fn: FunctionNode, depth = 0): boolean {
  let found = false;
  walk(fn.body, (n) => {
    if (found) return;
    if (n.type === 'BinaryExpression' && COMPARISONS.has(n.operator) && n.left.type !== 'PrivateIdentifier') {
      found = !isEmptyish(n.left) && !isEmptyish(n.right);
    } else if (n.type === 'CallExpression') {
      const name = calleeName(n) ?? '';
      if (headerRead(n, []) !== null || SHAPE_METHODS.has(name)) return;
      if (VERIFICATION_CALL.test(name)) found = true;
      const helper = depth < 2 ? flow.functionOf(n.callee) : null;
      if (helper && helper !== fn && verifies(flow, helper, depth + 1)) found = true;
      // The credential handed to a method this file cannot see (`this.proxy.loadUpstreamTokens(token)`, an imported
      // `tokenStore.redeem(key)`): verification is delegated there, not skipped.
      if (!helper && !NEVER_VERIFIES.test(name) && !logKind(n) && n.arguments.some((a) => isCredentialValue(a, flow))) found = true;
    }
  });
  return found;
}

/** Calls that take a credential without checking it: conversions, encodings, building a result. */
const NEVER_VERIFIES = /^(String|Number|Boolean|JSON|stringify|from|toString|encode|atob|btoa|push|set|assign|resolve|reject|json|send|end|write|createSession|next)$|decode|Decode|parse|Parse/;

/**
 * A value named as a credential (`token`, `apiKey`, `authHeader`, `bearerToken`), or read from a credential header,
 * straight or through a variable (`const key = request.headers['x-api-key']; staffForKey(key)`).
 */
function isCredentialValue(arg: Node, flow: Flow): boolean {
  const a = unwrap(arg);
  const chain = a.type === 'Identifier' || a.type === 'MemberExpression' ? memberChain(a) : null;
  const name = chain?.[chain.length - 1];
  if (name && (isSecretName(name) || /^(auth|bearer)/i.test(name))) return true;
  return flow.origin(a, credentialHeader) !== null;
}

/** Source matcher: a read of a credential header (Authorization, X-API-Key, …). */
function credentialHeader(node: Node, path: readonly string[]): string | null {
  const header = headerRead(node, path);
  return header !== null && isCredentialHeader(header) ? header : null;
}

/**
 * Is this function a verifier at all? One that takes a request or a credential, reads a credential header, or takes
 * nothing (`authenticate: () => ({ id: 'anon' })` lets everyone in). A method named `authenticate(deviceId)` that
 * obtains tokens for this process (an OAuth device-flow client) checks nobody's credential.
 */
function receivesCredential(fn: FunctionNode): boolean {
  if (fn.params.length === 0 || credentialRead(fn)) return true;
  return fn.params.some((p) => {
    const id = p.type === 'AssignmentPattern' ? p.left : p;
    if (id.type !== 'Identifier') return true; // destructured: `({ headers })`
    if (/^_*(req|request|ctx|context|event|incoming|message|msg|headers)$/i.test(id.name) || isSecretName(id.name) || /token|credential|auth|bearer|key/i.test(id.name)) return true;
    const type = id.typeAnnotation?.typeAnnotation;
    return type?.type === 'TSTypeReference' && /Request|Message|Context|Headers/.test(memberChain(type.typeName as unknown as Node)?.join('.') ?? '');
  });
}

/** The first read of a credential header inside a function (`req.headers.authorization`, `req.get('x-api-key')`). */
function credentialRead(fn: FunctionNode): Node | null {
  let hit: Node | null = null;
  walk(fn.body, (n) => {
    if (hit) return;
    let name: string | null = null;
    if (n.type === 'MemberExpression') {
      const key = staticKey(n);
      name = key !== null && isHeaderBag(n.object) ? key.toLowerCase() : null;
    } else if (n.type === 'CallExpression') {
      name = headerRead(n, []);
    } else if (n.type === 'VariableDeclarator' && n.id.type === 'ObjectPattern' && n.init) {
      for (const p of n.id.properties) {
        const key = p.type === 'Property' ? propertyKey(p) : null;
        if (key && headerRead(n.init, [key]) && isCredentialHeader(key)) name = key;
      }
    }
    if (name && isCredentialHeader(name)) hit = n;
  });
  return hit;
}

/** Calls `next()` (Express/Connect middleware letting the request through). */
function callsNext(node: Node, nextName: string): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.type === 'CallExpression' && unwrap(n.callee).type === 'Identifier' && calleeName(n) === nextName) found = true;
  }, true);
  return found;
}

/** `if (!API_KEY)`, `if (!process.env.MCP_TOKEN)`, `if (API_KEY === undefined)`: the server's own secret is unset. */
function secretUnsetTest(test: Node): string | null {
  const t = unwrap(test);
  let subject: Node | null = null;
  if (t.type === 'UnaryExpression' && t.operator === '!') subject = t.argument;
  else if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==')) {
    subject = isEmptyish(t.right) ? (t.left as Node) : isEmptyish(t.left as Node) ? t.right : null;
  }
  if (!subject) return null;
  const chain = memberChain(subject);
  const name = chain?.[chain.length - 1];
  if (!name || !isSecretName(name)) return null;
  // a local token read from the request is a presence check, not the server's configuration
  return chain.length === 1 && !/^[A-Z0-9_]+$/.test(name) ? null : chain.join('.');
}

/** The consequent lets the request through: `return next()`, `next(); return`, `return true`, `return handler(req)`. */
function letsThrough(stmt: Node, nextName: string | null): boolean {
  if (nextName && callsNext(stmt, nextName)) return true;
  let ok = false;
  walk(stmt, (n) => {
    if (n.type !== 'ReturnStatement' || !n.argument) return;
    const a = unwrap(n.argument);
    if ((a.type === 'Literal' && a.value === true) || (a.type === 'CallExpression' && /handler|handle/i.test(calleeName(a) ?? ''))) ok = true;
  }, true);
  return ok;
}

/**
 * A bearer check that only looks at whether a token is there (or starts with `Bearer `) lets any string in. So does a
 * verifier that returns an AuthInfo without verifying, and a check that is skipped when the server's key is unset.
 */
export default createRule('no-presence-only-auth', {
  meta: {
    severity: 'critical',
    language: 'js',
    description: 'Authentication that accepts any token: presence or prefix checks, verifiers that never verify, fail-open branches when the key is unset',
    cwe: ['CWE-287', 'CWE-636'],
    owasp: ['MCP07'],
    // verifier callbacks and wrappers, credential header names, and the secret names a fail-open test uses
    keywords: [...VERIFIER_CALLBACKS, ...VERIFIER_WRAPPERS, ...CREDENTIAL_HEADERS, ...SECRET_NAME_KEYWORDS].map((k) => k.toLowerCase()),
    messages: {
      acceptsAny: '{{what}} accepts any token: nothing here verifies it (no signature check, introspection, lookup or constant-time compare).',
      presenceOnly: 'This middleware lets the request through when a {{header}} header is present at L{{line}}, without verifying it.',
      failOpen: 'Authentication is skipped when {{secret}} is unset: a missing configuration opens the server to everyone. Fail closed (refuse to start or reject requests).',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    const checked = new Set<Node>();
    const checkVerifier = (fn: Node | undefined, what: string, at: Node): void => {
      // the verifier may be written inline or be a function declared elsewhere in the file
      const f = fn ? flow.functionOf(fn) : null;
      if (!f || checked.has(f)) return;
      checked.add(f);
      if (receivesCredential(f) && !verifies(flow, f)) {
        context.report({ node: at, messageId: 'acceptsAny', data: { what }, ...(declaredStandIn(at) ? { severity: 'info' as const } : {}) });
      }
    };
    /**
     * A comment just above the verifier saying it stands in for the real verification (docs harnesses, templates):
     * the author's own statement that it is not meant to ship — info, still listed.
     */
    const declaredStandIn = (node: Node): boolean => {
      const line = node.loc.start.line;
      return context.eslint.sourceCode
        .getAllComments()
        .some((c) => !!c.loc && c.loc.end.line < line && c.loc.end.line >= line - 6 && STAND_IN_NOTE.test(c.value));
    };
    const checkMiddleware = (fn: FunctionNode): void => {
      const nextParam = fn.params[2];
      if (checked.has(fn) || fn.params.length !== 3 || nextParam.type !== 'Identifier' || !/^next$/i.test(nextParam.name)) return;
      const read = credentialRead(fn);
      if (!read || !callsNext(fn.body, nextParam.name) || verifies(flow, fn)) return;
      let header = 'credential';
      if (read.type === 'CallExpression') header = headerRead(read, []) ?? header;
      else if (read.type === 'MemberExpression') header = staticKey(read) ?? header;
      else if (read.type === 'VariableDeclarator' && read.id.type === 'ObjectPattern') header = 'credential';
      context.report({ node: read, messageId: 'presenceOnly', data: { header, line: read.loc.start.line } });
    };
    const enclosingNext = (node: Node): string | null => {
      for (let p = node.parent; p; p = p.parent) {
        if (isFunction(p)) {
          const last = p.params[2];
          return p.params.length === 3 && last.type === 'Identifier' ? last.name : null;
        }
      }
      return null;
    };
    return {
      Property(node) {
        const key = propertyKey(node);
        if (key && VERIFIER_CALLBACKS.includes(key)) checkVerifier(node.value, key, node.key);
      },
      MethodDefinition(node) {
        const key = propertyKey(node);
        if (key && VERIFIER_CALLBACKS.includes(key)) checkVerifier(node.value, key, node.key);
      },
      CallExpression(node) {
        if (VERIFIER_WRAPPERS.has(calleeName(node) ?? '') && node.arguments[1]) {
          checkVerifier(node.arguments[1], 'The withMcpAuth verifier', node.arguments[1]);
        }
      },
      ArrowFunctionExpression: checkMiddleware,
      FunctionExpression: checkMiddleware,
      FunctionDeclaration: checkMiddleware,
      IfStatement(node) {
        const secret = secretUnsetTest(node.test);
        if (secret && letsThrough(node.consequent, enclosingNext(node))) {
          context.report({ node: node.test, messageId: 'failOpen', data: { secret } });
        }
      },
    };
  },
});
