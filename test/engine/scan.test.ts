import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { readGitStatus } from '../../src/engine/git.js';
import type { ScanReport } from '../../src/engine/types.js';
import { tmpCopy } from '../support/tmp-project.js';

const SECRETS = [
  'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d',
  '9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj',
  'sk_live_KLzdocJ2isAjIhKtJ0RlgLKO',
  'Qm7vT2xK9pL4wR8nZ3cF6hJ1',
  'xoxb-351819093786-5797543231948-F4vUCsMehGAkWvj7FAc9QeWJ',
  'ghp_Wq4nT7kP2xZ9mL5vR8cB3dF6hJ1sG0aYeUiO',
  'sk_live_Hn3Kx8Pq2Vz7Lm4Rt9Wb6Yc1',
];

describe('scan: the secrets-basic project with bad input around it', () => {
  let root: string;
  let report: ScanReport;

  beforeAll(async () => {
    root = tmpCopy('fixtures/projects/secrets-basic');
    // Things a real tree has that the scan must skip or report, made here because git would not keep them.
    mkdirSync(join(root, 'node_modules/lib'), { recursive: true });
    writeFileSync(join(root, 'node_modules/lib/index.js'), `export const token = '${SECRETS[4]}';\n`);
    writeFileSync(join(root, 'secrets.local.ts'), `export const token = '${SECRETS[4]}';\n`);
    writeFileSync(join(root, 'src/big.ts'), `// token\n${'x'.repeat(50_000)}\n`);
    writeFileSync(join(root, 'src/binary.ts'), Buffer.from([0x74, 0x6f, 0x6b, 0x65, 0x6e, 0, 1, 2, 3]));
    writeFileSync(join(root, 'src/bundle.js'), `var token="${SECRETS[4]}";${'a=1;'.repeat(8000)}`);
    symlinkSync('/etc/hostname', join(root, 'src/link-out.ts'));
    symlinkSync(join(root, 'src/loop-b.ts'), join(root, 'src/loop-a.ts'));
    symlinkSync(join(root, 'src/loop-a.ts'), join(root, 'src/loop-b.ts'));
    symlinkSync(join(root, 'src/config.ts'), join(root, 'src/link-in.ts'));
    report = await scan({ root, paths: [root], maxFileSize: 40_000 });
  });

  it('reports exactly the hardcoded secrets, with rule, place and severity', () => {
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity])).toEqual([
      ['no-hardcoded-secrets', 'src/client.ts', 3, 39, 'high'],
      ['no-hardcoded-secrets', 'src/config.ts', 3, 17, 'high'],
      // a symlink inside the root is followed, and reported under its own path
      ['no-hardcoded-secrets', 'src/link-in.ts', 3, 17, 'high'],
    ]);
  });

  it('holds back the finding in test code (a credential-named literal, not a provider key), counted and one step lower', () => {
    expect(report.heldBack.map((f) => [f.ruleId, f.file, f.line, f.severity, f.heldBack])).toEqual([
      ['no-hardcoded-secrets', 'test/client.test.ts', 1, 'medium', { fileClass: 'test', reason: 'in test/' }],
    ]);
    expect(report.summary.heldBack).toEqual({ total: 1, test: 1, generated: 0, vendored: 0 });
  });

  it('shows held-back findings when asked, one step lower, with the rest unchanged', async () => {
    const shown = await scan({ root, paths: [root], maxFileSize: 40_000, showHeldBack: true });
    expect(shown.heldBack).toEqual([]);
    expect(shown.findings.map((f) => [f.file, f.severity])).toEqual([
      ['src/client.ts', 'high'],
      ['src/config.ts', 'high'],
      ['src/link-in.ts', 'high'],
      ['test/client.test.ts', 'medium'],
    ]);
  });

  it('keeps eslint-disable and mcp-audit-ignore suppressions, with their reason, out of the findings', () => {
    expect(report.suppressed.map((f) => [f.file, f.line, f.suppressed])).toEqual([
      ['src/ignored.ts', 3, { kind: 'directive', justification: 'sandbox account token with no scopes' }],
      ['src/ignored.ts', 4, { kind: 'directive', justification: 'revoked in 2025' }],
      ['src/suppressed.ts', 2, { kind: 'directive', justification: 'rotated 2026-10-01, kept as a fixture' }],
    ]);
    expect(report.suppressed[0].message).toMatch(/^Hardcoded GitHub .*ghp_…\(40 chars\)/);
  });

  it('reports every file it could not analyse, and goes on', () => {
    const diags = report.diagnostics.map((d) => [d.file, d.kind]).sort();
    expect(diags).toEqual([
      ['src/big.ts', 'too-large'],
      ['src/binary.ts', 'binary'],
      ['src/broken.ts', 'parse-error'],
      ['src/bundle.js', 'minified'],
      ['src/link-out.ts', 'symlink'],
      ['src/loop-a.ts', 'symlink'],
      ['src/loop-b.ts', 'symlink'],
    ]);
    expect(report.diagnostics.find((d) => d.kind === 'parse-error')).toMatchObject({ line: 1, column: 22 });
  });

  it('skips node_modules and git-ignored files, and parses only files the prefilter selects', () => {
    expect(report.findings.some((f) => f.file.includes('node_modules') || f.file.includes('secrets.local'))).toBe(false);
    // client, config, link-in, ignored, suppressed, broken and the test file are parsed; plain.ts has no keyword
    expect(report.summary.filesParsed).toBe(7);
    // discovered: those 7, plain, big, binary, bundle (symlinks out or looping are refused at discovery)
    expect(report.summary.filesScanned).toBe(11);
  });

  it('never carries a secret unmasked, and fingerprints are stable hashes', () => {
    const text = JSON.stringify(report);
    for (const s of SECRETS) expect(text).not.toContain(s);
    for (const f of report.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(report.findings.find((f) => f.file === 'src/config.ts')?.evidence).toBe('ghp_…(40 chars)');
  });

  it('gives the same fingerprint when lines move', async () => {
    const before = report.findings.find((f) => f.file === 'src/client.ts')!.fingerprint;
    const { readFileSync } = await import('node:fs');
    const p = join(root, 'src/client.ts');
    writeFileSync(p, `// a new comment\n\n${readFileSync(p, 'utf8')}`);
    const again = await scan({ root, paths: [join(root, 'src/client.ts')] });
    expect(again.findings.map((f) => [f.line, f.fingerprint])).toEqual([[5, before]]);
  });
});

