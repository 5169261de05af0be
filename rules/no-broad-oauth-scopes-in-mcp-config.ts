import picomatch from 'picomatch';
import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { locInValue } from '../src/config-language/rule-support.js';
import type { ConfigScalar, ConfigValue } from '../src/config-language/tree.js';
import { findBroadScopes, providersIn } from '../src/rule-kit/tables/oauth-scopes.js';
import jsRule from './no-broad-oauth-scopes.js';

/** Keys holding scopes in a server entry: `scope`, `scopes`, `oauthScopes`, `GITHUB_SCOPES` (env). Not `telescope`. */
const SCOPE_KEY = /^(?:scopes?|SCOPES?)$|[_-](?:scopes?|SCOPES?)$|[a-z0-9]Scopes?$/;
/** Command-line options whose value is a scope list (`mcp-remote --scope`, CLI wrappers). */
const SCOPE_FLAGS = ['--scope', '--scopes', '--oauth-scope', '--oauth-scopes'];
/** `scope=` in an authorization or server URL (the same parameter the JS rule reads). */
const URL_SCOPE_PARAM = /[?&#]scope=([^&#\s"'<>]*)/gi;

const { broadScope, offlineScope } = jsRule.meta.messages as Record<'broadScope' | 'offlineScope', string>;

/** Every string scalar under a node. */
function stringsIn(node: ConfigValue, out: ConfigScalar[] = []): ConfigScalar[] {
  if (node.type === 'ConfigScalar' && typeof node.value === 'string') out.push(node);
  if (node.type === 'ConfigArray') node.elements.forEach((e) => stringsIn(e, out));
  if (node.type === 'ConfigObject') node.members.forEach((m) => stringsIn(m.value, out));
  return out;
}

export default createRule('no-broad-oauth-scopes-in-mcp-config', {
  meta: {
    severity: 'high',
    language: 'config',
    description: 'Over-broad OAuth scopes requested by MCP client configs and environment templates',
    cwe: ['CWE-250', 'CWE-272'],
    owasp: ['MCP02'],
    // Every place read (scope keys, `--scope`, `scope=`) spells "scope".
    keywords: ['scope'],
    // Same wording as the JS rule: one catalog, one way of naming the narrower scope.
    messages: { broadScope, offlineScope },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;
    const text = sourceCode.text;
    const seen = new Set<string>();

    /** Report the broad scopes of `scopes`, the text at `offset` in the value of `node`. */
    const check = (node: ConfigScalar, scopes: string, offset: number, hint: string) => {
      for (const hit of findBroadScopes(scopes, hint)) {
        const loc = locInValue(sourceCode, node, offset + hit.token.offset, hit.token.length);
        const key = `${loc.start.line}:${loc.start.column}:${hit.token.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.report({
          loc,
          messageId: hit.entry.severity === 'info' ? 'offlineScope' : 'broadScope',
          data: { scope: hit.token.value, kind: 'scope', provider: hit.providerName, why: hit.entry.why, narrower: hit.narrower, docs: hit.entry.docs },
          severity: hit.entry.severity,
        });
      }
    };
    const checkWhole = (node: ConfigScalar, hint: string) => check(node, String(node.value), 0, hint);
    /** A scope value: a string (space/comma separated) or a list of strings. */
    const checkValue = (value: ConfigValue, hint: string) => {
      if (value.type === 'ConfigArray') value.elements.forEach((e) => checkValue(e, hint));
      else if (value.type === 'ConfigScalar' && typeof value.value === 'string') checkWhole(value, hint);
    };
    const checkUrls = (node: ConfigScalar, hint: string) => {
      const value = String(node.value);
      for (const m of value.matchAll(URL_SCOPE_PARAM)) check(node, m[1], m.index + m[0].length - m[1].length, `${hint} ${value}`);
    };

    return {
      ConfigDocument() {
        const config = getMcpConfig(sourceCode);
        if (!config) return;
        for (const server of config.servers) {
          // The server's own text names its provider: url host, command, package name, env names.
          const hint = `${server.name} ${text.slice(server.node.range[0], server.node.range[1])}`;
          const walk = (node: ConfigValue): void => {
            if (node.type === 'ConfigArray') node.elements.forEach(walk);
            if (node.type !== 'ConfigObject') return;
            for (const m of node.members) {
              if (SCOPE_KEY.test(m.key.name)) checkValue(m.value, hint);
              else walk(m.value);
            }
          };
          walk(server.node);
          server.args.forEach((arg, i) => {
            const value = String(arg.value);
            const eq = value.indexOf('=');
            if (SCOPE_FLAGS.includes(value) && server.args[i + 1]) checkWhole(server.args[i + 1], hint);
            else if (eq > 0 && SCOPE_FLAGS.includes(value.slice(0, eq))) check(arg, value.slice(eq + 1), eq + 1, hint);
          });
          for (const s of stringsIn(server.node)) checkUrls(s, hint);
        }

        // Files that configure servers through their environment (dotenv templates): scopes under known keys.
        const root = config.root;
        if (!config.client.scopeKeys || root?.type !== 'ConfigObject') return;
        const isScopeKey = picomatch(config.client.scopeKeys, { nocase: true });
        for (const m of root.members) {
          // A key naming a provider (`SLACK_SCOPES`) speaks for itself; a generic one (`OAUTH_SCOPES`) takes the file's.
          const own = [...providersIn(m.key.name)].some((p) => p !== 'mcp' && p !== 'oidc');
          const hint = own ? m.key.name : text;
          if (isScopeKey(m.key.name)) checkValue(m.value, hint);
          else if (m.value.type === 'ConfigScalar' && typeof m.value.value === 'string') checkUrls(m.value, hint);
        }
      },
    };
  },
});
