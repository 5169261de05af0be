// Whole fixture server projects (fixtures/servers/<name>/), each with the findings it must produce in expected.json.
// Every project is linted file by file with the plugin's recommended config, as an editor would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/plugin/index.js';

/** Rules whose findings the fixture projects pin exactly (the MCP server model's rules). */
const MODEL_RULES = [
  'require-tool-authorization',
  'no-unauthenticated-public-bind',
  'require-dns-rebinding-protection',
  'no-permissive-cors',
  'secure-session-id',
  'no-shared-server-instance',
];
const ROOT = resolve('fixtures/servers');
const CORE = 'require-tool-authorization';

interface Finding { ruleId: string; file: string; line: number; messageId?: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

function lintProject(dir: string): Finding[] {
  // Relative to the project (ESLint's cwd), as a user would lint it: under `fixtures/` its findings are held back.
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const out: Finding[] = [];
  for (const file of sourceFiles(dir).sort()) {
    const messages = linter.verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: file });
    for (const m of messages) {
      if (m.fatal) throw new Error(`${file}: ${m.message}`);
      const ruleId = m.ruleId?.replace(/^mcp-audit\//, '') ?? '';
      if (MODEL_RULES.includes(ruleId)) out.push({ ruleId, file: relative(dir, file), line: m.line, messageId: m.messageId });
    }
  }
  return out;
}

/** messageId (which carries the transport-based severity) is pinned too. */
const key = (f: Finding) => `${f.ruleId}/${f.messageId} ${f.file}:${f.line}`;
const totals = { tp: 0, fp: 0, fn: 0 };
const projects = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory());

describe('fixture server projects', () => {
  it('there are at least 12 projects', () => expect(projects.length).toBeGreaterThanOrEqual(12));

  it.each(projects)('%s', (name) => {
    const dir = join(ROOT, name);
    const expected = (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { findings: Finding[] }).findings;
    const actual = lintProject(dir);
    const want = new Set(expected.filter((f) => f.ruleId === CORE).map(key));
    const got = new Set(actual.filter((f) => f.ruleId === CORE).map(key));
    for (const k of got) (want.has(k) ? totals.tp++ : totals.fp++);
    for (const k of want) if (!got.has(k)) totals.fn++;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  afterAll(() => {
    const precision = totals.tp / Math.max(1, totals.tp + totals.fp);
    const recall = totals.tp / Math.max(1, totals.tp + totals.fn);
    console.log(`${CORE} on fixtures/servers: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${totals.tp}, fp ${totals.fp}, fn ${totals.fn})`);
  });
});