describe('project config', () => {
  it('turns rules off, changes severity and adds ignores', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    writeFileSync(
      join(root, '.mcp-audit.json'),
      JSON.stringify({ rules: { 'no-hardcoded-secrets': 'critical' }, ignore: ['test/**'] }),
    );
    const report = await scan({ root });
    expect(report.findings.map((f) => [f.file, f.severity])).toEqual([
      ['src/client.ts', 'critical'],
      ['src/config.ts', 'critical'],
    ]);
    writeFileSync(join(root, '.mcp-audit.json'), JSON.stringify({ rules: { 'no-hardcoded-secrets': 'off' } }));
    expect((await scan({ root })).findings).toEqual([]);
  });

  it('rejects an invalid config with every problem named', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    writeFileSync(join(root, '.mcp-audit.json'), JSON.stringify({ rules: { 'no-such-rule': 'off', 'no-hardcoded-secrets': 'loud' }, extra: 1 }));
    await expect(scan({ root })).rejects.toThrow(/unknown key "extra"[\s\S]*unknown rule "no-such-rule"[\s\S]*"loud"/);
    writeFileSync(join(root, '.mcp-audit.json'), '{ "rules": ');
    await expect(scan({ root })).rejects.toThrow(/not valid JSON/);
  });
});

describe('scan: the prefilter\'s tree gate', () => {
  it('does not lint a file whose only candidate rule finds no log call in it, and lints the one with a log call', async () => {
    const root = tmpCopy('fixtures/projects/tree-gate');
    const report = await scan({ root });
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['no-secret-logging src/audit.ts:6']);
    expect(report.summary).toMatchObject({ filesScanned: 2, filesParsed: 1, filesSkipped: 1 });
    expect(report.diagnostics).toEqual([]);
  });
});

describe('git status, decided once per scan', () => {
  it('tells tracked, ignored and untracked files apart, and says unknown outside git', () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    expect(readGitStatus(root, ['src/config.ts'])).toEqual(new Map([['src/config.ts', 'unknown']]));
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
    git('init', '-q');
    git('add', 'src/config.ts', '.gitignore');
    writeFileSync(join(root, 'secrets.local.ts'), 'x');
    expect(readGitStatus(root, ['src/config.ts', 'secrets.local.ts', 'src/client.ts'])).toEqual(
      new Map([
        ['src/config.ts', 'tracked'],
        ['secrets.local.ts', 'ignored'],
        ['src/client.ts', 'untracked'],
      ]),
    );
  });
});
