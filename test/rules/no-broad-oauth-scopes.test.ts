import { readFileSync, readdirSync } from 'node:fs';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-broad-oauth-scopes.js';
import { jsRuleTester, reportedSeverities } from '../rule-tester.js';

const tester = jsRuleTester();
const code = (file: string) => readFileSync(`fixtures/scopes/${file}`, 'utf8');
const broad = (line: number, column: number) => ({ messageId: 'broadScope', line, column });
const offline = (line: number, column: number) => ({ messageId: 'offlineScope', line, column });
const discord = (line: number, column: number) => ({ messageId: 'discordPermissions', line, column });

/** Per provider: the broad fixture's findings, exactly; the narrow fixture must have none. */
const FIXTURES: Record<string, Array<{ messageId: string; line: number; column: number }>> = {
  github: [broad(6, 96), broad(6, 104), broad(6, 117), broad(11, 110)],
  google: [broad(3, 18), broad(3, 46)],
  microsoft: [broad(6, 65), broad(6, 88), offline(6, 115)],
  slack: [broad(9, 75), broad(9, 96)],
  gitlab: [broad(1, 25), broad(1, 45)],
  atlassian: [broad(4, 26), offline(4, 52)],
  salesforce: [broad(4, 57), offline(4, 62)],
  linear: [broad(7, 39), broad(7, 45)],
  stripe: [broad(1, 138)],
  shopify: [broad(6, 30), broad(6, 46)],
  discord: [discord(3, 153), discord(6, 75), discord(9, 41)],
  dropbox: [broad(3, 47), broad(3, 67)],
  'cloud-iam': [broad(3, 89), broad(5, 88), broad(7, 33), broad(9, 31)],
  'mcp-server': [
    broad(9, 65),
    broad(9, 76),
    broad(10, 121),
    { messageId: 'noRequiredScopes', line: 11, column: 18 },
    { messageId: 'readScopeGuardsWrite', line: 19, column: 40 },
    { messageId: 'grantsRequestedScopes', line: 31, column: 14 },
  ],
};

describe('fixtures/scopes covers every provider directory', () => {
  it('has a broad and a narrow fixture per provider, each listed here', () => {
    expect(readdirSync('fixtures/scopes').sort()).toEqual(Object.keys(FIXTURES).sort());
  });
});

tester.run('no-broad-oauth-scopes (fixtures)', rule, {
  valid: Object.keys(FIXTURES).map((p) => ({ name: `${p}/narrow.ts`, code: code(`${p}/narrow.ts`), filename: `scopes/${p}/narrow.ts` })),
  invalid: Object.entries(FIXTURES).map(([p, errors]) => ({
    name: `${p}/broad.ts`,
    code: code(`${p}/broad.ts`),
    filename: `scopes/${p}/broad.ts`,
    errors,
  })),
});

