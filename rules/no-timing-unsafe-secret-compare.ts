import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { anyOf, flowOf, staticKey, unwrap, type SourceMatcher } from '../src/rule-kit/flow.js';
import { headerRead, inboundCredential, isHeaderBag, processEnvSecret } from '../src/rule-kit/sources.js';
import { isSecretName, isSignatureName } from '../src/rule-kit/tables/auth-primitives.js';

type Node = TSESTree.Node;

const COMPARISONS = new Set(['===', '!==', '==', '!=']);

/** A secret-named value: `apiKey`, `config.apiToken`, `MCP_SECRET`. */
const secretNamed: SourceMatcher = (node, path) => {
  const n = unwrap(node);
  if (path.length === 0 && n.type === 'Identifier') return isSecretName(n.name) || isSignatureName(n.name) ? n.name : null;
  if (path.length === 0 && n.type === 'MemberExpression') {
    const key = staticKey(n);
    return key && (isSecretName(key) || isSignatureName(key)) && !isHeaderBag(n.object) ? key : null;
  }
  return null;
};

/** Any request header named like a key or a signature: `x-webhook-signature`, `x-hub-signature-256`, `api-key`. */
const secretHeader: SourceMatcher = (node, path) => {
  const name = headerRead(node, path);
  return name && (isSecretName(name) || isSignatureName(name)) ? `${name} header` : null;
};

const secret = anyOf(inboundCredential, secretHeader, processEnvSecret, secretNamed);

/** Sides that test shape or presence, not the secret's value: `typeof t`, `t.length`, `null`, `'Bearer'`, numbers. */
function isShapeTest(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'UnaryExpression') return n.operator === 'typeof';
  if (n.type === 'MemberExpression') return staticKey(n) === 'length';
  if (n.type === 'Identifier') return n.name === 'undefined';
  if (n.type === 'Literal') return n.value === null || typeof n.value !== 'string' || n.value.length < 8 || /^bearer\b/i.test(n.value);
  return false;
}

/**
 * `===` stops at the first differing character, so response times leak how much of a guessed key was right.
 * Comparing secrets needs `crypto.timingSafeEqual` over equal-length digests.
 */
export default createRule('no-timing-unsafe-secret-compare', {
  meta: {
    severity: 'medium',
    language: 'js',
    description: 'An API key, token, secret or signature is compared with === / !== instead of crypto.timingSafeEqual',
    cwe: ['CWE-208'],
    owasp: ['MCP07'],
    // secret name words and credential header names
    keywords: ['token', 'secret', 'key', 'password', 'passwd', 'authorization', 'credential', 'cookie', 'bearer', 'assertion', 'oidc', 'signature', 'hmac', 'mac', 'digest'],
    messages: {
      compare: '{{what}} is compared with {{operator}}, which leaks timing. Compare digests with crypto.timingSafeEqual.',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    return {
      BinaryExpression(node) {
        if (!COMPARISONS.has(node.operator) || node.left.type === 'PrivateIdentifier') return;
        if (isShapeTest(node.left) || isShapeTest(node.right)) return;
        const origin = flow.origin(node.left, secret) ?? flow.origin(node.right, secret);
        if (origin) context.report({ node, messageId: 'compare', data: { what: origin.label, operator: node.operator } });
      },
    };
  },
});
