// no-broad-oauth-scopes, Python: scope strings and lists under scope-named names (`SCOPES = [...]`,
// `scopes=[…]`, `"scope": "repo admin:org"`) and `scope=` in authorize URLs, judged by the shared scope catalog.
import type { PythonImplementation } from '../../src/rule-kit/create-rule.js';
import { findBroadScopes, providersIn } from '../../src/rule-kit/tables/oauth-scopes.js';
import { child, locOf, memberPath, nodesOf, stringValue, unwrap, type PyModule, type PyNode } from '../../src/python/tree.js';
import { pyCtx, resolveValue } from '../../src/python/model/scope.js';

const SCOPE_NAME = /(^|_)(scopes?|scope_list|oauth_scopes?|default_scopes?|required_scopes?|valid_scopes?)$/i;

/** The strings a scope value is written as: a string, or the strings of a list/tuple/set (following a constant). */
function scopeStrings(value: PyNode | null, ctx: ReturnType<typeof pyCtx>): PyNode[] {
  const v = unwrap(resolveValue(ctx, value)?.node ?? value);
  if (!v) return [];
  if (stringValue(v) !== null) return [v];
  if (v.type === 'list' || v.type === 'tuple' || v.type === 'set') return v.children.filter((c) => stringValue(c) !== null);
  return [];
}

export const noBroadOauthScopesPython: PythonImplementation<'broadScope' | 'offlineScope'> = {
  keywords: ['scope'],
  create(context) {
    const filename = context.eslint.physicalFilename ?? context.eslint.filename;
    return {
      module(module: PyModule) {
        const ctx = pyCtx(module, filename);
        // The catalog's tests spell broad scopes on purpose; so do files that import it.
        const hints = providersIn([...ctx.index.importedModules, module.text.slice(0, 4000)].join(' '));
        const seen = new Set<PyNode>();
        const judge = (s: PyNode, text: string) => {
          if (seen.has(s)) return;
          seen.add(s);
          for (const hit of findBroadScopes(text, hints)) {
            const info = hit.entry.severity === 'info';
            context.report({
              loc: locOf(module, s),
              messageId: info ? 'offlineScope' : 'broadScope',
              data: { scope: hit.token.value, kind: 'scope', provider: hit.providerName, why: hit.entry.why, narrower: hit.narrower, docs: hit.entry.docs },
              severity: hit.entry.severity,
            });
          }
        };
        for (const a of nodesOf(module, 'assignment', 'keyword_argument', 'pair')) {
          const key = a.type === 'pair' ? stringValue(child(a, 'key')) : memberPath(child(a, a.type === 'assignment' ? 'left' : 'name'))?.at(-1);
          if (!key || !SCOPE_NAME.test(key)) continue;
          for (const s of scopeStrings(child(a, a.type === 'assignment' ? 'right' : 'value'), ctx)) judge(s, stringValue(s)!);
        }
        for (const s of nodesOf(module, 'string')) {
          const text = stringValue(s, ' ');
          const m = text && /[?&]scope=([^&#"']*)/i.exec(text);
          if (m) judge(s, m[1]);
        }
      },
    };
  },
};
