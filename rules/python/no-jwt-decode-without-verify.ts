// no-jwt-decode-without-verify, Python: claims of a JWT decoded without its signature checked (PyJWT
// `options={"verify_signature": False}` or `verify=False`, python-jose `get_unverified_claims`) that decide access,
// select data or become the caller's identity. Reading the unverified header to pick a key (`kid`) is fine.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import { booleanValue, child, keywordArg, locOf, memberPath, nodesOf, positionalArgs, stringValue, unwrap, type PyModule, type PyNode } from '../../src/python/tree.js';
import { resolveValue, pyCtx } from '../../src/python/model/scope.js';
import { accessUse, climb, firstAccessUse, functionOf, readsOf } from '../../src/python/model/sources.js';

/** Claims that say who the caller is or what it may do. */
const IDENTITY_CLAIMS = /^(sub|email|user|user_id|userid|uid|username|preferred_username|name|role|roles|scope|scopes|scp|groups|permissions|tenant|tenant_id|org|org_id|client_id|azp|is_admin|admin)$/i;

/** How a call decodes without verifying, or null when it verifies (or is no JWT decode). */
export function unverifiedDecode(ctx: ReturnType<typeof pyCtx>, call: PyNode): string | null {
  const path = memberPath(child(call, 'function'))?.join('.') ?? '';
  if (/(^|\.)get_unverified_claims$/.test(path)) return 'get_unverified_claims';
  if (!/(^|\.)(jwt|jose\.jwt|jwt_api)\.decode$|^decode$/.test(path) || (path === 'decode' && !ctx.index.imports.has('decode'))) return null;
  if (booleanValue(keywordArg(call, 'verify')) === false) return 'verify=False';
  const options = unwrap(resolveValue(ctx, keywordArg(call, 'options'))?.node ?? keywordArg(call, 'options'));
  for (const pair of options?.type === 'dictionary' ? options.children : []) {
    if (pair.type === 'pair' && stringValue(child(pair, 'key')) === 'verify_signature' && booleanValue(child(pair, 'value')) === false) return 'verify_signature: False';
  }
  return null;
}

/** A read of an identity claim off the decoded value: `claims["sub"]`, `payload.get("email")`, `claims.get("roles")`. */
function claimRead(r: PyNode): PyNode | null {
  const p = r.parent;
  if (p?.type === 'subscript' && child(p, 'value') === r && IDENTITY_CLAIMS.test(stringValue(child(p, 'subscript')) ?? '')) return p;
  if (p?.type === 'attribute' && child(p, 'attribute')?.text === 'get' && p.parent?.type === 'call' && IDENTITY_CLAIMS.test(stringValue(positionalArgs(p.parent)[0]) ?? '')) return p.parent;
  return null;
}

export const noJwtDecodeWithoutVerifyPython: PythonImplementation<'pyDecoded'> = {
  keywords: ['verify_signature', 'verify', 'get_unverified_claims'],
  messages: {
    pyDecoded:
      'JWT decoded without verification at L{{sourceLine}} ({{how}}) is used for {{use}} at L{{sinkLine}}; anyone can forge these claims. Verify the signature, issuer and audience first (jwt.decode with the key, algorithms, audience and issuer).',
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        for (const call of nodesOf(module, 'call')) {
          const how = unverifiedDecode(ctx, call);
          if (!how) continue;
          const fn = functionOf(call);
          let hit = firstAccessUse(fn, call);
          if (!hit && fn) {
            // the claims object, then one identity claim read off it and used
            const v = climb(call);
            const name = v.parent?.type === 'assignment' && child(v.parent, 'right') === v ? child(v.parent, 'left') : null;
            for (const r of [call, ...(name?.type === 'identifier' ? readsOf(fn, name.text!, call.range[0]) : [])]) {
              const claim = claimRead(r);
              const use = claim && (accessUse(climb(claim)) ?? firstAccessUse(fn, claim));
              if (use) {
                hit = use;
                break;
              }
              if (claim && climb(claim).parent?.type === 'return_statement') hit = { use: 'the request identity', at: claim };
              if (hit) break;
            }
          }
          if (!hit) continue;
          const loc = locOf(module, call);
          context.report({
            loc,
            messageId: 'pyDecoded',
            data: { sourceLine: loc.start.line, how, use: hit.use, sinkLine: locOf(module, hit.at).start.line },
            fingerprintKey: `${how}:${hit.use}`,
            related: [relatedAt({ loc: locOf(module, hit.at) }, `used for ${hit.use} here`)],
          });
        }
      },
    };
  },
};
