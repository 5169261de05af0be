import { readFileSync } from 'node:fs';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import { parseWithOxc } from '../../src/parser/index.js';
import { quotedValues } from '../../src/rule-kit/quoted.js';
import { JS_FILES } from '../../src/plugin/files.js';

/** Every string literal's value and every substitution-free template's cooked value in a parsed file. */
function literalValues(text: string, path: string): string[] {
  const ast = parseWithOxc(path, text);
  if (!ast) return [];
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, unknown> & { type?: string };
    if (typeof n.type !== 'string') return;
    if (n.type === 'Literal' && typeof n.value === 'string') out.push(n.value);
    if (n.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0) {
      const q = (n.quasis as Array<{ value: { cooked: string | null; raw: string } }>)[0];
      out.push(q.value.cooked ?? q.value.raw);
    }
    for (const key in n) if (key !== 'parent' && key !== 'loc' && key !== 'range') visit(n[key]);
  };
  visit(ast);
  return out;
}

describe('quotedValues', () => {
  it('cooks escapes as JavaScript does, keeps JSX-style raw values, and skips templates with substitutions', () => {
    const text = [
      String.raw`const a = 'it\'s', b = "tab\there", c = 'x\x41\u0042\u{43}';`,
      'const t = `line1\\nline2`, u = `a${b}c`;',
      String.raw`const cont = 'one\
two';`,
      '<Field label="C:\\temp" />',
    ].join('\n');
    const values = quotedValues(text);
    expect(values).toEqual(expect.arrayContaining(["it's", 'tab\there', 'xABC', 'line1\nline2', 'onetwo', 'C:\\temp']));
    expect(values.some((v) => v.startsWith('a${'))).toBe(false);
  });

  it('finds a literal after a quote in a comment or a regular expression', () => {
    const values = quotedValues("// don't\nconst re = /'/; const key = 'sk_live_abcdef';");
    expect(values).toContain('sk_live_abcdef');
  });

  it('reads a template full of escaped backticks once, not once per backtick', () => {
    const doc = '`' + 'Run \\`npm test\\` first. '.repeat(2000) + '`';
    const values = quotedValues(`const help = ${doc};`);
    expect(values.reduce((n, v) => n + v.length, 0)).toBeLessThan(3 * doc.length);
  });

  it('holds the value of every string literal and plain template of every fixture, example and eval file', async () => {
    const files = await globby(JS_FILES.map((g) => `{fixtures,examples,eval}/${g}`));
    let checked = 0;
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const values = new Set(quotedValues(text));
      for (const v of literalValues(text, f)) {
        checked++;
        if (!values.has(v)) missing.push(`${f}: ${JSON.stringify(v).slice(0, 80)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
