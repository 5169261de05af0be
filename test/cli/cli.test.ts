import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type CliIO } from '../../src/cli/index.js';
import { tmpCopy } from '../support/tmp-project.js';

const SECRETS = ['ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d', '9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj', 'Qm7vT2xK9pL4wR8nZ3cF6hJ1'];

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env, cwd };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('mcp-audit scan', () => {
  const root = tmpCopy('fixtures/projects/secrets-basic');

  it('exits 1 when a finding is at or above --fail-on (default high), 0 otherwise', async () => {
    expect((await cli(['scan'], root)).code).toBe(1);
    expect((await cli(['scan', '--fail-on', 'critical'], root)).code).toBe(0);
    expect((await cli(['scan', '--fail-on', 'none'], root)).code).toBe(0);
    expect((await cli(['scan', 'src/plain.ts'], root)).code).toBe(0);
  });

  it('prints findings grouped by file with a summary line, without colour when not a TTY', async () => {
    const { stdout } = await cli(['scan'], root);
    expect(stdout).not.toMatch(/\x1b\[/);
    expect(stdout).toContain('src/config.ts\n  3:17     high     Hardcoded GitHub');
    expect(stdout).toContain('✖ 2 findings (2 high) in 2 files');
    expect(stdout).toContain('1 held back (1 in test code): not deployed code; --show-held-back shows them');
  });

  it('writes the documented JSON contract', async () => {
    const { stdout, code } = await cli(['scan', '--format', 'json'], root);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: 'mcp-audit', version: expect.any(String) });
    expect(json.summary.findings).toBe(json.findings.length);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'file', 'line', 'column', 'message', 'evidence', 'fingerprint']));
      expect(f.file).not.toMatch(/\\|^\//);
    }
    expect(json.diagnostics).toEqual([{ file: 'src/broken.ts', line: 1, column: 22, kind: 'parse-error', message: expect.stringMatching(/^Parsing error/) }]);
  });

  it('never prints a secret in any format, to stdout, stderr or a report file', async () => {
    for (const format of ['pretty', 'json', 'sarif']) {
      const { stdout, stderr } = await cli(['scan', '--format', format], root);
      const out = join(root, `report.${format}`);
      await cli(['scan', '--format', format, '--output', out], root);
      const file = readFileSync(out, 'utf8');
      for (const s of SECRETS) {
        expect(stdout).not.toContain(s);
        expect(stderr).not.toContain(s);
        expect(file).not.toContain(s);
      }
    }
  });

  it('--output writes the report to a file and says so on stderr', async () => {
    const out = join(root, 'out.json');
    const { stdout, stderr, code } = await cli(['scan', '-f', 'json', '-o', out], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('wrote json report');
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toHaveLength(2);
  });

  it('--include / --exclude narrow the scan', async () => {
    const inc = JSON.parse((await cli(['scan', '-f', 'json', '--include', 'src/config.ts'], root)).stdout);
    expect(inc.findings.map((f: { file: string }) => f.file)).toEqual(['src/config.ts']);
    const exc = JSON.parse((await cli(['scan', '-f', 'json', '--exclude', 'src/**'], root)).stdout);
    expect(exc.findings).toEqual([]);
    expect(exc.heldBack.map((f: { file: string }) => f.file)).toEqual(['test/client.test.ts']);
  });

  it('--show-held-back shows findings in test code, one step lower, and they count for the exit code', async () => {
    const r = await cli(['scan', '-f', 'json', '--exclude', 'src/**', '--show-held-back', '--fail-on', 'medium'], root);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { file: string; severity: string }) => [f.file, f.severity])).toEqual([['test/client.test.ts', 'medium']]);
    expect(json.summary.heldBack.total).toBe(0);
    expect((await cli(['scan', '--exclude', 'src/**', '--fail-on', 'medium'], root)).code).toBe(0);
  });

  it('exits 2 on usage errors and invalid config, with a clear message and no stack', async () => {
    for (const args of [['scan', '--format', 'xml'], ['scan', '--fail-on', 'loud'], ['scan', '--bogus'], ['frobnicate']]) {
      const r = await cli(args, root);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^mcp-audit: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = tmpCopy('fixtures/projects/secrets-basic');
    writeFileSync(join(bad, '.mcp-audit.json'), '{"rules": {"no-hardcoded-secrets": "loud"}}');
    const r = await cli(['scan'], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "no-hardcoded-secrets": expected "off"');
  });

  it('reports a missing path as a diagnostic and goes on', async () => {
    const r = await cli(['scan', 'nope', 'src/config.ts', '-f', 'json'], root);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([{ file: 'nope', kind: 'unreadable', message: 'path does not exist' }]);
    expect(json.findings).toHaveLength(1);
  });
});

