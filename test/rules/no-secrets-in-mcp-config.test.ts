import rule from '../../rules/no-secrets-in-mcp-config.js';
import { configRuleTester } from '../config-language/rule-tester.js';

// Fake, well-formed values (made up for these tests).
const GHP = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const RANDOM = 'IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAk';
const SB = 'sb_secret_Wvj7FAc9QeWJKY40uvSwMFLZDe1f8rES';
const SBP = 'sbp_0b15d5d56b6a7a838680d47708ce99fb07888a4f';
const STRIPE_TEST = 'sk_test_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb';
const SUPABASE_ANON =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImhpbnR0a2dzeWpnZmZ4c21zd2hiIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzE1MDAwMDAsImV4cCI6MjA0Njg2MDAwMH0.gD2GTEgg3Skc10a8f3V-qwTL386jDxWhMmd7FrWJQq_';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

configRuleTester().run('no-secrets-in-mcp-config', rule, {
  valid: [
    // Each client's own reference syntax.
    { filename: '.mcp.json', code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { gh: { url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${GH_TOKEN:-}' } } } }) },
    { filename: '.cursor/mcp.json', code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '${env:GITHUB_TOKEN}' } } } }) },
    { filename: '.vscode/mcp.json', code: json({ servers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '${input:gh-token}' } } } }) },
    { filename: 'opencode.json', code: json({ mcp: { gh: { type: 'local', command: ['npx', 'x'], environment: { GITHUB_TOKEN: '{env:GITHUB_TOKEN}' } } } }) },
    { filename: '.gemini/settings.json', code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '$GITHUB_TOKEN' } } } }) },
    { filename: '.codex/config.toml', code: '[mcp_servers.gh]\ncommand = "npx"\nenv_vars = ["GITHUB_TOKEN"]\nbearer_token_env_var = "GH_TOKEN"\n' },
    // Placeholders and non-secret values.
    { filename: '.mcp.json', code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: 'YOUR_TOKEN_HERE', LOG_LEVEL: 'debug' } } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { db: { command: 'npx', args: ['pg-mcp', 'postgres://user:password@localhost/db'] } } }) },
    { filename: '.cursor/mcp.json', code: json({ mcpServers: { local: { command: '${workspaceFolder}/bin/server', args: ['--token', '${env:TOKEN}'] } } }) },
    // Documented test keys and publishable/anon keys, in credential-named places.
    { filename: '.mcp.json', code: json({ mcpServers: { stripe: { command: 'npx', env: { STRIPE_SECRET_KEY: STRIPE_TEST } } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { stripe: { url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${STRIPE_TEST}` } } } }) },
    { filename: '.cursor/mcp.json', code: json({ mcpServers: { sb: { command: 'npx', args: ['-y', 'sb-mcp@1.0.0', '--api-key', SUPABASE_ANON] } } }) },
    { filename: '.vscode/mcp.json', code: json({ servers: { sb: { type: 'http', url: 'https://x.example.com/mcp?apikey=sb_publishable_uqvway-LGv9HVy9OcbOvFYyHFumWu1y' } } }) },
    // Not a client config: a generic name without the servers key.
    { filename: 'config/config.yaml', code: `api_key: ${RANDOM}\n` },
    { filename: 'zed/settings.json', code: json({ token: GHP }) },
  ],
  invalid: [
    {
      // A token in the command line itself.
      filename: '.zed/settings.json',
      code: json({ context_servers: { gh: { command: `GITHUB_TOKEN=${GHP} npx gh-mcp@1.0.0` } } }),
      errors: [{ messageId: 'provider', line: 4, column: 32 }],
    },
    {
      filename: '.mcp.json',
      code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: GHP } } } }),
      errors: [{ messageId: 'provider', line: 6, column: 26 }],
    },
    {
      // Supabase token in `--access-token X`.
      filename: '.cursor/mcp.json',
      code: json({ mcpServers: { supabase: { command: 'npx', args: ['-y', '@supabase/mcp-server-supabase@0.5.0', '--access-token', RANDOM] } } }),
      errors: [{ messageId: 'credential', line: 9, column: 10 }],
    },
    {
      // The triage case: a Supabase personal access token is named as one, not as a generic credential.
      filename: '.cursor/mcp.json',
      code: json({ mcpServers: { supabase: { command: 'npx', args: ['-y', '@supabase/mcp-server-supabase@0.5.0', '--access-token', SBP] } } }),
      errors: [{ messageId: 'provider', line: 9, column: 10 }],
    },
    {
      // A test key only in name: `_tost_` is no documented prefix.
      filename: '.mcp.json',
      code: json({ mcpServers: { stripe: { command: 'npx', env: { STRIPE_SECRET_KEY: STRIPE_TEST.replace('_test_', '_tost_') } } } }),
      errors: [{ messageId: 'credential', line: 6, column: 31 }],
    },
    {
      filename: 'claude_desktop_config.json',
      code: json({ mcpServers: { remote: { command: 'npx', args: ['mcp-remote@0.1.16', 'https://x.example.com/mcp', '--header', `Authorization: Bearer ${RANDOM}`] } } }),
      errors: [{ messageId: 'credential', line: 9, column: 32 }],
    },
    {
      filename: '.vscode/mcp.json',
      code: json({ servers: { api: { type: 'http', url: `https://api.example.com/mcp?api_key=${RANDOM}`, headers: { 'X-API-Key': RANDOM } } } }),
      errors: [
        { messageId: 'credential', line: 5, column: 51 },
        { messageId: 'credential', line: 7, column: 23 },
      ],
    },
    {
      filename: '.roo/mcp.json',
      code: json({ mcpServers: { db: { command: 'docker', args: ['run', '-e', `SUPABASE_KEY=${SB}`, 'img:1'] } } }),
      errors: [{ messageId: 'provider', line: 8, column: 23 }],
    },
    {
      filename: '.kilocode/mcp.json',
      code: json({ mcpServers: { db: { command: 'npx', args: ['pg-mcp@1.0.0', 'postgresql://svc:EQDm0Sl62vk0wqSo@10.0.3.4/orders'] } } }),
      errors: [{ messageId: 'provider', line: 7, column: 27 }],
    },
    {
      filename: 'web/.codex/config.toml',
      code: `# codex\n[mcp_servers.gh]\ncommand = "npx"\n\n[mcp_servers.gh.http_headers]\nAuthorization = "Bearer ${RANDOM}"\n`,
      errors: [{ messageId: 'credential', line: 6, column: 25 }],
    },
    {
      filename: '.continue/mcpServers/db.yaml',
      code: `name: db\nmcpServers:\n  - name: pg\n    command: npx\n    env:\n      DB_PASSWORD: "Xk29!pq7Lm"\n`,
      errors: [{ messageId: 'credential', line: 6, column: 21 }],
    },
    {
      filename: 'home/.config/goose/config.yaml',
      code: `extensions:\n  gh:\n    cmd: npx\n    envs:\n      GITHUB_TOKEN: ${GHP}\n`,
      errors: [{ messageId: 'provider', line: 5, column: 21 }],
    },
    {
      // Claude Desktop sends `${VAR}` literally: a broken config, reported as info.
      filename: 'claude_desktop_config.json',
      code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } } } }),
      errors: [{ messageId: 'brokenReference', line: 6, column: 26 }],
    },
    {
      // `${env:VAR}` is Cursor's syntax, not Claude Code's.
      filename: '.mcp.json',
      code: json({ mcpServers: { gh: { command: 'npx', env: { GITHUB_TOKEN: '${env:GITHUB_TOKEN}' } } } }),
      errors: [{ messageId: 'brokenReference', line: 6, column: 26 }],
    },
    {
      filename: '.claude/settings.json',
      code: json({ env: { ANTHROPIC_API_KEY: RANDOM } }),
      errors: [{ messageId: 'credential', line: 3, column: 27 }],
    },
    {
      filename: 'https-user/.amazonq/mcp.json',
      code: json({ mcpServers: { api: { command: 'node', args: ['server.js', `--api-key=${RANDOM}`] } } }),
      errors: [{ messageId: 'credential', line: 7, column: 20 }],
    },
  ],
});
