import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-broad-oauth-scopes-in-mcp-config.js';
import { configRuleTester, fixtureFindings } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

configRuleTester().run('no-broad-oauth-scopes-in-mcp-config', rule, {
  valid: [
    // Narrow scopes, per provider.
    { filename: '.codex/config.toml', code: '[mcp_servers.github]\nurl = "https://api.githubcopilot.com/mcp/"\nscopes = ["public_repo", "read:org"]\n' },
    { filename: '.cursor/mcp.json', code: json({ mcpServers: { slack: { url: 'https://mcp.slack.com/mcp', auth: { CLIENT_ID: 'abc', scopes: ['chat:write', 'channels:read'] } } } }) },
    { filename: '.vscode/mcp.json', code: json({ servers: { drive: { type: 'http', url: 'https://mcp.example.com/google', oauth: { scope: 'https://www.googleapis.com/auth/drive.file openid' } } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { gitlab: { command: 'gitlab-mcp', args: ['--scopes', 'read_api read_user', '--scope=read_repository'] } } }) },
    // A generic word (`repo`) with nothing naming its provider.
    { filename: '.codex/config.toml', code: '[mcp_servers.notes]\nurl = "https://notes.example.com/mcp"\nscopes = ["repo"]\n' },
    // A key that merely ends in "scope", and scopes outside any server.
    { filename: '.mcp.json', code: json({ scopes: ['*'], mcpServers: { astro: { command: 'astro-mcp', telescope: 'all' } } }) },
    // An environment reference is not a scope list.
    { filename: '.mcp.json', code: json({ mcpServers: { github: { command: 'github-mcp', env: { GITHUB_SCOPES: '${GITHUB_SCOPES}' } } } }) },
    // Environment templates: narrow values, placeholders, and scope-looking values under unrelated keys.
    { filename: '.env.example', code: '# GitHub app\nGITHUB_OAUTH_SCOPES="public_repo read:user"\nOAUTH_SCOPES=\nREPO_KIND=repo\nDEFAULT_ROLE=admin\n' },
  ],
  invalid: [
    {
      // Codex: `scopes` of a server table.
      filename: '.codex/config.toml',
      code: '[mcp_servers.github]\nurl = "https://api.githubcopilot.com/mcp/"\nscopes = ["repo", "read:org"]\n',
      errors: [{ messageId: 'broadScope', line: 3, column: 12, endColumn: 16 }],
    },
    {
      // Cursor: `auth.scopes`.
      filename: '.cursor/mcp.json',
      code: json({ mcpServers: { slack: { url: 'https://mcp.slack.com/mcp', auth: { CLIENT_ID: 'abc', scopes: ['chat:write', 'admin'] } } } }),
      errors: [{ messageId: 'broadScope', line: 9, column: 12 }],
    },
    {
      // VS Code: an `oauth` block with a space-separated `scope`.
      filename: '.vscode/mcp.json',
      code: json({ servers: { drive: { type: 'http', url: 'https://mcp.example.com/google', oauth: { scope: 'https://www.googleapis.com/auth/drive openid' } } } }),
      errors: [{ messageId: 'broadScope', line: 7, column: 19, endColumn: 56 }],
    },
    {
      // `scope=` in an mcp-remote URL (provider from the host), and a refresh-token scope (info).
      filename: '.mcp.json',
      code: json({
        mcpServers: {
          linear: { command: 'npx', args: ['-y', 'mcp-remote@0.1.16', 'https://mcp.linear.app/sse?scope=read%20admin'] },
          sso: { type: 'http', url: 'https://mcp.example.com/mcp', oauth: { scopes: ['openid', 'offline_access'] } },
        },
      }),
      errors: [
        { messageId: 'broadScope', line: 8, column: 50, endColumn: 55 },
        { messageId: 'offlineScope', line: 17, column: 12 },
      ],
    },
    {
      // `scope=` in a server URL.
      filename: '.gemini/settings.json',
      code: json({ mcpServers: { tools: { httpUrl: 'https://mcp.example.com/mcp?client=cli&scope=files:*' } } }),
      errors: [{ messageId: 'broadScope', line: 4, column: 64 }],
    },
    {
      // `--scopes <list>` and `--scope=<scope>`.
      filename: '.mcp.json',
      code: json({ mcpServers: { gitlab: { command: 'gitlab-mcp', args: ['--scopes', 'api read_user', '--scope=sudo'] } } }),
      errors: [
        { messageId: 'broadScope', line: 7, column: 10 },
        { messageId: 'broadScope', line: 8, column: 18 },
      ],
    },
    {
      // A scope list passed to the server through its environment.
      filename: '.codex/config.toml',
      code: '[mcp_servers.google]\ncommand = "google-workspace-mcp"\nenv = { GOOGLE_SCOPES = "https://mail.google.com/" }\n',
      errors: [{ messageId: 'broadScope', line: 3, column: 26 }],
    },
    {
      // Environment template: provider from the key, or from the file for a generic key.
      filename: '.env.example',
      code: [
        '# GitHub OAuth app for the MCP server',
        'GITHUB_CLIENT_ID=',
        'GITHUB_OAUTH_SCOPES="repo admin:org"',
        'OAUTH_SCOPES=all',
        'export SLACK_SCOPES=chat:write,admin',
        'AUTH_URL=https://login.salesforce.com/services/oauth2/authorize?scope=full',
      ].join('\n'),
      errors: [
        { messageId: 'broadScope', line: 3, column: 22 },
        { messageId: 'broadScope', line: 3, column: 27 },
        { messageId: 'broadScope', line: 4, column: 14 },
        { messageId: 'broadScope', line: 5, column: 32 },
        { messageId: 'broadScope', line: 6, column: 71 },
      ],
    },
    {
      filename: 'deploy/prod.env.example',
      code: 'SCOPES=offline_access\n',
      errors: [{ messageId: 'offlineScope', line: 1, column: 8 }],
    },
  ],
});

describe('fixtures', () => {
  const DIR = 'fixtures/no-broad-oauth-scopes-in-mcp-config';
  const UNSAFE: Record<string, string[]> = {
    '.codex/config.toml': ['5:12 broadScope', '5:20 broadScope', '9:22 broadScope'],
    '.cursor/mcp.json': ['7:55 broadScope', '12:82 broadScope'],
    '.vscode/mcp.json': ['7:26 broadScope', '7:51 broadScope', '7:89 offlineScope'],
    '.env.example': ['4:22 broadScope', '4:27 broadScope', '7:27 broadScope', '8:87 broadScope', '8:94 offlineScope'],
  };
  it.each(Object.entries(UNSAFE))('unsafe/%s reports exactly its broad scopes', (file, expected) => {
    expect(fixtureFindings(`${DIR}/unsafe/${file}`, 'no-broad-oauth-scopes-in-mcp-config')).toEqual(expected);
  });
  it.each(Object.keys(UNSAFE))('safe/%s (the narrower scopes) reports nothing', (file) => {
    expect(fixtureFindings(`${DIR}/safe/${file}`, 'no-broad-oauth-scopes-in-mcp-config')).toEqual([]);
  });
});
