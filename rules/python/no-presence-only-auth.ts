// no-presence-only-auth, Python: token verifiers that accept any token (a `TokenVerifier.verify_token` that returns
// an AccessToken without checking anything, fastmcp's `DebugTokenVerifier()`), middleware and dependencies that only
// check an Authorization / API-key header is there, and checks skipped when the server's own key is unset.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { isSecretName, SECRET_NAME_KEYWORDS, VERIFICATION_CALL } from '../../src/rule-kit/tables/auth-primitives.js';
import { CREDENTIAL_HEADERS, isCredentialHeader } from '../../src/rule-kit/tables/identity-headers.js';
import { calleeName, child, keywordArg, locOf, memberPath, nodesOf, stringValue, unwrap, walk, type PyModule, type PyNode } from '../../src/python/tree.js';
import { baseClasses, enclosingClass, pyCtx, resolveFunction, returnedValues, type PyCtx } from '../../src/python/model/scope.js';
import { accessUse, climb, headerParameters, headerRead } from '../../src/python/model/sources.js';
import { unverifiedDecode } from './no-jwt-decode-without-verify.js';

type MessageId = 'acceptsAny' | 'presenceOnly' | 'failOpen';

/** Methods that turn a presented token into an identity (SDK TokenVerifier, OAuth providers, fastmcp verifiers). */
const VERIFIER_METHODS = new Set(['verify_token', 'load_access_token', 'authenticate', 'verify']);
const VERIFIER_BASES = /TokenVerifier|AuthProvider|AuthorizationServerProvider|AuthenticationBackend|Verifier$/;
/** Python spellings of a check against something trusted: `get_user_by_token`, `lookup_key`, `jwt.decode(…, key)`. */
const PY_VERIFICATION = /^_*(get_(user|token|principal|account|api_key|key|claims|client|session)\w*|fetch_\w+|lookup\w*|load_\w+|find_\w+)$/;

/** `None`, `""`, literals, lengths and schemes: a comparison with one of these checks shape, not the value. */
function shapeOnly(node: PyNode): boolean {
  const n = unwrap(node);
  if (!n || ['none', 'true', 'false', 'integer'].includes(n.type)) return true;
  const s = stringValue(n);
  return (s !== null && (s === '' || /^(bearer|basic|token)\s*$/i.test(s))) || (n.type === 'call' && calleeName(n) === 'len');
}

/** Does a function check a credential against anything (a comparison, a verifying call, a lookup), helpers included? */
function verifies(ctx: PyCtx, fn: PyNode, depth = 0): boolean {
  let found = false;
  walk(fn, (n) => {
    if (found) return false;
    if (n.type === 'comparison_operator' && n.children.length === 2 && ['==', '!=', 'in', 'not in'].includes(n.operators?.[0] ?? '')) {
      if (!n.children.some(shapeOnly)) found = true;
    } else if (n.type === 'call') {
      const name = calleeName(n) ?? '';
      if (headerRead(n) !== null || /^(startswith|endswith|split|strip|lower|replace|get|partition)$/.test(name)) return;
      if (VERIFICATION_CALL.test(name) || PY_VERIFICATION.test(name)) found = true;
      if (name === 'decode' && /jwt/.test(memberPath(child(n, 'function'))?.join('.') ?? '') && !unverifiedDecode(ctx, n)) found = true;
      const helper = depth < 2 ? resolveFunction(ctx, child(n, 'function')) : null;
      if (helper && helper.node !== fn && verifies(helper.ctx, helper.node, depth + 1)) found = true;
    }
  });
  return found;
}

/** A verifier method that returns an identity whatever the token: no check, a non-None return. */
function acceptsAny(ctx: PyCtx, fn: PyNode): boolean {
  const returns = returnedValues(fn).map((r) => unwrap(r));
  return returns.length > 0 && returns.every((r) => r && r.type !== 'none' && r.type !== 'false') && !verifies(ctx, fn);
}

