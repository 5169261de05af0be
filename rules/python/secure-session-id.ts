// secure-session-id, Python: session ids and other bearer values (tokens, nonces, API keys) made from `random`
// (a Mersenne Twister, not a CSPRNG), `uuid.uuid1()` (time and MAC), or the clock. Use `secrets` or `uuid.uuid4()`.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { child, locOf, memberPath, nodesOf, walk, type PyModule, type PyNode } from '../../src/python/tree.js';
import { importedName, pyCtx, type PyCtx } from '../../src/python/model/scope.js';

/** Names of values that let their holder in. */
const BEARER_NAME = /(^|_)(session_?id|sid|session_token|session_key|token|nonce|csrf|csrf_token|api_key|secret|otp|auth_code)$/i;

/** The weak randomness an expression uses, if any. */
function weakSource(ctx: PyCtx, value: PyNode): string | null {
  let weak: string | null = null;
  let strong = false;
  walk(value, (n) => {
    if (n.type !== 'call') return;
    const path = memberPath(child(n, 'function')) ?? [];
    const full = [...(importedName(ctx, path[0] ?? '')?.split('.') ?? [path[0]]), ...path.slice(1)].join('.');
    if (/^(secrets\.|os\.urandom|uuid\.uuid4|random\.SystemRandom|SystemRandom)/.test(full)) strong = true;
    else if (/^random\.(random|randint|randrange|choice|choices|sample|getrandbits|shuffle|uniform)$/.test(full)) weak ??= `${full}() (not a CSPRNG)`;
    else if (full === 'uuid.uuid1') weak ??= 'uuid.uuid1() (time and MAC based)';
    else if (/^(time\.time|time\.time_ns|datetime\.now|datetime\.datetime\.now|datetime\.utcnow)$/.test(full)) weak ??= `the clock (${full}())`;
  });
  return strong ? null : weak;
}

export const secureSessionIdPython: PythonImplementation<'pyWeakId'> = {
  keywords: ['random', 'uuid1', 'time'],
  keywordsAlso: [['session', 'sid', 'token', 'nonce', 'csrf', 'secret', 'api_key', 'otp', 'auth_code']],
  messages: { pyWeakId: '`{{name}}` is made from {{source}}: it can be guessed, and whoever guesses it is let in. Use secrets.token_urlsafe() or uuid.uuid4().' },
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        for (const a of nodesOf(module, 'assignment', 'keyword_argument', 'pair')) {
          const target = a.type === 'pair' ? null : child(a, a.type === 'assignment' ? 'left' : 'name');
          const name = target ? (memberPath(target)?.at(-1) ?? null) : null;
          const value = child(a, a.type === 'assignment' ? 'right' : 'value');
          if (!name || !value || !BEARER_NAME.test(name)) continue;
          const source = weakSource(ctx, value);
          if (source) context.report({ loc: locOf(module, a), messageId: 'pyWeakId', data: { name, source }, fingerprintKey: `${name}:${source}` });
        }
      },
    };
  },
};
