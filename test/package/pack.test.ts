import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user meets it: `npm pack`, install the tarball into a fresh project, then run the `mcp-audit`
 * binary and ESLint with the plugin's flat config from there.
 */
const repo = resolve('.');
const work = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-pack-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let tarball: string;
let files: string[];
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], repo));
  tarball = join(work, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
  const app = join(work, 'app');
  cpSync(join(repo, 'fixtures/projects/secrets-basic'), app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  writeFileSync(
    join(app, 'eslint.config.js'),
    "import mcpAudit from 'mcp-audit/eslint-plugin';\nexport default [{ ignores: ['eslint.config.js'] }, ...mcpAudit.configs.recommended];\n",
  );
  writeFileSync(
    join(app, 'types-check.ts'),
    "import mcpAudit from 'mcp-audit/eslint-plugin';\nimport { scan, type Finding } from 'mcp-audit';\nconst n: number = Object.keys(mcpAudit.rules ?? {}).length;\nconst f: Promise<{ findings: Finding[] }> = scan({ root: '.' });\nvoid n; void f;\n",
  );
  npm(['install', '--no-package-lock', tarball, `eslint@${JSON.parse(readFileSync(join(repo, 'node_modules/eslint/package.json'), 'utf8')).version}`], app);
}, 300_000);

describe('npm pack', () => {
  it('ships the built code, bin, types and docs, and no tests, fixtures or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/mcp-audit.js', 'dist/src/cli/index.js', 'dist/src/plugin/index.js', 'dist/src/plugin/index.d.ts', 'dist/src/index.d.ts', 'dist/rules/index.js', 'docs/rules/no-hardcoded-secrets.md', 'README.md', 'package.json']));
    expect(files.filter((f) => /^(test|fixtures|examples|scripts|src|rules)\//.test(f) || f.startsWith('dist/test'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });
});

describe('installed from the tarball', () => {
  const app = join(work, 'app');

  it('runs the mcp-audit binary: findings, masked, exit 1', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/mcp-audit'), ['scan', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'no-hardcoded-secrets src/client.ts:3',
      'no-hardcoded-secrets src/config.ts:3',
    ]);
    // The credential-named literal in test code is held back, by the CLI and by the plugin (below) alike.
    expect(json.heldBack.map((f: { file: string }) => f.file)).toEqual(['test/client.test.ts']);
    expect(r.stdout).not.toContain('ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d');
  });

  it('runs in ESLint through the flat config `mcp-audit/eslint-plugin` exports', () => {
    const r = spawnSync(join(app, 'node_modules/.bin/eslint'), ['--format', 'json', '.'], { cwd: app, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number }> }>;
    const found = results
      .flatMap((x) => x.messages.filter((m) => m.ruleId?.startsWith('mcp-audit/')).map((m) => `${m.ruleId} ${x.filePath.slice(app.length + 1)}:${m.line}`))
      .sort();
    expect(found).toEqual([
      'mcp-audit/no-hardcoded-secrets src/client.ts:3',
      'mcp-audit/no-hardcoded-secrets src/config.ts:3',
    ]);
  });

  it('has types for both entry points', () => {
    const tsc = join(app, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', 'types-check.ts'], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
