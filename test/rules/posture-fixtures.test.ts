import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin/index.js';

/**
 * The posture pairs (fixtures/posture/<project>/): audited vs unaudited servers (a logger per tool, one record before
 * the dispatch, a patched registerTool, HTTP middleware; a debug log, no caller) and credentials (one shared token, a
 * key list, per-user keys, OAuth, mTLS, a loopback-only token, a literal). Each is linted file by file as the ESLint
 * plugin would (the rules read the rest of the package from disk) and must give exactly its expected.json.
 */
const ROOT = resolve('fixtures/posture');
const RULES = ['require-audit-trail', 'no-shared-static-token'];

interface Finding {
  ruleId: string;
  file: string;
  line: number;
}
const key = (f: Finding) => `${f.ruleId} ${f.file}:${f.line}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

function lint(project: string): Finding[] {
  const linter = new Linter({ configType: 'flat', cwd: project });
  return sourceFiles(project).flatMap((file) =>
    linter
      .verify(readFileSync(file, 'utf8'), plugin.configs.recommended, { filename: file })
      .map((m) => ({ ruleId: (m.ruleId ?? '').replace(/^mcp-audit\//, ''), file: relative(project, file), line: m.line }))
      .filter((f) => RULES.includes(f.ruleId)),
  );
}

const projects = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

describe('posture fixture pairs', () => {
  it('cover each shape, with findings and near misses for both rules', () => {
    const expected = projects.flatMap((p) => JSON.parse(readFileSync(join(ROOT, p, 'expected.json'), 'utf8')) as Finding[]);
    for (const id of RULES) expect(expected.filter((f) => f.ruleId === id).length).toBeGreaterThanOrEqual(2);
    expect(projects.filter((p) => readFileSync(join(ROOT, p, 'expected.json'), 'utf8').trim() === '[]').length).toBeGreaterThanOrEqual(8);
  });

  it.each(projects)('%s', (name) => {
    const project = join(ROOT, name);
    const expected = (JSON.parse(readFileSync(join(project, 'expected.json'), 'utf8')) as Finding[]).map(key).sort();
    expect(lint(project).map(key).sort()).toEqual(expected);
  });
});
