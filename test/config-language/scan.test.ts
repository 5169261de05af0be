import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { tmpCopy } from '../support/tmp-project.js';

describe('mcp-audit scan on client configs', () => {
  it('a config that does not parse yields one located diagnostic and the scan goes on', async () => {
    const root = tmpCopy('examples/vulnerable-server');
    mkdirSync(join(root, '.cursor'));
    writeFileSync(join(root, '.cursor/mcp.json'), '{\n  "mcpServers": {\n    "a": { "command": "npx" }\n');
    mkdirSync(join(root, '.codex'));
    writeFileSync(join(root, '.codex/config.toml'), '[mcp_servers.a]\ncommand = "npx"\ncommand = "uvx"\n');
    const report = await scan({ root, configPath: false });
    const configDiagnostics = report.diagnostics.filter((d) => d.kind === 'parse-error');
    expect(configDiagnostics).toEqual([
      expect.objectContaining({ file: '.codex/config.toml', line: 3, column: 1 }),
      expect.objectContaining({ file: '.cursor/mcp.json', line: 4, column: 1 }),
    ]);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual(
      expect.arrayContaining(['no-secrets-in-mcp-config .mcp.json:7:42', 'unpinned-mcp-server-package .mcp.json:5:22']),
    );
    // The secret is masked in every field of the finding.
    expect(JSON.stringify(report.findings)).not.toContain('ghp_Vb3nK8qLz5Rt2Wm9Xc4Hy7Pd1Fj6Gs0AeT2u');
  });

  it('reads environment templates, never the real .env', async () => {
    const root = tmpCopy('examples/vulnerable-server');
    const env = 'GITHUB_CLIENT_ID=\nGITHUB_OAUTH_SCOPES="repo read:user"\n';
    writeFileSync(join(root, '.env.example'), env);
    writeFileSync(join(root, '.env'), env);
    const report = await scan({ root, configPath: false });
    const scopes = report.findings.filter((f) => f.ruleId === 'no-broad-oauth-scopes-in-mcp-config');
    expect(scopes.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual(['.env.example:2:22 high']);
  });
});
