import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CLIENTS, clientsForPath, CLIENT_FILE_GLOBS } from '../../src/config-language/clients.js';
import { mcpConfigLanguage } from '../../src/config-language/language.js';
import { getMcpConfig } from '../../src/config-language/model.js';
import { maskSecretsInMessage, parseConfig } from '../../src/config-language/parse.js';
import { findReference, REFERENCE_SYNTAXES } from '../../src/config-language/references.js';
import { CONFIG_FILES } from '../../src/plugin/files.js';
import plugin from '../../src/plugin/index.js';

/** A probe rule reporting every server's command (or the server object) so tests can see the model and directives. */
const probe: Rule.RuleModule = {
  meta: { messages: { server: '{{summary}}' }, schema: [] },
  create(context) {
    return {
      ConfigDocument() {
        for (const s of getMcpConfig(context.sourceCode)?.servers ?? []) {
          const summary = JSON.stringify({
            name: s.name,
            command: s.command?.value,
            args: s.args.map((a) => a.value),
            env: s.env.map((e) => e.name),
            url: s.url?.value,
            headers: s.headers.map((h) => h.name),
          });
          context.report({ loc: (s.command ?? s.node).loc, messageId: 'server', data: { summary } });
        }
      },
    };
  },
};

function run(filename: string, code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: '/p' });
  return linter.verify(
    code,
    [{ files: CONFIG_FILES, plugins: { t: { languages: { c: mcpConfigLanguage as never }, rules: { probe } } }, language: 't/c', rules: { 't/probe': 'error' } }],
    { filename: `/p/${filename}` },
  );
}

const servers = (filename: string, code: string) =>
  run(filename, code).map((m) => (m.fatal ? { fatal: m.message, line: m.line, column: m.column } : { ...JSON.parse(m.message), line: m.line, column: m.column }));

describe('parse failures: one diagnostic with a location, never a throw', () => {
  it.each([
    ['broken JSON', '.mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "npx" \n  }\n', 'Parsing error: CloseBraceExpected', 5, 1],
    ['duplicate JSON key', '.mcp.json', '{\n  "mcpServers": {},\n  "mcpServers": {}\n}\n', 'Parsing error: Duplicate key "mcpServers"', 3, 3],
    ['duplicate YAML key', '.continue/mcpServers/a.yaml', 'mcpServers: []\nmcpServers: []\n', 'Parsing error: Map keys must be unique', 2, 1],
    ['bad YAML', '.continue/mcpServers/a.yaml', 'mcpServers:\n  - name: [a\n', 'Parsing error: Flow sequence in block collection must be sufficiently indented and end with a ]', 3, 1],
    ['bad TOML', '.codex/config.toml', '[mcp_servers.a]\ncommand = = "npx"\n', 'Parsing error: Unexpected token', 2, 11],
    ['duplicate TOML key', '.codex/config.toml', '[mcp_servers.a]\ncommand = "a"\ncommand = "b"\n', 'Parsing error: Defining a key multiple times is invalid', 3, 1],
  ])('%s', (_, filename, code, message, line, column) => {
    const messages = run(filename, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, message, line, column });
  });

  it('masks secret-looking source text quoted in a parse error (ESLint shows it verbatim, editors too)', () => {
    const parse = (path: string, body: string) => mcpConfigLanguage.parse({ path, physicalPath: path, body, bom: false } as never, { languageOptions: {} });
    const pat = 'sbp_0b15d5d56b6a7a838680d47708ce99fb07888a4f';
    const random = 'Zq8vT3mK9pW2xL7rQ4nB';
    const env = (key: string) => `{"mcpServers": {"a": {"command": "x", "env": {"${key}": "1", "${key}": "2"}}}}`;
    expect(parse('.mcp.json', env(pat))).toEqual({ ok: false, errors: [{ message: 'Duplicate key "sbp_…(44 chars)"', line: 1, column: 100 }] });
    expect(parse('.mcp.json', env(random))).toEqual({ ok: false, errors: [{ message: 'Duplicate key "Zq…(20 chars)"', line: 1, column: 76 }] });
    // An ordinary key stays readable.
    expect(parse('.mcp.json', env('GITHUB_TOKEN'))).toMatchObject({ ok: false, errors: [{ message: 'Duplicate key "GITHUB_TOKEN"' }] });
  });

  it('maskSecretsInMessage masks secrets anywhere in a message, quoted or not, and leaves words alone', () => {
    expect(maskSecretsInMessage('Unresolved alias: *Zq8vT3mK9pW2xL7rQ4nB')).toBe('Unresolved alias: *Zq…(20 chars)');
    expect(maskSecretsInMessage("Unknown tag '!ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d'")).toBe("Unknown tag '!ghp_…(40 chars)'");
    expect(maskSecretsInMessage('Key "mcp_servers" is not a table')).toBe('Key "mcp_servers" is not a table');
    expect(maskSecretsInMessage('Flow sequence in block collection must be sufficiently indented and end with a ]')).toBe(
      'Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('parseConfig returns the error instead of throwing', () => {
    expect(parseConfig('{"a": 1,, }', 'json')).toEqual({ ok: false, error: { message: 'PropertyNameExpected', line: 1, column: 9 } });
  });
});

