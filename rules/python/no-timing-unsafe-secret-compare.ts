// no-timing-unsafe-secret-compare, Python: an API key, token, secret or signature compared with `==` / `!=` (or
// a dict or set lookup hashes first) instead of `hmac.compare_digest` / `secrets.compare_digest`.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { isSignatureName, SECRET_NAME_KEYWORDS, SIGNATURE_NAME_KEYWORDS } from '../../src/rule-kit/tables/auth-primitives.js';
import { CREDENTIAL_HEADERS } from '../../src/rule-kit/tables/identity-headers.js';
import { child, locOf, memberPath, nodesOf, stringValue, unwrap, type PyModule, type PyNode } from '../../src/python/tree.js';
import { secretIn } from '../../src/python/model/secrets.js';
import { isPublicLiteral } from '../../src/rule-kit/secrets.js';

/** Values whose comparison says nothing secret: None, numbers, booleans, literals that are not key material. */
function isPublic(node: PyNode): boolean {
  const n = unwrap(node);
  if (!n) return true;
  if (['none', 'true', 'false', 'integer', 'float'].includes(n.type)) return true;
  const s = stringValue(n);
  return s !== null && isPublicLiteral(s);
}

/** `new if new != presented else None`: the comparison picks which value to hand back; it guards nothing. */
function choosesAValue(cmp: PyNode): boolean {
  const p = cmp.parent;
  const plain = (n: PyNode | undefined) => !!n && ['identifier', 'attribute', 'string', 'none', 'integer', 'subscript'].includes(n.type);
  return p?.type === 'conditional_expression' && p.children[1] === cmp && plain(p.children[0]) && plain(p.children[2]);
}

function secretOrSignature(node: PyNode): string | null {
  const origin = secretIn(node);
  if (origin) return origin.label;
  const last = memberPath(node)?.at(-1) ?? (unwrap(node)?.type === 'subscript' ? stringValue(child(unwrap(node)!, 'subscript')) : null);
  return last && isSignatureName(last) ? last : null;
}

export const noTimingUnsafeSecretComparePython: PythonImplementation<'pyCompare'> = {
  keywords: [...SECRET_NAME_KEYWORDS, ...CREDENTIAL_HEADERS, ...SIGNATURE_NAME_KEYWORDS],
  keywordsAlso: [['==', '!=']],
  messages: { pyCompare: '{{what}} is compared with {{operator}}, which leaks timing. Compare with hmac.compare_digest (or secrets.compare_digest).' },
  create(context) {
    return {
      module(module: PyModule) {
        for (const cmp of nodesOf(module, 'comparison_operator')) {
          const op = cmp.operators?.[0];
          if (cmp.children.length !== 2 || (op !== '==' && op !== '!=')) continue;
          if (cmp.parent?.type === 'assert_statement') continue;
          const [l, r] = cmp.children;
          if (isPublic(l) || isPublic(r) || choosesAValue(cmp)) continue;
          const what = secretOrSignature(l) ?? secretOrSignature(r);
          if (!what) continue;
          context.report({ loc: locOf(module, cmp), messageId: 'pyCompare', data: { what, operator: op }, fingerprintKey: `${what}:${op}` });
        }
      },
    };
  },
};
