import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { findProperty, flowOf, isFunction, literalString, staticKey, unwrap, walk, type Flow } from '../src/rule-kit/flow.js';
import { jwtCall, jwtKeyKind } from '../src/rule-kit/jwt.js';
import { maskSecret } from '../src/rule-kit/mask.js';
import { JWT_ASYMMETRIC, JWT_HMAC } from '../src/rule-kit/tables/auth-primitives.js';

type Node = TSESTree.Node;

/** The options object literal a call passes, following one variable; `undefined` = none passed, null = unknown. */
function optionsObject(flow: Flow, arg: Node | undefined): TSESTree.ObjectExpression | null | undefined {
  if (!arg || isFunction(unwrap(arg))) return undefined; // jwt.verify(token, key, callback)
  const n = unwrap(arg);
  if (n.type === 'ObjectExpression') return n.properties.some((p) => p.type === 'SpreadElement') ? null : n;
  if (n.type === 'Identifier') {
    const defs = flow.definitions(n);
    const only = defs.length === 1 && defs[0].path.length === 0 ? unwrap(defs[0].expr) : null;
    return only?.type === 'ObjectExpression' && !only.properties.some((p) => p.type === 'SpreadElement') ? only : null;
  }
  return null;
}

/** A key written into the source: `'s3cret'`, `''`, `new TextEncoder().encode('s3cret')`. PEM public keys are fine. */
function literalKey(node: Node | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  const direct = literalString(n);
  if (direct !== null) return direct.includes('PUBLIC KEY-----') ? null : direct;
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.arguments.length === 1) {
    const chainText = n.callee.property.type === 'Identifier' ? n.callee.property.name : '';
    if (chainText === 'encode' || chainText === 'from') return literalKey(n.arguments[0]);
  }
  return null;
}

/** Verified claims that the options would check, under the names the payload carries them. */
const CLAIM_OPTIONS: Record<string, string> = { aud: 'audience', iss: 'issuer' };

const COMPARISONS = new Set(['===', '!==', '==', '!=']);

/**
 * Options checked by hand after the verify, in the same function: `if (payload.aud !== RESOURCE) throw …`,
 * `allowedIssuers.includes(claims.iss)`, `expect(payload.iss).toBe(ISSUER)`. A claim only copied somewhere
 * (`resource: payload.aud`) is not checked.
 */
function claimsCheckedByHand(flow: Flow, verify: TSESTree.CallExpression): Set<string> {
  const checked = new Set<string>();
  let scope: Node = verify;
  while (scope.parent && !isFunction(scope)) scope = scope.parent;
  const fromVerify = (n: Node): string | null => (n === verify ? 'verified' : null);
  walk(scope, (n) => {
    if (n.type !== 'MemberExpression') return;
    const option = CLAIM_OPTIONS[staticKey(n) ?? ''];
    const parent = n.parent;
    const compared =
      (parent?.type === 'BinaryExpression' && COMPARISONS.has(parent.operator)) ||
      ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(n as never));
    if (option && compared && flow.origin(n.object, fromVerify)) checked.add(option);
  });
  return checked;
}

/**
 * jsonwebtoken `verify` and jose `jwtVerify` check only what their options ask for. The MCP spec requires servers
 * to validate that a token was issued for them (audience) by their authorization server (issuer).
 */