describe('one model for every format', () => {
  it('JSONC with comments and trailing commas; unknown keys ignored', () => {
    const code = '{\n  // comment\n  "unknownTop": 1,\n  "mcpServers": {\n    "gh": { "command": "npx", "args": ["-y", "x@1.0.0",], "env": { "A": "b" }, "weird": [1], },\n  },\n}\n';
    expect(servers('.mcp.json', code)).toEqual([{ name: 'gh', command: 'npx', args: ['-y', 'x@1.0.0'], env: ['A'], headers: [], line: 5, column: 24 }]);
  });

  it('TOML tables and inline tables (Codex)', () => {
    const code = '[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y"]\n\n[mcp_servers.gh.env]\nA = "b"\n\n[mcp_servers.api]\nurl = "https://x.example.com/mcp"\nhttp_headers = { "X-Key" = "v" }\n';
    expect(servers('.codex/config.toml', code)).toEqual([
      { name: 'gh', command: 'npx', args: ['-y'], env: ['A'], headers: [], line: 2, column: 11 },
      { name: 'api', args: [], env: [], url: 'https://x.example.com/mcp', headers: ['X-Key'], line: 8, column: 14 },
    ]);
  });

  it('YAML lists of servers (Continue) and maps with other spellings (Goose)', () => {
    expect(servers('.continue/mcpServers/a.yaml', 'mcpServers:\n  - name: pg\n    command: npx\n    env: { A: b }\n')).toEqual([
      { name: 'pg', command: 'npx', args: [], env: ['A'], headers: [], line: 3, column: 14 },
    ]);
    expect(servers('home/.config/goose/config.yaml', 'extensions:\n  gh:\n    cmd: npx\n    args: [x]\n    envs: { A: b }\n    uri: https://x.example.com\n')).toEqual([
      { name: 'gh', command: 'npx', args: ['x'], env: ['A'], url: 'https://x.example.com', headers: [], line: 3, column: 10 },
    ]);
  });

  it('argv commands (opencode) and the older Zed command object', () => {
    expect(servers('opencode.json', '{"mcp": {"gh": {"command": ["npx", "-y", "x"], "environment": {"A": "b"}}}}')).toEqual([
      { name: 'gh', command: 'npx', args: ['-y', 'x'], env: ['A'], headers: [], line: 1, column: 29 },
    ]);
    expect(servers('.zed/settings.json', '{"context_servers": {"z": {"command": {"path": "npx", "args": ["y"], "env": {"A": "b"}}}}}')).toEqual([
      { name: 'z', command: 'npx', args: ['y'], env: ['A'], headers: [], line: 1, column: 48 },
    ]);
  });

  it('generic file names are decided by content: no servers key, nothing parsed or reported', () => {
    expect(run('app/config.yaml', 'not: [valid\n')).toEqual([]);
    expect(run('app/config.toml', 'x = = 1\n')).toEqual([]);
    expect(run('home/.config/zed/settings.json', '{"theme": "One Dark"}')).toEqual([]);
    expect(servers('home/.config/zed/settings.json', '{"context_servers": {"z": {"command": "npx"}}}')).toHaveLength(1);
  });
});

