import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';

function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-unread-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('source languages no rule reads', () => {
  it('are counted per language in one diagnostic each, never a silent clean result', async () => {
    const root = project({
      'cmd/server/main.go': 'package main\n',
      'internal/tools.go': 'package internal\n',
      'src/lib.rs': 'fn main() {}\n',
      'src/index.ts': 'export const x = 1;\n',
      'server/app.py': 'import os\n',
      // installed libraries and build output are not the project's code
      'node_modules/dep/a.go': 'package dep\n',
      '.venv/lib/site.rs': '\n',
    });
    const report = await scan({ root, configPath: false });
    const unread = report.diagnostics.filter((d) => d.kind === 'unsupported-language');
    expect(unread.map((d) => [d.language, d.count, d.file])).toEqual([
      ['Go', 2, undefined],
      ['Rust', 1, undefined],
    ]);
    expect(unread[0].message).toMatch(/^2 Go files \(\*\*\/\*\.go\) not analysed: mcp-audit does not read Go source/);
    // index.ts and app.py are read
    expect(report.summary.filesScanned).toBe(2);
    expect(report.findings).toEqual([]);
  });

  it('say nothing when the tree has none', async () => {
    const root = project({ 'src/index.ts': 'export const x = 1;\n' });
    const report = await scan({ root, configPath: false });
    expect(report.diagnostics).toEqual([]);
  });
});
