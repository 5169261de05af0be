import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIO } from '../../src/cli/index.js';
import {
  classifyCredentialName,
  extractAuthSchemeCredential,
  looksLikeSecretValue,
  scanForProviderSecrets,
} from '../../src/rule-kit/secrets.js';

// Issue 8: scan every fixture and example in every output format and check that no raw secret from them appears
// in stdout, stderr or a report file. The secrets are whatever the detection library finds in the fixture texts,
// so the list grows with the fixtures.

/** Scan roots: every fixture project lives under one of them. */
const ROOTS = ['fixtures', 'examples'].map((r) => resolve(r));
/** Characters of a secret that may be shown (a documented public prefix such as `sk-ant-api03-`). */
const SHOWN_PREFIX = 13;
/** A run of this many characters of a secret, past its prefix, anywhere in the output is a partial leak. */
const WINDOW = 16;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !`${e.parentPath}/`.includes('/node_modules/'))
    .map((e) => join(e.parentPath, e.name));
}

/** Raw secrets in one file's text: catalog hits, `Bearer/Basic/token <x>` credentials, credential-named literals. */
function rawSecretsIn(text: string): string[] {
  const found = new Set(scanForProviderSecrets(text).map((h) => h.secret));
  const quoted = [...text.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n]){1,4096})\1/g)].map((m) => m[2]);
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^\s*(?:-\s+)?/, ''));
  for (const candidate of [...quoted, ...lines]) {
    const scheme = extractAuthSchemeCredential(candidate);
    if (scheme && looksLikeSecretValue(scheme.credential, 'secret')) found.add(scheme.credential);
  }
  for (const m of text.matchAll(/([A-Za-z_$][\w$-]*)["']?\s*[:=]\s*(["'`])([^"'`\s\\]{8,4096})\2/g)) {
    const kind = classifyCredentialName(m[1]);
    if (kind && looksLikeSecretValue(m[3], kind)) found.add(m[3]);
  }
  return [...found];
}

const SECRETS = [...new Set(ROOTS.flatMap(filesUnder).flatMap((f) => rawSecretsIn(readFileSync(f, 'utf8'))))].filter((s) => s.length >= 8);

/** Every WINDOW-long run of `text`, to look up partial leaks of all secrets at once. */
function windowsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + WINDOW <= text.length; i++) out.add(text.slice(i, i + WINDOW));
  return out;
}

function expectNoSecret(output: string, where: string): void {
  const windows = windowsOf(output);
  for (const secret of SECRETS) {
    expect(output.includes(secret), `${where} contains a raw secret (${secret.slice(0, 3)}…, ${secret.length} chars)`).toBe(false);
    for (let i = SHOWN_PREFIX; i + WINDOW <= secret.length; i++) {
      if (windows.has(secret.slice(i, i + WINDOW))) {
        expect.fail(`${where} contains ${WINDOW} characters of a secret (${secret.slice(0, 3)}…, ${secret.length} chars) from offset ${i}`);
      }
    }
  }
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, cwd };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('no raw secret in any output', () => {
  const out = mkdtempSync(join(tmpdir(), 'mcp-audit-reports-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the secret list is drawn from the fixtures (so the checks below cannot pass on an empty list)', () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(15);
    expect(SECRETS).toEqual(
      expect.arrayContaining([
        'ghp_sOvjncQZ42OiFc6m32iqdVnU62xf59YtRb9t', // parse error on the token's line (TS, TOML)
        'ghp_FJpydDgBc3aCM6yvlO57wxj5iaNpoRFdbL7q', // parse error on the token's line (.mcp.json, YAML)
        'cq7mokixGBmnpDfIgNaFw5v9cjP9nJuh', // Bearer credential on a broken JS line
        'xoxb-463373757992-4860123420172-lH3yme8PKQYTJ8BCU3TuU8uP', // reported finding; also a duplicate JSON key
      ]),
    );
  });

  for (const root of ROOTS) {
    const name = root.slice(process.cwd().length + 1);
    describe(name, () => {
      for (const format of ['pretty', 'json', 'sarif']) {
        it(`--format ${format}: stdout, stderr, --output file and baseline`, async () => {
          const printed = await cli(['scan', '--format', format, '--fail-on', 'none'], root);
          expect(printed.code).toBe(0);
          expectNoSecret(printed.stdout, `${name} ${format} stdout`);
          expectNoSecret(printed.stderr, `${name} ${format} stderr`);

          const report = join(out, `${name.replace(/\W/g, '_')}.${format}`);
          const baseline = join(out, `${name.replace(/\W/g, '_')}.${format}.baseline.json`);
          const written = await cli(['scan', '--format', format, '--output', report, '--write-baseline', baseline], root);
          expect(written.code).not.toBe(2);
          expectNoSecret(written.stdout + written.stderr, `${name} ${format} --output stdout/stderr`);
          expectNoSecret(readFileSync(report, 'utf8'), `${name} ${format} report file`);
          expectNoSecret(readFileSync(baseline, 'utf8'), `${name} baseline file`);
        });
      }

      it('the scan does report findings and diagnostics there (the outputs above were not empty)', async () => {
        const json = JSON.parse((await cli(['scan', '--format', 'json', '--fail-on', 'none'], root)).stdout);
        expect(json.findings.length + json.diagnostics.length).toBeGreaterThan(0);
      });
    });
  }

  it('parse errors on a line holding a secret are reported, located, and do not echo it', async () => {
    const root = resolve('fixtures/robustness/parse-errors');
    const { stdout } = await cli(['scan', '--format', 'json', '--fail-on', 'none'], root);
    expectNoSecret(stdout, 'parse-errors json stdout');
    const json = JSON.parse(stdout);
    const located = json.diagnostics.map((d: { file: string; line: number; kind: string }) => `${d.file}:${d.line} ${d.kind}`);
    expect(located).toEqual([
      '.codex/config.toml:3 parse-error',
      '.continue/mcpServers/github.yaml:8 parse-error',
      '.cursor/mcp.json:4 parse-error',
      '.mcp.json:6 parse-error',
      '.vscode/mcp.json:5 parse-error',
      'src/broken-bearer.js:1 parse-error',
      'src/broken-token.ts:3 parse-error',
    ]);
    expect(json.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['src/ok-token.ts:2', 'src/ok-token.ts:3']);
  });
});