describe('eslint-disable comments', () => {
  it.each([
    ['JSONC', '.mcp.json', '{\n  "mcpServers": {\n    // eslint-disable-next-line t/probe -- reviewed\n    "a": { "command": "x" },\n    "b": { "command": "y" }\n  }\n}\n', 5],
    ['YAML', '.continue/mcpServers/a.yaml', 'mcpServers:\n  - name: a\n    command: x # eslint-disable-line t/probe\n  - name: b\n    command: y\n', 5],
    ['TOML', '.codex/config.toml', '[mcp_servers.a]\n# eslint-disable-next-line t/probe\ncommand = "x"\n[mcp_servers.b]\ncommand = "y"\n', 5],
  ])('%s', (_, filename, code, line) => {
    expect(run(filename, code).map((m) => m.line)).toEqual([line]);
  });
});

describe('reference syntaxes (data with examples)', () => {
  it.each(REFERENCE_SYNTAXES.flatMap((s) => s.examples.map((e) => [s.id, e] as const)))('%s matches %s', (id, example) => {
    expect(findReference(example)?.id).toBe(id);
  });
  it.each(REFERENCE_SYNTAXES.flatMap((s) => s.nonExamples.map((e) => [s.id, e] as const)))('%s does not match %s', (id, example) => {
    expect(findReference(example)?.id).not.toBe(id);
  });
});

describe('client table', () => {
  it.each([
    ['/r/.mcp.json', 'claude-code'],
    ['/r/.cursor/mcp.json', 'cursor'],
    ['/r/.vscode/mcp.json', 'vscode'],
    ['C:\\Users\\me\\.codeium\\windsurf\\mcp_config.json', 'windsurf'],
    ['/r/.gemini/settings.json', 'gemini'],
    ['/r/.codex/config.toml', 'codex'],
    ['/r/.continue/mcpServers/pg.yaml', 'continue'],
    ['/r/opencode.jsonc', 'opencode'],
    ['/home/me/.config/goose/config.yaml', 'goose'],
    ['/r/.amazonq/default.json', 'amazon-q'],
    ['/r/.kilocode/mcp.json', 'kilo'],
    ['/r/packages/server/package.json', 'npm-package'],
  ])('%s -> %s first', (path, id) => {
    expect(clientsForPath(path)[0]?.id).toBe(id);
  });
  it('every client glob is in CONFIG_FILES and the recommended preset lints them with the config language', () => {
    expect(CONFIG_FILES).toEqual(CLIENT_FILE_GLOBS);
    for (const c of CLIENTS) for (const f of c.files) expect(CONFIG_FILES).toContain(f);
    const entry = plugin.configs.recommended.find((c) => c.name === 'mcp-audit/recommended/config');
    expect(entry).toMatchObject({ files: CONFIG_FILES, language: 'mcp-audit/mcp-config' });
    expect(Object.keys(entry!.rules!)).toContain('mcp-audit/no-secrets-in-mcp-config');
  });
});

describe('the recommended preset in ESLint', () => {
  it('reports the quick-start sample config', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const file = resolve('examples/vulnerable-server/.mcp.json');
    const linter = new Linter({ configType: 'flat' });
    const found = linter.verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: file }).map((m) => `${m.ruleId} ${m.line}:${m.column}`);
    expect(found).toEqual([
      'mcp-audit/unpinned-mcp-server-package 5:22',
      'mcp-audit/no-secrets-in-mcp-config 7:42',
      'mcp-audit/insecure-mcp-server-url 12:14',
    ]);
  });
});