export default createRule('jwt-verify-options', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'JWT verification that allows alg none or mixed algorithm families, ignores expiry, skips audience/issuer, or uses a literal key',
    cwe: ['CWE-347', 'CWE-287', 'CWE-798'],
    owasp: ['MCP07', 'MCP01'],
    keywords: ['verify'],
    // jose's `jwtVerify`, or a `verify` of jsonwebtoken (imported, or a `jwt` by its usual name): see jwtCall
    textGate: (text) => text.includes('jwtVerify') || (text.includes('verify') && (text.includes('jsonwebtoken') || /\bjwt\b/.test(text))),
    messages: {
      algNone: "JWT verification allows the 'none' algorithm: unsigned tokens are accepted.",
      algMix: 'JWT verification allows both HMAC ({{hmac}}) and asymmetric ({{asym}}) algorithms: a public key can be used as an HMAC secret (algorithm confusion).',
      ignoreExpiration: 'JWT verification ignores expiry (ignoreExpiration: true): stolen tokens never stop working.',
      missingClaims: 'JWT verification does not check the {{missing}}: a token issued for another service is accepted. Pass { audience, issuer } (the MCP spec requires audience binding).',
      missingClaimsFirstParty:
        "JWT verified with a key only this server holds does not check the {{missing}}: fine while only this server mints tokens with it; if another service shares the key, its tokens are accepted here. Pass { audience }.",
      literalKey: 'JWT verification key is {{what}} in the source ({{masked}}): anyone with the code can mint tokens. Load it from the environment or a JWKS.',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    return {
      CallExpression(node) {
        const hit = jwtCall(flow, node);
        if (!hit || (hit.library === 'jsonwebtoken' ? hit.fn !== 'verify' : hit.fn !== 'jwtVerify')) return;
        const key = literalKey(node.arguments[1]);
        if (key !== null) {
          context.report({
            node: node.arguments[1],
            messageId: 'literalKey',
            data: { what: key === '' ? 'an empty string' : 'a literal', masked: key === '' ? "''" : maskSecret(key) },
            evidence: key === '' ? "''" : maskSecret(key),
            ...(key.length >= 4 ? { secret: key } : {}),
          });
        }
        const options = optionsObject(flow, node.arguments[2]);
        if (options === null) return; // built elsewhere: we cannot tell
        const prop = (name: string): TSESTree.Property | null => (options ? findProperty(options, name) : null);
        const algorithms = prop('algorithms');
        const algValue = algorithms ? unwrap(algorithms.value) : null;
        if (algorithms && algValue?.type === 'ArrayExpression') {
          const algs = algValue.elements.map((e) => (e ? literalString(e) : null)).filter((a): a is string => a !== null);
          if (algs.some((a) => a.toLowerCase() === 'none')) context.report({ node: algorithms, messageId: 'algNone' });
          const hmac = algs.filter((a) => JWT_HMAC.test(a));
          const asym = algs.filter((a) => JWT_ASYMMETRIC.test(a));
          if (hmac.length && asym.length) {
            context.report({ node: algorithms, messageId: 'algMix', data: { hmac: hmac.join(', '), asym: asym.join(', ') } });
          }
        }
        const ignore = prop('ignoreExpiration');
        if (ignore && unwrap(ignore.value).type === 'Literal' && (unwrap(ignore.value) as TSESTree.Literal).value === true) {
          context.report({ node: ignore, messageId: 'ignoreExpiration' });
        }
        const byHand = claimsCheckedByHand(flow, node);
        const missing = ['audience', 'issuer'].filter((k) => !prop(k) && !byHand.has(k));
        if (missing.length === 0) return;
        const algs = algValue?.type === 'ArrayExpression' ? algValue.elements.map((e) => (e ? literalString(e) : null)).filter((a): a is string => a !== null) : [];
        const kind = jwtKeyKind(flow, node.arguments[1], algs);
        if (kind === 'embedded') return; // a proof that carries its own key has no aud/iss to check (DPoP)
        if (kind === 'first-party') {
          context.report({ node: options ?? node, messageId: 'missingClaimsFirstParty', data: { missing: missing.join(' and ') }, severity: 'info' });
          return;
        }
        // With the audience checked, the issuer is implied by an issuer's own key: defence in depth, not a gap.
        context.report({
          node: options ?? node,
          messageId: 'missingClaims',
          data: { missing: missing.join(' and ') },
          ...(missing.includes('audience') ? {} : { severity: 'info' as const }),
        });
      },
    };
  },
});