export const noPresenceOnlyAuthPython: PythonImplementation<MessageId> = {
  // a verifier method or class, a header read, or a fail-open `if not <secret>: return …`
  keywords: ['verify_token', 'load_access_token', 'authenticate', 'verify', 'debugtokenverifier', 'header', 'if not'],
  keywordsAlso: [['verify_token', 'load_access_token', 'authenticate', 'verify', 'debugtokenverifier', ...CREDENTIAL_HEADERS, ...SECRET_NAME_KEYWORDS]],
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        for (const fn of nodesOf(module, 'function_definition')) {
          const name = child(fn, 'name')?.text ?? '';
          const cls = enclosingClass(fn);
          if (cls && VERIFIER_METHODS.has(name) && baseClasses(cls).some((b) => VERIFIER_BASES.test(b)) && acceptsAny(ctx, fn)) {
            context.report({ loc: locOf(module, child(fn, 'name')!), messageId: 'acceptsAny', data: { what: `${child(cls, 'name')?.text}.${name}` } });
            continue;
          }
          // A credential header whose absence is refused, and nothing that checks its value.
          const reads: Array<{ node: PyNode; header: string }> = [];
          walk(fn, (n) => {
            const header = headerRead(n);
            if (header && isCredentialHeader(header)) reads.push({ node: n, header });
          });
          for (const p of headerParameters(fn)) if (isCredentialHeader(p.header)) reads.push({ node: p.node, header: p.header });
          if (reads.length === 0 || verifies(ctx, fn)) continue;
          const gated = reads.find((r) => gatesOnPresence(fn, r.node));
          if (gated) context.report({ loc: locOf(module, gated.node), messageId: 'presenceOnly', data: { header: gated.header, line: locOf(module, gated.node).start.line } });
        }
        for (const call of nodesOf(module, 'call')) {
          if (calleeName(call) === 'DebugTokenVerifier' && !keywordArg(call, 'validate')) {
            context.report({ loc: locOf(module, call), messageId: 'acceptsAny', data: { what: 'DebugTokenVerifier()' } });
          }
        }
        failOpen(module, (node, secret) => context.report({ loc: locOf(module, node), messageId: 'failOpen', data: { secret } }));
      },
    };
  },
};

/** Is the header value (or the name it is assigned to) refused when missing (`if not token: raise …`)? */
function gatesOnPresence(fn: PyNode, read: PyNode): boolean {
  const direct = accessUse(climb(read));
  if (direct?.use === 'a presence check that gates access') return true;
  const v = climb(read);
  const target = v.parent?.type === 'assignment' && child(v.parent, 'right') === v ? child(v.parent, 'left') : read.type === 'identifier' ? read : null;
  if (target?.type !== 'identifier') return false;
  let gated = false;
  walk(fn, (n) => {
    if (!gated && n.type === 'identifier' && n.text === target.text && n !== target) gated = accessUse(climb(n))?.use === 'a presence check that gates access';
  });
  return gated;
}

/**
 * `if not API_KEY: return await call_next(request)` / `if not settings.api_key: return True`: the server's own
 * secret unset lets every request through.
 */
function failOpen(module: PyModule, report: (node: PyNode, secret: string) => void): void {
  for (const stmt of nodesOf(module, 'if_statement')) {
    const test = unwrap(child(stmt, 'condition'));
    const subject = test?.type === 'not_operator' ? unwrap(child(test, 'argument')) : null;
    const name = subject ? memberPath(subject)?.at(-1) : null;
    if (!name || !isSecretName(name) || !/^[A-Z_]+$|settings|config|self/.test(memberPath(subject)?.join('.') ?? '')) continue;
    const body = child(stmt, 'consequence');
    const last = body?.children[body.children.length - 1];
    if (last?.type !== 'return_statement') continue;
    const value = unwrap(last.children[0]);
    const passes = value?.type === 'true' || (value?.type === 'call' && calleeName(value) === 'call_next') || (!value && /dispatch|__call__|middleware/i.test(enclosingName(stmt)));
    if (passes) report(test!, memberPath(subject)!.join('.'));
  }
}

function enclosingName(node: PyNode): string {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return child(p, 'name')?.text ?? '';
  return '';
}
