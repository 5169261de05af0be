import rule from '../../rules/no-tls-opt-out-in-mcp-config.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

configRuleTester().run('no-tls-opt-out-in-mcp-config', rule, {
  valid: [
    { filename: '.mcp.json', code: json({ mcpServers: { a: { command: 'node', env: { NODE_TLS_REJECT_UNAUTHORIZED: '1', NODE_EXTRA_CA_CERTS: '/etc/ca.pem' } } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { a: { command: 'node', args: ['--insecure-mode-docs'], strictSSL: true } } }) },
    // Not in a server: outside what the client passes to servers.
    { filename: '.mcp.json', code: json({ strictSSL: false, mcpServers: {} }) },
  ],
  invalid: [
    {
      filename: '.mcp.json',
      code: json({ mcpServers: { a: { command: 'node', env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } } } }),
      errors: [{ messageId: 'optOut', line: 6, column: 41 }],
    },
    {
      filename: '.codex/config.toml',
      code: '[mcp_servers.a]\ncommand = "python"\nargs = ["server.py", "--insecure"]\nenv = { PYTHONHTTPSVERIFY = "0" }\n',
      errors: [
        { messageId: 'optOut', line: 3, column: 22 },
        { messageId: 'optOut', line: 4, column: 29 },
      ],
    },
    {
      filename: 'cline_mcp_settings.json',
      code: json({ mcpServers: { a: { url: 'https://mcp.internal/mcp', strictSSL: false } } }),
      errors: [{ messageId: 'optOut', line: 5, column: 20 }],
    },
  ],
});
