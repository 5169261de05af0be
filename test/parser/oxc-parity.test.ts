import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { globby } from 'globby';
import { afterAll, describe, expect, it } from 'vitest';
import { fastParser, parserName, parseWithOxc, shallowEnough } from '../../src/parser/index.js';
// @ts-expect-error: plain JS module without types (the bench corpus generator)
import { generateCorpus } from '../../scripts/bench-corpus.mjs';

/**
 * The CLI parses with oxc and the ESLint plugin with typescript-estree; the rules must see the same tree from both.
 * Every node's type, fields, range and loc, and every comment, must be equal (oxc's own `start`/`end` aside).
 */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 5 || a === b) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    out.push(`${path}: ${String(a)} (oxc) vs ${String(b)} (typescript-estree)`);
    return;
  }
  if (a instanceof RegExp && b instanceof RegExp) {
    if (String(a) !== String(b)) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'parent' || key === 'start' || key === 'end' || key === 'tokens') continue;
    // A deprecated getter in typescript-estree (reading it prints a warning); `id` says the same.
    if (key === 'computed' && (b as { type?: string }).type === 'TSEnumMember') continue;
    if (!(key in a) || !(key in b)) {
      out.push(`${path}.${key}: present only in ${key in a ? 'oxc' : 'typescript-estree'}`);
      continue;
    }
    differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
}

function compareFile(path: string, text: string): { parsed: boolean; diffs: string[] } {
  const ours = parseWithOxc(path, text);
  if (!ours) return { parsed: false, diffs: [] };
  let theirs: unknown;
  try {
    theirs = tsParser.parseForESLint(text, { filePath: path, sourceType: 'module', ecmaVersion: 'latest' } as never).ast;
  } catch {
    return { parsed: true, diffs: [`oxc accepted a file typescript-estree rejects`] };
  }
  const diffs: string[] = [];
  differences(ours, theirs, 'Program', diffs);
  return { parsed: true, diffs };
}

describe('oxc parser adapter', () => {
  it('is the parser on this platform (CI runs on linux-x64, where the binding is installed)', () => {
    expect(parserName).toBe('oxc');
  });

  it('gives the same AST and comments as typescript-estree on every fixture, example and eval file', async () => {
    const files = await globby(['fixtures/**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', 'examples/**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', 'eval/**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
    let parsed = 0;
    const bad: string[] = [];
    for (const f of files) {
      const r = compareFile(f, readFileSync(f, 'utf8'));
      if (r.parsed) parsed++;
      if (r.diffs.length) bad.push(`${f}: ${r.diffs.join('; ')}`);
    }
    expect(bad).toEqual([]);
    // Only files with deliberate syntax errors go to the fallback.
    expect(files.length - parsed).toBeLessThanOrEqual(5);
    expect(parsed).toBeGreaterThan(150);
  });

  const dir = mkdtempSync(join(tmpdir(), 'mcp-audit-oxc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same AST on generated application code (JSX, TS written in .js files, reducers, routes)', async () => {
    generateCorpus(dir, { files: 120, seed: 7 });
    const files = await globby(['**/*'], { cwd: dir, absolute: true });
    const bad = files.flatMap((f) => {
      const r = compareFile(f, readFileSync(f, 'utf8'));
      return r.parsed ? r.diffs.map((d) => `${f}: ${d}`) : [`${f}: declined`];
    });
    expect(bad).toEqual([]);
  });

  it.each([
    ['CRLF, U+2028 and astral characters before nodes', 'x.ts', "const a = '😀 é';\r\n// ünï\r\nconst b = `${a}😀`;\u2028let c = /日本/u; let d = 10n;\n"],
    ['a #! line', 'cli.js', '#!/usr/bin/env node\n// first\nconsole.log(1);\n'],
    ['declare function and mapped types', 'y.ts', 'declare function f<T>(x: T): void;\ntype R<T> = { readonly [K in keyof T]?: T[K] };\nconst { a, ...rest } = obj;\n'],
    ['JSX in a .js file', 'c.js', 'export const C = () => <div className="x">{items.map((i) => <span key={i} />)}</div>;\n'],
  ])('matches on %s', (_name, file, text) => {
    expect(compareFile(file, text)).toEqual({ parsed: true, diffs: [] });
  });

  // Each of these kills the process with SIGSEGV inside oxc's native parser (measured with oxc-parser 0.154 at
  // 10,000-100,000 levels); the guard must hand them to typescript-estree before oxc sees them.
  it.each([
    ['brackets', `x = ${'('.repeat(20_000)}a${')'.repeat(20_000)};`],
    ['unclosed objects', `const x = ${'{ a: [\n'.repeat(6_000)}`],
    ['negations', `x = ${'!'.repeat(100_000)}a;`],
    ['ternaries', `x = ${'a ? b : '.repeat(100_000)}c;`],
    ['new chains', `x = ${'new '.repeat(100_000)}A;`],
    ['awaits', `async function f() { ${'await '.repeat(100_000)}1 }`],
  ])('declines input nested deeply enough to crash oxc: %s', (_name, text) => {
    expect(shallowEnough(text)).toBe(false);
    expect(parseWithOxc('deep.ts', text)).toBeNull();
  });

  it('keeps big flat code on oxc (long lists and object literals reset the chain count)', () => {
    const table = `export const t = {\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: -${i} + a.b?.c ?? 'x',`).join('\n')}\n};\n`;
    expect(shallowEnough(table)).toBe(true);
    expect(parseWithOxc('table.ts', table)).not.toBeNull();
  });

  it('hands a file with a syntax error to typescript-estree, so diagnostics are the plugin\'s', () => {
    const text = 'const x = ;\n';
    expect(parseWithOxc('bad.ts', text)).toBeNull();
    expect(() => fastParser.parseForESLint!(text, { filePath: 'bad.ts', sourceType: 'module' } as never)).toThrow(/Expression expected/);
  });
});
