import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin/index.js';

const ROOT = resolve('fixtures/config-clients');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** What the recommended preset reports on a fixture: `rule line:column` (rule id without the plugin prefix). */
function lint(file: string): string[] {
  // Relative to fixtures/ (ESLint's cwd): the file-class policy holds back findings under a `fixtures/` folder.
  const linter = new Linter({ configType: 'flat', cwd: resolve('fixtures') });
  return linter
    .verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: file })
    .map((m) => `${m.fatal ? 'FATAL ' + m.message : m.ruleId?.replace('mcp-audit/', '')} ${m.line}:${m.column}`);
}

/** Expected findings of every unsafe fixture (each client has one unsafe and one safe config). */
const UNSAFE: Record<string, string[]> = {
  'amazon-q/unsafe/.amazonq/default.json': ['unpinned-mcp-server-package 6:9', 'no-secrets-in-mcp-config 9:35'],
  'claude-code/unsafe/.mcp.json': ['unpinned-mcp-server-package 7:9', 'no-secrets-in-mcp-config 10:42', 'insecure-mcp-server-url 15:14', 'no-secrets-in-mcp-config 17:34'],
  'claude-code-settings/unsafe/.claude/settings.json': ['no-mcp-auto-approve 2:33', 'no-mcp-auto-approve 5:7', 'no-secrets-in-mcp-config 9:27'],
  'claude-desktop/unsafe/claude_desktop_config.json': ['vulnerable-mcp-package 6:9', 'no-secrets-in-mcp-config 9:32'],
  'cline/unsafe/cline_mcp_settings.json': ['no-secrets-in-mcp-config 7:27', 'no-mcp-auto-approve 9:22'],
  'codex/unsafe/.codex/config.toml': ['unpinned-mcp-server-package 4:15', 'no-secrets-in-mcp-config 5:25', 'no-secrets-in-mcp-config 9:42'],
  'continue/unsafe/.continue/mcpServers/postgres.yaml': ['unpinned-mcp-server-package 9:9', 'no-secrets-in-mcp-config 10:32'],
  'dotenv-template/unsafe/.env.example': ['no-broad-oauth-scopes-in-mcp-config 5:39'],
  'cursor/unsafe/.cursor/mcp.json': ['unpinned-mcp-server-package 7:9', 'no-secrets-in-mcp-config 9:10'],
  'gemini/unsafe/.gemini/settings.json': ['no-secrets-in-mcp-config 10:26', 'no-mcp-auto-approve 12:16'],
  'goose/unsafe/.config/goose/config.yaml': ['no-mcp-auto-approve 2:13', 'unpinned-mcp-server-package 9:18', 'no-secrets-in-mcp-config 11:21'],
  'kilo/unsafe/.kilocode/mcp.json': ['no-secrets-in-mcp-config 10:34'],
  'npm-package/unsafe/package.json': ['vulnerable-mcp-package 6:34', 'vulnerable-mcp-package 10:40'],
  'opencode/unsafe/opencode.jsonc': ['no-secrets-in-mcp-config 5:109', 'unpinned-mcp-server-package 6:55', 'no-secrets-in-mcp-config 6:104'],
  'roo/unsafe/.roo/mcp.json': ['unpinned-mcp-server-package 9:9', 'no-mcp-auto-approve 11:22'],
  'vscode/unsafe/.vscode/mcp.json': ['insecure-mcp-server-url 5:43', 'no-secrets-in-mcp-config 5:51'],
  'windsurf/unsafe/.codeium/windsurf/mcp_config.json': ['unpinned-mcp-server-package 6:9', 'no-tls-opt-out-in-mcp-config 9:41'],
  'zed/unsafe/.zed/settings.json': ['no-secrets-in-mcp-config 8:35'],
};

const fixtures = filesUnder(ROOT).map((f) => relative(ROOT, f));

describe('per-client fixtures', () => {
  it.each(fixtures.filter((f) => f.split('/')[1] === 'safe'))('%s reports nothing', (f) => {
    expect(lint(join(ROOT, f))).toEqual([]);
  });
  it.each(fixtures.filter((f) => f.split('/')[1] === 'unsafe'))('%s reports exactly its findings', (f) => {
    expect(lint(join(ROOT, f))).toEqual(UNSAFE[f]);
  });
  it('covers every client with an unsafe and a safe file', () => {
    const clients = new Set(fixtures.map((f) => f.split('/')[0]));
    for (const c of clients) {
      if (c === 'unrelated') continue;
      expect(fixtures.some((f) => f.startsWith(`${c}/unsafe/`)), c).toBe(true);
      expect(fixtures.some((f) => f.startsWith(`${c}/safe/`)), c).toBe(true);
    }
  });
});
