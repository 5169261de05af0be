import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/plugin/index.js';
import { rules } from '../../rules/index.js';
import { scan } from '../../src/engine/scan.js';
import { formatSarif } from '../../src/reporters/sarif.js';

/**
 * Whole sample projects for the identity and token rules (fixtures/identity/<project>/), each with the findings it
 * must produce in expected.json. Linted exactly as the ESLint plugin would, compared exactly, and summarised as
 * per-rule precision and recall.
 */

const ROOT = resolve('fixtures/identity');
const RULES = [
  'no-unverified-identity',
  'no-jwt-decode-without-verify',
  'jwt-verify-options',
  'no-presence-only-auth',
  'no-timing-unsafe-secret-compare',
  'no-token-passthrough',
  'no-secret-logging',
  'no-secret-in-tool-result',
  'no-tls-verification-disabled',
];

interface Finding {
  ruleId: string;
  file: string;
  line: number;
}

const key = (f: Finding): string => `${f.ruleId} ${f.file}:${f.line}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs|tsx)$/.test(name) ? [path] : [];
  });
}

function lint(project: string): Finding[] {
  const linter = new Linter({ configType: 'flat', cwd: project });
  return sourceFiles(project).flatMap((file) => {
    const messages = linter.verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: file });
    const fatal = messages.filter((m) => m.fatal);
    if (fatal.length) throw new Error(`${file}: ${fatal[0].message}`);
    return messages
      .map((m) => ({ ruleId: (m.ruleId ?? '').replace(/^mcp-audit\//, ''), file: relative(project, file), line: m.line }))
      .filter((f) => RULES.includes(f.ruleId));
  });
}

const tally = new Map(RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));

describe('identity fixture projects', () => {
  const projects = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

  it('has at least 8 projects, both safe and unsafe', () => {
    expect(projects.length).toBeGreaterThanOrEqual(8);
    const expectedCounts = projects.map((p) => (JSON.parse(readFileSync(join(ROOT, p, 'expected.json'), 'utf8')) as Finding[]).length);
    expect(expectedCounts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(3);
    expect(expectedCounts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });

  it.each(projects)('%s', (name) => {
    const project = join(ROOT, name);
    const expected = (JSON.parse(readFileSync(join(project, 'expected.json'), 'utf8')) as Finding[]).map(key).sort();
    const actual = lint(project).map(key).sort();
    for (const id of RULES) {
      const t = tally.get(id)!;
      const exp = expected.filter((k) => k.startsWith(`${id} `));
      const act = actual.filter((k) => k.startsWith(`${id} `));
      t.tp += act.filter((k) => exp.includes(k)).length;
      t.fp += act.filter((k) => !exp.includes(k)).length;
      t.fn += exp.filter((k) => !act.includes(k)).length;
    }
    expect(actual).toEqual(expected);
  });

  afterAll(() => {
    const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(0).padStart(4)}%`);
    const lines = [...tally].map(([id, t]) => `${id.padEnd(34)} tp=${t.tp} fp=${t.fp} fn=${t.fn}  precision ${pct(t.tp, t.tp + t.fp)}  recall ${pct(t.tp, t.tp + t.fn)}`);
    console.log(`per-rule precision/recall on fixtures/identity:\n${lines.join('\n')}`);
  });
});

describe('source and sink lines reach every output', () => {
  it('the engine carries the identity read as a related location into JSON findings and SARIF', async () => {
    const root = join(ROOT, 'header-identity-express');
    const report = await scan({ root, configPath: false });
    const finding = report.findings.find((f) => f.ruleId === 'no-unverified-identity' && f.line === 17);
    expect(finding?.message).toContain('Identity read at L9 from x-forwarded-email is used for the request identity at L17');
    expect(finding?.related).toEqual([
      expect.objectContaining({ file: 'src/server.ts', line: 9, message: 'identity read here from x-forwarded-email' }),
    ]);
    const sarif = JSON.parse(formatSarif(report, rules)) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: unknown[]; relatedLocations?: Array<{ physicalLocation: { region: { startLine: number } } }> }> }>;
    };
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'no-unverified-identity' && r.relatedLocations?.[0].physicalLocation.region.startLine === 9);
    expect(result).toBeDefined();
  });
});
