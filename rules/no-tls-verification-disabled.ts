import type { TSESTree } from '@typescript-eslint/types';
import { createRule } from '../src/rule-kit/create-rule.js';
import { isFunction, memberChain, propertyKey, returnedExpressions, unwrap } from '../src/rule-kit/flow.js';

type Node = TSESTree.Node;

/** Options that turn certificate checking off when set to false (Node tls/https, undici, request/got legacy). */
const VERIFY_OPTIONS = new Set(['rejectUnauthorized', 'strictSSL']);

const TLS_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** `false`, `0`, `'false'`, `'0'`. */
function isOff(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Literal') return n.value === false || n.value === 0 || n.value === '0' || n.value === 'false';
  return false;
}

/** `() => undefined`, `() => {}`: a checkServerIdentity that accepts every certificate. */
function acceptsAnyIdentity(node: Node): boolean {
  const fn = unwrap(node);
  if (!isFunction(fn)) return false;
  const returns = returnedExpressions(fn);
  return returns.every((r) => {
    const v = unwrap(r);
    return (v.type === 'Identifier' && v.name === 'undefined') || (v.type === 'Literal' && v.value === null) || (v.type === 'UnaryExpression' && v.operator === 'void');
  });
}

/**
 * Without certificate verification anyone on the network path can impersonate the upstream API or authorization
 * server, and read every token the MCP server sends it.
 */
export default createRule('no-tls-verification-disabled', {
  meta: {
    severity: 'high',
    language: 'js',
    description: 'TLS certificate verification is disabled (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, checkServerIdentity accepting all)',
    cwe: ['CWE-295'],
    owasp: ['MCP07'],
    keywords: ['rejectunauthorized', 'strictssl', 'checkserveridentity', 'node_tls_reject_unauthorized'],
    messages: {
      option: '{{option}}: false turns off TLS certificate verification: any machine on the path can impersonate the server and read the tokens sent to it.',
      env: '{{env}} = {{value}} turns off TLS certificate verification for the whole process.',
      identity: 'checkServerIdentity accepts every certificate: the host name is never checked.',
    },
  },
  create(context) {
    return {
      Property(node) {
        const key = propertyKey(node);
        if (key && VERIFY_OPTIONS.has(key) && isOff(node.value)) {
          context.report({ node, messageId: 'option', data: { option: key } });
        } else if (key === 'checkServerIdentity' && acceptsAnyIdentity(node.value)) {
          context.report({ node, messageId: 'identity' });
        } else if (key === TLS_ENV && isOff(node.value)) {
          // spawn(cmd, { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } })
          context.report({ node, messageId: 'env', data: { env: TLS_ENV, value: context.eslint.sourceCode.getText(node.value as never) } });
        }
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression' || !isOff(node.right)) return;
        const chain = memberChain(node.left);
        const key = chain?.[chain.length - 1];
        // process.env.X and process.env['X'] alike: memberChain reads static string keys
        if (chain && key === TLS_ENV && chain.slice(0, -1).join('.') === 'process.env') {
          context.report({ node, messageId: 'env', data: { env: TLS_ENV, value: context.eslint.sourceCode.getText(node.right as never) } });
        }
      },
    };
  },
});