tester.run('no-broad-oauth-scopes', rule, {
  valid: [
    // permission checks are not requests
    "if (authInfo.scopes.includes('repo')) grant();",
    // an authorization server advertising that it supports refresh tokens requests none
    "app.get('/.well-known/oauth-authorization-server', (req, res) => res.json({ issuer, scopes_supported: ['openid', 'notes:read', 'offline_access'] }));",
    "const REQUIRED_SCOPE = 'admin:*';\nif (!token.scopes.includes(REQUIRED_SCOPE)) throw new Error('forbidden');",
    "if (scope === 'files:*') deny();",
    // generic words without their provider
    "const auth = new OAuth2Strategy({ authorizationURL, tokenURL, scope: ['repo', 'api', 'full', 'admin'] });",
    "const url = 'https://auth.example.com/authorize?scope=repo%20user';",
    // `scope` that is not OAuth
    "const container = { scope: 'all' };",
    "const binding = new Container({ scope: 'singleton' });",
    // an install location next to prose that names a provider, in a file that does no OAuth
    "export const LABEL = 'Works with GitHub Copilot';\nexport const DEFAULT_CONFIG = { defaultIde: 'universal', defaultScope: 'project' };",
    // the AuthInfo a server builds for a caller it verified by API key: a label of what it may do, not a request
    "request.auth = { token: accessToken, clientId: 'api-key', scopes: ['*'], extra: { account } };",
    // Discord-looking numbers without Discord around them
    "const file = { permissions: 8 };",
    "const url = 'https://files.example.com/share?permissions=8';",
    // destructuring and request echo through an allow-list
    'const { scope } = req.query;',
    "await completeAuthorization({ scope: oauthReqInfo.scope.filter((s) => ALLOWED.includes(s)) });",
    // requireBearerAuth with required scopes, or no write tools
    "app.use(requireBearerAuth({ verifier, requiredScopes: ['mcp:read'] }));\nserver.registerTool('delete_file', {}, async () => ({ content: [] }));",
    "app.use(requireBearerAuth({ verifier }));\nserver.registerTool('list_files', { annotations: { readOnlyHint: true } }, async () => ({ content: [] }));",
    // a write tool checking a write scope
    "server.registerTool('delete_file', {}, async (args, extra) => {\n  if (!extra.authInfo.scopes.includes('files:delete')) throw new Error('forbidden');\n});",
    // the catalog's own tests are not findings
    "import { findBroadScopes } from '../../src/rule-kit/tables/oauth-scopes.js';\nconst scopes = ['repo', 'files:*'];\nconst url = 'https://github.com/login/oauth/authorize?scope=repo';",
  ],
  invalid: [
    {
      // joined from a same-file table, built by concatenation
      code: "const SCOPES = { repo: 'Full control', 'read:org': 'Read orgs' };\nconst authUrl = 'https://github.com/login/oauth/authorize?scope=' + Object.keys(SCOPES).join(' ');",
      errors: [broad(1, 18)],
    },
    {
      code: "const url = `https://github.com/login/oauth/authorize?client_id=${id}&scope=repo%20gist`;",
      errors: [broad(1, 77), broad(1, 84)],
    },
    {
      // simple-oauth2 on an authorization server the code names
      code: "const client = new AuthorizationCode({ auth: { tokenHost: 'https://github.com' } });\nconst uri = client.authorizeURL({ redirect_uri, scope: 'repo,user:email' });",
      errors: [broad(2, 57)],
    },
    {
      code: "const ALL = ['files:read'];\nexport const SCOPES = [...ALL, 'db:*'];",
      errors: [broad(2, 33)],
    },
    {
      // the same bare word where the file does GitHub OAuth
      code: "const GITHUB_AUTHORIZE = 'https://github.com/login/oauth/authorize';\nexport const DEFAULT_CONFIG = { defaultScope: 'project' };",
      errors: [{ messageId: 'broadScope', line: 2, column: 48 }],
    },
    {
      // MCP omnibus words are broad where the code is about OAuth
      code: "const oauthConfig = { clientId, scope: 'full-access' };",
      errors: [broad(1, 41)],
    },
    {
      code: "const params = new URLSearchParams();\nparams.set('scope', 'https://www.googleapis.com/auth/gmail.modify');",
      errors: [broad(2, 22)],
    },
    {
      code: "export const SCOPE = 'https://graph.microsoft.com/Mail.Send offline_access';",
      errors: [broad(1, 23), offline(1, 61)],
    },
    {
      code: "import { Client } from 'discord.js';\nconst invite = { permissions: 8n | 2048n };",
      errors: [discord(2, 31)],
    },
    {
      code: "const token = jwt.sign({ sub: user.id, scope: req.body.scope }, key);",
      errors: [{ messageId: 'grantsRequestedScopes', line: 1, column: 47 }],
    },
    {
      // replacing the requested scopes with other requested scopes is still an echo
      code: "oauthReqInfo.scope = req.query.scope.split(' ');\nawait provider.completeAuthorization({ request: oauthReqInfo, scope: oauthReqInfo.scope });",
      errors: [{ messageId: 'grantsRequestedScopes', line: 2, column: 70 }],
    },
    {
      code: "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\napp.use(requireBearerAuth({ verifier, requiredScopes: [] }));\nserver.tool('deleteRepo', async () => ({ content: [] }));",
      errors: [{ messageId: 'noRequiredScopes', line: 2, column: 39 }],
    },
  ],
});

describe('finding severities (side channel)', () => {
  const severities = (source: string) => reportedSeverities(rule, source);

  it('takes each finding\'s severity from the catalog', () => {
    expect(severities("const scopes = ['Directory.ReadWrite.All', 'Mail.Send', 'offline_access'];")).toEqual([
      ['broadScope', 'critical'],
      ['broadScope', 'high'],
      ['offlineScope', 'info'],
    ]);
    expect(severities("const invite = 'https://discord.com/oauth2/authorize?scope=bot&permissions=16';")).toEqual([['discordPermissions', 'high']]);
    expect(severities("const invite = 'https://discord.com/oauth2/authorize?scope=bot&permissions=2147483656';")).toEqual([['discordPermissions', 'critical']]);
  });
});

describe('linting the catalog and its test', () => {
  it('finds nothing in src/rule-kit/tables/oauth-scopes.ts or test/rule-kit/oauth-scopes.test.ts', () => {
    for (const file of ['src/rule-kit/tables/oauth-scopes.ts', 'test/rule-kit/oauth-scopes.test.ts']) {
      const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
      const messages = linter.verify(
        readFileSync(file, 'utf8'),
        [
          {
            files: ['**/*.ts'],
            plugins: { t: { rules: { r: rule as never } } },
            languageOptions: { parser: tsParser as never },
            rules: { 't/r': 'error' },
            // The test file is test code, which the file-class policy holds back: show it, so it is really checked.
            settings: { mcpAudit: { showHeldBack: true } },
          },
        ],
        { filename: `${process.cwd()}/${file}` },
      );
      expect(messages, file).toEqual([]);
    }
  });
});
