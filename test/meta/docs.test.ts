import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import plugin from '../../src/plugin/index.js';
import { examplesOf } from '../support/doc-examples.js';
import { languageBase, rulesFor } from '../../src/plugin/index.js';
import { loadPythonParser } from '../../src/python/parser.js';

// Python examples are linted as the CLI lints Python (no preset enables it).
const PYTHON_CONFIG = [{ ...languageBase('python')!, rules: rulesFor('python') }];
beforeAll(async () => {
  await loadPythonParser();
});

const REQUIRED_SECTIONS = ['## Why it matters', '## Incorrect', '## Correct', '## How to fix', '## References'];

describe.each(Object.keys(rules))('docs/rules/%s.md', (id) => {
  const md = readFileSync(`docs/rules/${id}.md`, 'utf8');
  const examples = examplesOf(md);

  it('has the title and every section', () => {
    expect(md.startsWith(`# ${id}\n`)).toBe(true);
    for (const s of REQUIRED_SECTIONS) expect(md, s).toContain(`\n${s}\n`);
  });

  it('has at least one incorrect and one correct example', () => {
    expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(examples.some((e) => e.kind === 'correct')).toBe(true);
  });

  it.each(examples.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', (_, e) => {
    const linter = new Linter({ configType: 'flat', cwd: '/virtual' });
    const config = e.lang === 'python' ? PYTHON_CONFIG : plugin.configs.recommended;
    const messages = linter.verify(e.code, config, { filename: `/virtual/docs-example/${e.filename}` });
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal, 'example must parse').toEqual([]);
    const own = messages.filter((m) => m.ruleId === `mcp-audit/${id}`);
    if (e.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
    else expect(own).toEqual([]);
  });
});