describe('baseline', () => {
  it('records today\'s findings and then reports only new ones, even after code moves', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    const w = await cli(['scan', '--write-baseline', 'baseline.json'], root);
    expect(w.stderr).toContain('recorded 2 finding(s) in baseline');
    const baseline = readFileSync(join(root, 'baseline.json'), 'utf8');
    for (const s of SECRETS) expect(baseline).not.toContain(s);

    const quiet = await cli(['scan', '--baseline', 'baseline.json', '-f', 'json'], root);
    expect(quiet.code).toBe(0);
    const q = JSON.parse(quiet.stdout);
    expect(q.findings).toEqual([]);
    expect(q.suppressed.filter((f: { suppressed: { kind: string } }) => f.suppressed.kind === 'baseline')).toHaveLength(2);

    // move existing code down and add a new secret: only the new one is reported
    const config = join(root, 'src/config.ts');
    writeFileSync(config, `// moved\n\n${readFileSync(config, 'utf8')}export const stripeKey = 'sk_live_KLzdocJ2isAjIhKtJ0RlgLKO';\n`);
    const loud = await cli(['scan', '--baseline', 'baseline.json', '-f', 'json'], root);
    expect(loud.code).toBe(1);
    expect(JSON.parse(loud.stdout).findings.map((f: { file: string; line: number }) => [f.file, f.line])).toEqual([['src/config.ts', 10]]);
  });

  it('rejects a file that is not a baseline with exit 2', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    writeFileSync(join(root, 'nope.json'), '{"hello": 1}');
    const r = await cli(['scan', '--baseline', 'nope.json'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an mcp-audit baseline');
  });
});

describe('--cache', () => {
  it('re-uses results for unchanged files, re-analyses changed ones, and stores no secret', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    const json = async () => {
      const r = JSON.parse((await cli(['scan', '--cache', '-f', 'json'], root)).stdout);
      delete r.summary.durationMs;
      return r;
    };
    const first = await json();
    const cacheFile = join(root, '.mcp-audit-cache/cache-v1.json');
    const stored = readFileSync(cacheFile, 'utf8');
    for (const s of SECRETS) expect(stored).not.toContain(s);
    expect(await json()).toEqual(first);

    writeFileSync(join(root, 'src/plain.ts'), "export const token = 'Lr8Tq3Vx6Nz1Kp5Wm9Hc2Fd';\n");
    const third = await json();
    expect(third.findings.map((f: { file: string }) => f.file)).toEqual(['src/client.ts', 'src/config.ts', 'src/plain.ts']);
  });
});

