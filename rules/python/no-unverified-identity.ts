// no-unverified-identity, Python: a caller identity read from a request header (X-User-ID, x-forwarded-email, a
// `user_uuid` header, a FastAPI `Header()` parameter, a loop over `headers.raw`) that decides access, filters data
// or becomes the request's identity; and tool arguments that claim who the caller is (`REPORTS[user]`).
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { relatedAt } from '../../src/rule-kit/create-rule.js';
import type { Severity } from '../../src/rule-kit/severity.js';
import { IDENTITY_ARGUMENT_KEYWORDS, IDENTITY_HEADERS, isIdentityArgument, VERIFIED_IDENTITY_HOLDERS } from '../../src/rule-kit/tables/identity-headers.js';
import { child, locOf, memberPath, nodesOf, parameters, positionalArgs, stringValue, unwrap, type PyModule, type PyNode } from '../../src/python/tree.js';
import { pyReachability } from '../../src/python/model/reachability.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { accessUse, climb, firstAccessUse, functionOf, headerLoopReads, headerParameters, headerRead, isPyIdentityHeader, readsOf, type PyAccessUse } from '../../src/python/model/sources.js';
import { PY_REGISTRATION_MARKERS, pyToolRegistrations } from '../../src/python/model/tools.js';

type MessageId = 'pyUnverified' | 'pyModelSupplied';

/** Snake-case tools name the caller plainly: `user`, `username` (beside the shared table's `user_id`, `caller`, …). */
const PLAIN_CALLER_ARGUMENTS = new Set(['user', 'username', 'user_name']);
/** Holders of the verified caller in Python: `get_access_token()`, `token.claims`, `request.user`. */
const VERIFIED = new Set([...VERIFIED_IDENTITY_HOLDERS, 'get_access_token()', 'access_token', 'claims', 'client_id', 'subject', 'user']);

const claims = (name: string) => isIdentityArgument(name) || PLAIN_CALLER_ARGUMENTS.has(name);

/** `user == get_access_token().client_id`, `args["user_id"] != token.claims["sub"]`: the claim is checked. */
function comparedWithVerified(use: PyNode): boolean {
  if (use.type !== 'comparison_operator') return false;
  return use.children.some((c) => {
    const path = memberPath(c.type === 'subscript' ? child(c, 'value') : c);
    return !!path && path.length > 1 && path.some((seg) => VERIFIED.has(seg));
  });
}

