// jwt-verify-options, Python: PyJWT / python-jose `jwt.decode` that allows `none`, mixes HMAC with asymmetric
// algorithms, or switches expiry or audience checks off (`options={"verify_exp": False}`), unless the function
// checks the audience itself.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { JWT_ASYMMETRIC, JWT_HMAC } from '../../src/rule-kit/tables/auth-primitives.js';
import { booleanValue, child, keywordArg, locOf, memberPath, nodesOf, stringValue, unwrap, walk, type PyModule, type PyNode } from '../../src/python/tree.js';
import { pyCtx, resolveValue } from '../../src/python/model/scope.js';
import { functionOf } from '../../src/python/model/sources.js';
import { unverifiedDecode } from './no-jwt-decode-without-verify.js';

type MessageId = 'algNone' | 'algMix' | 'pyNoExpiry' | 'pyNoAudience';

/** Does the function read the `aud` claim itself (a manual audience check)? */
function checksAudience(fn: PyNode | null): boolean {
  let found = false;
  if (fn) walk(fn, (n) => {
    if (n.type === 'string' && stringValue(n) === 'aud') found = true;
  });
  return found;
}

export const jwtVerifyOptionsPython: PythonImplementation<MessageId> = {
  keywords: ['decode'],
  keywordsAlso: [['algorithms', 'verify_exp', 'verify_aud']],
  messages: {
    pyNoExpiry: 'JWT verification ignores expiry (verify_exp: False): stolen tokens never stop working.',
    pyNoAudience: 'JWT verification does not check the audience (verify_aud: False): a token issued for another service is accepted. Pass audience= (the MCP spec requires audience binding).',
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        for (const call of nodesOf(module, 'call')) {
          if (!/(^|\.)(jwt|jose\.jwt)\.decode$/.test(memberPath(child(call, 'function'))?.join('.') ?? '')) continue;
          // an unverified decode is no-jwt-decode-without-verify's
          if (unverifiedDecode(ctx, call)) continue;
          const algs = unwrap(resolveValue(ctx, keywordArg(call, 'algorithms'))?.node ?? keywordArg(call, 'algorithms'));
          const names = algs?.type === 'list' ? algs.children.map((a) => stringValue(a)).filter((s): s is string => s !== null) : [];
          if (names.some((a) => a.toLowerCase() === 'none')) context.report({ loc: locOf(module, algs!), messageId: 'algNone' });
          const hmac = names.filter((a) => JWT_HMAC.test(a));
          const asym = names.filter((a) => JWT_ASYMMETRIC.test(a));
          if (hmac.length && asym.length) context.report({ loc: locOf(module, algs!), messageId: 'algMix', data: { hmac: hmac.join(', '), asym: asym.join(', ') } });
          const options = unwrap(resolveValue(ctx, keywordArg(call, 'options'))?.node ?? keywordArg(call, 'options'));
          for (const pair of options?.type === 'dictionary' ? options.children : []) {
            if (pair.type !== 'pair' || booleanValue(child(pair, 'value')) !== false) continue;
            const key = stringValue(child(pair, 'key'));
            if (key === 'verify_exp') context.report({ loc: locOf(module, pair), messageId: 'pyNoExpiry' });
            if (key === 'verify_aud' && !checksAudience(functionOf(call))) context.report({ loc: locOf(module, pair), messageId: 'pyNoAudience' });
          }
        }
      },
    };
  },
};
