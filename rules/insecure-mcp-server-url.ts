import { createRule } from '../src/rule-kit/create-rule.js';
import { classifyCredentialName } from '../src/rule-kit/secrets.js';
import { getMcpConfig } from '../src/config-language/model.js';
import { locWithin } from '../src/config-language/rule-support.js';
import type { ConfigScalar } from '../src/config-language/tree.js';

/** Hosts a plain-HTTP connection never leaves the machine for. */
const LOOPBACK = /^(?:localhost|[\w-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/** Hosts that ask the reader to substitute their own (`http://your-server:5000`): a template, not a connection. */
const PLACEHOLDER_HOST = /^(?:your|my)[-_.]|^<|^\{|^x{3,}/i;
/** Query parameters that carry credentials although their names are too short for the name classifier. */
const QUERY_CREDENTIALS = new Set(['key', 'apikey', 'api_key', 'access_token', 'token', 'auth', 'sig', 'signature', 'jwt']);

function isCredentialParam(name: string): boolean {
  return QUERY_CREDENTIALS.has(name.toLowerCase()) || classifyCredentialName(name) !== null;
}

export default createRule('insecure-mcp-server-url', {
  meta: {
    severity: 'medium',
    language: 'config',
    description: 'MCP server URLs over plain http:// to remote hosts, or with credentials in the query string',
    cwe: ['CWE-319', 'CWE-598'],
    owasp: ['MCP01', 'MCP07'],
    keywords: ['http:', '?'],
    messages: {
      plainHttp:
        '{{client}} server "{{server}}" is reached over plain http:// at {{host}}: requests, tokens and tool results cross the network unencrypted. Use https://.',
      tokenInQuery:
        '{{client}} server "{{server}}" sends `{{param}}` in the URL query string, where proxies, logs and browser history keep it (the MCP spec forbids tokens in URIs). Send it in a header instead.',
    },
  },
  create(ctx) {
    const sourceCode = ctx.eslint.sourceCode;
    return {
      ConfigDocument() {
        const config = getMcpConfig(sourceCode);
        if (!config) return;
        for (const server of config.servers) {
          const urls: ConfigScalar[] = [...(server.url ? [server.url] : []), ...server.args.filter((a) => /^[a-z][a-z0-9+.-]*:\/\//i.test(String(a.value)))];
          for (const node of urls) {
            let url: URL;
            try {
              url = new URL(String(node.value));
            } catch {
              continue; // references such as `${env:URL}` are not URLs yet
            }
            const data = { client: config.client.name, server: server.name };
            if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !PLACEHOLDER_HOST.test(url.hostname)) {
              ctx.report({ loc: node.loc, messageId: 'plainHttp', data: { ...data, host: url.host } });
            }
            for (const [param, value] of url.searchParams) {
              if (value && isCredentialParam(param)) {
                ctx.report({ loc: locWithin(sourceCode, node, `${param}=`), messageId: 'tokenInQuery', data: { ...data, param } });
              }
            }
          }
        }
      },
    };
  },
});
