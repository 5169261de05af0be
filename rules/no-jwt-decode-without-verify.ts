import { accessUseListeners } from '../src/rule-kit/access-uses.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf, lineOf, unwrap, type SourceMatcher } from '../src/rule-kit/flow.js';
import { isDecodeOnly, isJwtSplit } from '../src/rule-kit/jwt.js';
import { JWT_HEADER_FIELDS } from '../src/rule-kit/tables/auth-primitives.js';

/**
 * A decoded-but-unverified JWT is a JSON document anyone can write. Its claims may be read for display, or its
 * header (`kid`) to pick a key, but never used as the caller's identity or for an access decision.
 */
export default createRule('no-jwt-decode-without-verify', {
  meta: {
    severity: 'critical',
    language: 'js',
    description: 'Claims of a JWT that was only decoded, not verified, are used as identity or for access decisions',
    cwe: ['CWE-345', 'CWE-347'],
    owasp: ['MCP07'],
    keywords: ['decode', "split('.')", 'split(".")', 'split(`.`)'],
    messages: {
      decoded:
        'JWT decoded without verification at L{{sourceLine}} ({{how}}) is used for {{use}} at L{{sinkLine}}; anyone can forge these claims. Verify the signature, issuer and audience first (jwt.verify, jose jwtVerify).',
    },
  },
  create(context) {
    const flow = flowOf(context.eslint.sourceCode);
    const decoded: SourceMatcher = (node, path) => {
      if (path.length > 0 && JWT_HEADER_FIELDS.includes(path[0])) return null;
      const n = unwrap(node);
      if (n.type === 'CallExpression' && isDecodeOnly(flow, n)) return context.eslint.sourceCode.getText(n.callee as never);
      if (path[0] === '1' && isJwtSplit(n)) return 'manual decode of the payload segment';
      return null;
    };
    return accessUseListeners(flow, decoded, (sink, use, origin) => {
      context.report({
        node: sink,
        messageId: 'decoded',
        data: { sourceLine: lineOf(origin.node), how: origin.label, use, sinkLine: lineOf(sink) },
        fingerprintKey: `${origin.label}:${use}`,
        related: [
          {
            line: origin.node.loc.start.line,
            column: origin.node.loc.start.column + 1,
            message: `decoded without verification here (${origin.label})`,
          },
        ],
      });
    });
  },
});
