import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import plugin from '../../src/plugin/index.js';

interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  filename: string;
  code: string;
  line: number;
}

/** Fenced blocks whose info string is `<lang> incorrect|correct [filename=<name>]`. */
export function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  const re = /^```(\w+) (incorrect|correct)(?: filename=(\S+))?\n([\s\S]*?)^```/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const [, lang, kind, filename, code] = m;
    out.push({
      kind: kind as Example['kind'],
      lang,
      filename: filename ?? `example.${lang === 'js' ? 'js' : 'ts'}`,
      code,
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}

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
    const messages = linter.verify(e.code, plugin.configs.recommended, { filename: `/virtual/docs-example/${e.filename}` });
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal, 'example must parse').toEqual([]);
    const own = messages.filter((m) => m.ruleId === `mcp-audit/${id}`);
    if (e.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
    else expect(own).toEqual([]);
  });
});
