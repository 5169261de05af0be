import { accessUseListeners } from '../src/rule-kit/access-uses.js';
import { createRule, relatedAt } from '../src/rule-kit/create-rule.js';
import { flowOf, lineOf, unwrap, type SourceMatcher } from '../src/rule-kit/flow.js';
import { isCheckedInSameFunction, isDecodeOnly, isJwtSplit } from '../src/rule-kit/jwt.js';
import { JWT_HEADER_FIELDS, JWT_TIME_CLAIMS } from '../src/rule-kit/tables/auth-primitives.js';

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
      if (path.length > 0 && (JWT_HEADER_FIELDS.includes(path[0]) || JWT_TIME_CLAIMS.includes(path[0]))) return null;
      const n = unwrap(node);
      if (n.type !== 'CallExpression') return null;
      const how = isDecodeOnly(flow, n)
        ? context.eslint.sourceCode.getText(n.callee as never)
        : path[0] === '1' && isJwtSplit(n)
          ? 'manual decode of the payload segment'
          : null;
      if (!how) return null;
      // checked by hand in the same function: nothing forged flows on from here
      return isCheckedInSameFunction(flow, n) ? false : how;
    };
    // `if (!decoded) throw 'malformed'` asks whether the token parses; a gate on a claim (`!claims?.sub`) trusts it
    const wholeResult = (decode: unknown): SourceMatcher => (n, path) => (n === decode && path.length === 0 ? 'whole result' : null);
    // One finding per place: a claim that both gates and identifies is one mistake.
    const reported = new Set<unknown>();
    return accessUseListeners(flow, decoded, (sink, use, origin) => {
      if (use === 'a presence check that gates access' && flow.origin(sink, wholeResult(origin.node))) return;
      if (reported.has(sink)) return;
      reported.add(sink);
      context.report({
        node: sink,
        messageId: 'decoded',
        data: { sourceLine: lineOf(origin.node), how: origin.label, use, sinkLine: lineOf(sink) },
        fingerprintKey: `${origin.label}:${use}`,
        related: [relatedAt(origin.node, `decoded without verification here (${origin.label})`)],
      });
    });
  },
});
