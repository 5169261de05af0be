import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { anyOf, flowOf, staticKey, unwrap, type Flow, type SourceMatcher } from '../src/rule-kit/flow.js';
import { isPublicLiteral } from '../src/rule-kit/secrets.js';
import { CREDENTIAL_SOURCE_KEYWORDS, headerRead, inboundCredential, isHeaderBag, processEnvSecret } from '../src/rule-kit/sources.js';
import { isSecretName, isSignatureName, nameWords, SECRET_NAME_KEYWORDS, SIGNATURE_NAME_KEYWORDS } from '../src/rule-kit/tables/auth-primitives.js';

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

/**
 * `SyntaxKind.EqualsToken`, `GrantType.REFRESH_TOKEN`: a capitalised member of an enum, class or imported namespace
 * is a public constant. A local object or parameter (`const Settings = {…}`, `Env.API_TOKEN` of a param) holds values.
 */
function isEnumMember(flow: Flow, node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression' || n.computed) return false;
  const object = unwrap(n.object);
  const key = staticKey(n);
  if (object.type !== 'Identifier' || !/^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(object.name) || key === null || !/^[A-Z]/.test(key)) return false;
  return !flow.variable(object)?.defs.some((d) => d.type === 'Variable' || d.type === 'Parameter');
}

/**
 * Sides that test shape or presence, or hold a value written in the source that is not key material: `typeof t`,
 * `t.length`, `null`, numbers, enum members, `'Bearer'`, `'demo-token'`, `` `Bearer ${TEST_TOKEN}` `` with a readable
 * test constant. Timing can only leak what the source does not already show; a real-looking literal still counts.
 */
function isPublicValue(flow: Flow, node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'UnaryExpression') return n.operator === 'typeof';
  if (n.type === 'MemberExpression' && (staticKey(n) === 'length' || isEnumMember(flow, n))) return true;
  if (n.type === 'Identifier' && n.name === 'undefined') return true;
  if (n.type === 'Literal' && (n.value === null || typeof n.value !== 'string')) return true;
  const value = flow.staticString(n);
  return value !== null && isPublicLiteral(value);
}

/**
 * `authClientId`, `user.email`, `username`: the part of a credential that names who is calling (the user of
 * `user:password`, a client id) is public; comparing it leaks nothing, wherever it was split from.
 */
const IDENTIFIER_WORDS = new Set(['id', 'ids', 'name', 'username', 'user', 'email', 'login', 'sub', 'subject', 'issuer', 'iss', 'aud', 'audience']);
function namesIdentifier(node: Node): boolean {
  const n = unwrap(node);
  const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' ? staticKey(n) : null;
  const words = name ? nameWords(name) : [];
  return words.length > 0 && IDENTIFIER_WORDS.has(words[words.length - 1]);
}

/**
 * `rotated !== presented ? rotated : undefined`: the comparison picks which value to hand back, it guards nothing; a
 * branch that calls (`ok ? next() : deny()`) is a gate.
 */
function choosesAValue(node: Node): boolean {
  const p = node.parent;
  const plain = (n: Node) => ['Identifier', 'Literal', 'MemberExpression', 'TemplateLiteral'].includes(unwrap(n).type);
  return p?.type === 'ConditionalExpression' && p.test === node && plain(p.consequent) && plain(p.alternate);
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
    // a secret or signature name, or a credential source, compared with == / != (`===`, `!==` contain them)
    keywords: [...SECRET_NAME_KEYWORDS, ...SIGNATURE_NAME_KEYWORDS, ...CREDENTIAL_SOURCE_KEYWORDS],
    keywordsAlso: [['==', '!=']],
    messages: {
      compare: '{{what}} is compared with {{operator}}, which leaks timing. Compare digests with crypto.timingSafeEqual.',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    return {
      BinaryExpression(node) {
        if (!COMPARISONS.has(node.operator) || node.left.type === 'PrivateIdentifier') return;
        if (isPublicValue(flow, node.left) || isPublicValue(flow, node.right) || choosesAValue(node)) return;
        const origin = (!namesIdentifier(node.left) && flow.origin(node.left, secret)) || (!namesIdentifier(node.right) && flow.origin(node.right, secret)) || null;
        if (origin) context.report({ node, messageId: 'compare', data: { what: origin.label, operator: node.operator } });
      },
    };
  },
});
