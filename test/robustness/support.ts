import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import type { Diagnostic, Finding, ScanReport } from '../../src/engine/types.js';

const DIAGNOSTIC_KINDS: Diagnostic['kind'][] = ['parse-error', 'unreadable', 'too-large', 'binary', 'minified', 'symlink', 'config', 'internal', 'unsupported-language'];

/**
 * A temporary scan root, removed after the file's tests. `scanText` writes one file into a fresh case directory,
 * scans it and checks the report is well-formed (expectWellFormed) before returning it.
 */
export function scratchRoot(): { root: string; scanText: (rel: string, content: string | Uint8Array) => Promise<ScanReport> } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-fuzz-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return {
    root,
    async scanText(rel, content) {
      const caseDir = join(root, `case-${n++}`);
      const file = join(caseDir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      try {
        const report = await scan({ root: caseDir, paths: [file], configPath: false });
        const bytes = Buffer.from(content);
        expectWellFormed(report, bytes.subarray(0, 8000).includes(0) ? null : bytes.toString('utf8'), lineKindOf(rel));
        return report;
      } finally {
        rmSync(caseDir, { recursive: true, force: true });
      }
    },
  };
}

/** JS line breaks as ESLint counts them; config files break lines on CR, LF and CRLF only (like JSON, YAML, TOML). */
const LINE_BREAKS = { js: /\r\n|[\r\n\u2028\u2029]/, config: /\r\n|[\r\n]/ };
export type LineKind = keyof typeof LINE_BREAKS;
export const lineKindOf = (file: string): LineKind => (/\.[cm]?[jt]sx?$/.test(file) ? 'js' : 'config');

/** Lines of a file's text after the BOM the engine strips. */
export function linesOf(text: string, kind: LineKind): string[] {
  return text.replace(/^\uFEFF/, '').split(LINE_BREAKS[kind]);
}

/** A 1-based position inside the text: the line exists, the column is at most one past the line's end. */
function expectWithin(lines: string[], line: number, column: number, what: string): void {
  expect(Number.isInteger(line) && line >= 1 && line <= lines.length, `${what}: line ${line} of ${lines.length}`).toBe(true);
  const max = (lines[line - 1]?.length ?? 0) + 1;
  expect(Number.isInteger(column) && column >= 1 && column <= max, `${what}: column ${column} of ${max} on line ${line}`).toBe(true);
}

function expectFindingWithin(f: Finding, lines: string[]): void {
  expectWithin(lines, f.line, f.column, `${f.ruleId} start`);
  if (f.endLine !== undefined) {
    expectWithin(lines, f.endLine, f.endColumn!, `${f.ruleId} end`);
    expect(f.endLine > f.line || (f.endLine === f.line && f.endColumn! >= f.column)).toBe(true);
  }
}

/**
 * The report is well-formed for one scanned file whose text is `text` (null for bytes that are not text):
 * diagnostics have a known kind and a one-line message without a stack, and a whole position or none;
 * findings and diagnostics point inside the file.
 */
export function expectWellFormed(report: ScanReport, text: string | null, kind: LineKind): void {
  const lines = text === null ? null : linesOf(text, kind);
  for (const d of report.diagnostics) {
    expect(DIAGNOSTIC_KINDS).toContain(d.kind);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\n\s*at\s|\bat [\w.<>]+ \(.*:\d+:\d+\)|node:internal|\.(?:ts|js|mjs):\d+:\d+/);
    // A position is whole or absent: a parser that died without one (stack overflow) must not yield NaN/null.
    expect(d.column === undefined || d.line !== undefined, `column without line: ${JSON.stringify(d)}`).toBe(true);
    if (d.line !== undefined || 'column' in d) {
      expect(d.column, `line without a usable column: ${JSON.stringify(d)}`).toEqual(expect.any(Number));
      if (lines) expectWithin(lines, d.line!, d.column!, `diagnostic ${d.kind}`);
    }
  }
  for (const f of [...report.findings, ...report.suppressed]) {
    if (lines) expectFindingWithin(f, lines);
    else expect(f.line).toBeGreaterThanOrEqual(1);
  }
}
