import { createRule } from '../src/rule-kit/create-rule.js';
import { getMcpConfig } from '../src/config-language/model.js';
import type { ConfigValue } from '../src/config-language/tree.js';

/** Environment variables that switch certificate checks off, with the values that do it. */
const TLS_ENV: Record<string, RegExp> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  PYTHONHTTPSVERIFY: /^0$/,
  GIT_SSL_NO_VERIFY: /^(?:1|true)$/i,
  CURL_INSECURE: /^(?:1|true)$/i,
};
/** Command-line flags that switch certificate checks off. */
const TLS_FLAGS = new Set(['--insecure', '-k', '--no-verify-ssl', '--no-check-certificate', '--ignore-certificate-errors', '--disable-ssl-verification', '--tls-skip-verify']);
/** Settings keys that switch certificate checks off when false. */
const TLS_SETTINGS = new Set(['strictSSL', 'rejectUnauthorized', 'verify_ssl', 'verifySsl', 'tls_verify', 'sslVerify']);

export default createRule('no-tls-opt-out-in-mcp-config', {
  meta: {
    severity: 'high',
    language: 'config',
    description: 'MCP client configs that switch TLS certificate verification off',
    cwe: ['CWE-295'],
    owasp: ['MCP07'],
    keywords: [...Object.keys(TLS_ENV), ...TLS_FLAGS, ...TLS_SETTINGS].map((k) => k.toLowerCase()),
    messages: {
      optOut:
        '`{{setting}}` in {{client}} server "{{server}}" turns TLS certificate checks off: anyone on the network path can impersonate the server or its APIs and read the tokens sent. Remove it; trust a private CA with NODE_EXTRA_CA_CERTS instead.',
    },
  },
  create(ctx) {
    return {
      ConfigDocument() {
        const config = getMcpConfig(ctx.eslint.sourceCode);
        if (!config) return;
        for (const server of config.servers) {
          const data = { client: config.client.name, server: server.name };
          for (const { name, value } of server.env) {
            const off = TLS_ENV[name.toUpperCase()];
            if (off && value.type === 'ConfigScalar' && off.test(String(value.value))) {
              ctx.report({ loc: value.loc, messageId: 'optOut', data: { ...data, setting: `${name}=${String(value.value)}` } });
            }
          }
          for (const arg of server.args) {
            if (TLS_FLAGS.has(String(arg.value))) ctx.report({ loc: arg.loc, messageId: 'optOut', data: { ...data, setting: String(arg.value) } });
          }
          const walk = (node: ConfigValue): void => {
            if (node.type === 'ConfigArray') node.elements.forEach(walk);
            if (node.type !== 'ConfigObject') return;
            for (const m of node.members) {
              if (TLS_SETTINGS.has(m.key.name) && m.value.type === 'ConfigScalar' && m.value.value === false) {
                ctx.report({ loc: m.value.loc, messageId: 'optOut', data: { ...data, setting: `${m.key.name}: false` } });
              }
              walk(m.value);
            }
          };
          walk(server.node);
        }
      },
    };
  },
});