describe('--changed', () => {
  it('scans only files changed against the base, plus the files that import them', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    writeFileSync(join(root, 'src/uses-config.ts'), "import { settings } from './config.js';\nexport const probe = { token: 'Lr8Tq3Vx6Nz1Kp5Wm9Hc2Fd' };\n");
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
    expect(JSON.parse((await cli(['scan', '--changed=HEAD', '-f', 'json'], root)).stdout).findings).toEqual([]);

    writeFileSync(join(root, 'src/config.ts'), readFileSync(join(root, 'src/config.ts'), 'utf8') + '\n');
    const r = await cli(['scan', '--changed=HEAD', '-f', 'json'], root);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    expect(files).toEqual(['src/config.ts', 'src/uses-config.ts']);
  });

  it('exits 2 outside git or with an unknown base', async () => {
    const root = tmpCopy('fixtures/projects/secrets-basic');
    const r = await cli(['scan', '--changed'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--changed needs a git work tree');
    execFileSync('git', ['-C', root, 'init', '-q'], { stdio: 'ignore' });
    const r2 = await cli(['scan', '--changed=no-such-ref'], root);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('unknown git revision "no-such-ref"');
  });
});

describe('mcp-audit inventory', () => {
  it('lists each server with transport, listen address, auth pattern and tools (JSON)', async () => {
    const { code, stdout } = await cli(['inventory', 'examples/vulnerable-server', '-f', 'json'], process.cwd());
    expect(code).toBe(0);
    const inv = JSON.parse(stdout);
    expect(inv.servers).toHaveLength(1);
    const [server] = inv.servers;
    expect(server).toMatchObject({ transports: ['streamable-http'], authPattern: 'unauthenticated' });
    expect(server.listens[0]).toMatchObject({ host: '0.0.0.0', port: '3000', allInterfaces: true });
    expect(server.tools.map((t: { name: string; risk: string; identityChecked: boolean }) => [t.name, t.risk, t.identityChecked])).toEqual([
      ['run_command', 'mutating', false],
      ['save_file', 'mutating', false],
      ['file_issue', 'mutating', false],
    ]);
  });

  it('rejects an unknown format with exit 2', async () => {
    expect((await cli(['inventory', '-f', 'sarif'], process.cwd())).code).toBe(2);
  });

  it('gives each server its credentials and audit trail (JSON)', async () => {
    const { stdout } = await cli(['inventory', 'fixtures/posture/token-shared-static', '-f', 'json'], process.cwd());
    const [server] = JSON.parse(stdout).servers;
    expect(server.credentials).toEqual({
      posture: ['shared-static-token'],
      mechanisms: [{ kind: 'shared-static-token', file: 'src/index.ts', line: 19, detail: 'authorization header checked against process.env.REPORTS_MCP_TOKEN' }],
    });
    expect(server.audit).toEqual({ required: false, mutating: 0, covered: 0, wrappers: [] });
  });

  it('writes the HTML review report with the findings, from inventory and from scan alike (exit codes as usual)', async () => {
    const dir = tmpCopy('examples/vulnerable-server');
    const fromInventory = await cli(['inventory', '.', '-f', 'html', '-o', 'inventory.html'], dir);
    const fromScan = await cli(['scan', '.', '-f', 'html', '-o', 'scan.html'], dir);
    expect([fromInventory.code, fromScan.code]).toEqual([0, 1]);
    const page = readFileSync(join(dir, 'inventory.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page.match(/<tr data-rule=/g)).toHaveLength(12);
    expect(readFileSync(join(dir, 'scan.html'), 'utf8')).toBe(page);
  });
});

describe('mcp-audit rules / --help / --version', () => {
  it('lists every rule with id, severity, description and docs link', async () => {
    const { stdout, code } = await cli(['rules', '--format', 'json'], process.cwd());
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list.find((r: { id: string }) => r.id === 'no-hardcoded-secrets')).toEqual({
      id: 'no-hardcoded-secrets',
      severity: 'high',
      language: 'js',
      description: expect.any(String),
      docs: 'https://github.com/mcp-audit/mcp-audit/blob/main/docs/rules/no-hardcoded-secrets.md',
    });
  });

  it('documents the exit codes in --help', async () => {
    const { stdout, code } = await cli(['--help'], process.cwd());
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exit codes:\n  0 .*\n  1 .*\n  2 /);
  });
});

describe('the built binary (what npx runs)', () => {
  it('scans the README quick-start example and exits 1', () => {
    const r = spawnSync(process.execPath, ['bin/mcp-audit.js', 'scan', 'examples/vulnerable-server'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('examples/vulnerable-server/src/upstream.ts');
    expect(r.stdout).toContain('ghp_…(40 chars)');
  });

  it('gives the same report with a worker pool as in one thread', () => {
    const run = (workers: string) => {
      const r = spawnSync(process.execPath, ['bin/mcp-audit.js', 'scan', 'fixtures', 'examples', '--workers', workers, '-f', 'json', '--fail-on', 'none', '--show-held-back'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      delete json.summary.durationMs;
      return json;
    };
    const pooled = run('2');
    expect(pooled.findings.length).toBeGreaterThan(50);
    expect(pooled).toEqual(run('0'));
  });

  it('prints its version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(execFileSync(process.execPath, ['bin/mcp-audit.js', '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });
});