export const noUnverifiedIdentityPython: PythonImplementation<MessageId> = {
  // Reports start at a header read or at a tool's argument: a file needs one of those, and a name that claims identity.
  keywords: ['header', ...PY_REGISTRATION_MARKERS.map((m) => m.toLowerCase()), 'fastapi'],
  keywordsAlso: [
    [
      ...new Set([
        ...IDENTITY_HEADERS,
        ...IDENTITY_ARGUMENT_KEYWORDS,
        ...PLAIN_CALLER_ARGUMENTS,
        // words of identity-header shapes (`user_uuid`, `x-caller-email`)
        'user', 'caller', 'principal', 'account', 'tenant', 'org', 'member', 'customer', 'requester', 'actor',
      ]),
    ],
  ],
  messages: {
    pyUnverified:
      "Identity read at L{{sourceLine}} from the {{header}} header is used for {{use}} at L{{sinkLine}}; any client can send this header. Take the caller from a verified token (get_access_token(), an authentication backend's request.user) or verify the proxy's signed assertion.",
    pyModelSupplied:
      'Tool argument {{argument}} (declared at L{{sourceLine}}) {{verb}} at L{{sinkLine}}; the model fills in tool arguments, so a prompt can claim any identity or role. Use the verified caller (get_access_token()) instead.',
  },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        const line = (n: PyNode) => locOf(module, n).start.line;
        const reported = new Set<PyNode>();
        const report = (source: PyNode, header: string, use: PyAccessUse, at: PyNode) => {
          if (reported.has(source)) return;
          reported.add(source);
          context.report({
            loc: locOf(module, source),
            messageId: 'pyUnverified',
            data: { sourceLine: line(source), header, use, sinkLine: line(at) },
            fingerprintKey: `${header}:${use}`,
            related: [relatedAt({ loc: locOf(module, at) }, `used for ${use} here`)],
          });
        };

        for (const read of nodesOf(module, 'call', 'subscript')) {
          const header = headerRead(read);
          if (!header || !isPyIdentityHeader(header)) continue;
          const use = firstAccessUse(functionOf(read), read);
          if (use) report(read, header, use.use, use.at);
        }
        for (const fn of nodesOf(module, 'function_definition')) {
          for (const p of headerParameters(fn)) {
            if (!isPyIdentityHeader(p.header)) continue;
            for (const r of readsOf(fn, p.name)) {
              const use = accessUse(r);
              if (use) {
                report(p.node, p.header, use.use, use.at);
                break;
              }
            }
          }
          for (const loop of headerLoopReads(fn)) {
            if (!isPyIdentityHeader(loop.header)) continue;
            for (const r of readsOf(loop.body, loop.value)) {
              const use = firstAccessUse(fn, r);
              if (use) {
                report(loop.test, loop.header, use.use, use.at);
                break;
              }
            }
          }
        }

        // Tool arguments that claim who the caller is.
        let severity: Severity | undefined;
        const dataSelection = (): Severity | undefined => {
          // On stdio the launching user is the only caller: selecting by a claimed user is process trust.
          if (severity === undefined) {
            const reach = pyReachability(ctx);
            severity = !reach.http && reach.stdio ? 'info' : 'critical';
          }
          return severity;
        };
        for (const reg of pyToolRegistrations(ctx)) {
          const fn = reg.handler;
          if (!fn || reg.handlerCtx.module !== module || reg.kind !== 'tool') continue;
          const claimed: Array<{ name: string; declared: PyNode; reads: PyNode[] }> = [];
          for (const p of parameters(fn)) {
            if (claims(p.name) && unwrap(p.default)?.type !== 'call') claimed.push({ name: p.name, declared: p.node, reads: readsOf(fn, p.name) });
          }
          // low-level `call_tool(name, arguments)`: `arguments["user_id"]`, `arguments.get("user_id")`
          const args = reg.framework === 'py-sdk-lowlevel' ? parameters(fn)[1]?.name : undefined;
          if (args) {
            for (const r of readsOf(fn, args)) {
              const p = r.parent;
              const read = p?.type === 'subscript' ? p : p?.type === 'attribute' && child(p, 'attribute')?.text === 'get' && p.parent?.type === 'call' ? p.parent : null;
              const key = p?.type === 'subscript' ? stringValue(child(p, 'subscript')) : read ? stringValue(positionalArgs(read)[0]) : null;
              if (read && key && claims(key)) claimed.push({ name: key, declared: read, reads: [climb(read)] });
            }
          }
          for (const c of claimed) {
            const uses = c.reads.map((r) => accessUse(r)).filter((u): u is { use: PyAccessUse; at: PyNode } => u !== null);
            if (uses.some((u) => comparedWithVerified(u.at))) continue;
            const decision = uses.find((u) => u.use === 'an access decision');
            const selection = uses.find((u) => u.use === 'a query filter');
            const use = decision ?? selection;
            if (!use) continue;
            context.report({
              loc: locOf(module, use.at),
              messageId: 'pyModelSupplied',
              data: { argument: c.name, sourceLine: line(c.declared), verb: decision ? 'decides access' : 'selects whose data is used', sinkLine: line(use.at) },
              ...(decision ? {} : { severity: dataSelection() }),
              fingerprintKey: `tool argument ${c.name}:${use.use}`,
              related: [relatedAt({ loc: locOf(module, c.declared) }, `tool argument ${c.name} supplied by the model`)],
            });
          }
        }
      },
    };
  },
};
