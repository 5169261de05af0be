import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { parsePython } from '../../src/python/parser.js';
import { calleePath, keywordArg, locOf, memberPath, nodesOf, stringValue } from '../../src/python/tree.js';
import { lintPython, withPythonParser } from './lint.js';

withPythonParser();

const TOKEN = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';

function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-py-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('the Python tree', () => {
  it('keeps named nodes with their fields, operators on their parent, and comments apart', () => {
    const { module, errors } = parsePython('# top\nif user.role == "admin" and not ok:\n    mcp.run(transport="http", host=HOST)\n')!;
    expect(errors).toEqual([]);
    expect(module.comments.map((c) => c.text)).toEqual(['# top']);
    const cmp = nodesOf(module, 'comparison_operator')[0];
    expect(cmp.operators).toEqual(['==']);
    expect(nodesOf(module, 'boolean_operator')[0].operators).toEqual(['and']);
    const call = nodesOf(module, 'call')[0];
    expect(calleePath(call)).toEqual(['mcp', 'run']);
    expect(stringValue(keywordArg(call, 'transport'))).toBe('http');
    expect(memberPath(keywordArg(call, 'host'))).toEqual(['HOST']);
  });

  it('reads string values: escapes, raw and byte strings, implicit concatenation, f-string holes', () => {
    const { module } = parsePython('a = "x\\ty"\nb = r"x\\ty"\nc = b"key"\nd = ("ab" "cd")\ne = f"{base}/search"\n')!;
    const values = nodesOf(module, 'assignment').map((a) => stringValue(a.children[1], '*'));
    expect(values).toEqual(['x\ty', 'x\\ty', 'key', 'abcd', '*/search']);
    expect(stringValue(nodesOf(module, 'assignment')[4].children[1])).toBe(null);
  });

  it('counts positions in UTF-16 code units and lines as Python does (LF, CRLF, CR)', () => {
    const { module } = parsePython('x = "é😀"\r\ny = 1\rz = 2\n')!;
    const [, y, z] = nodesOf(module, 'assignment');
    expect(locOf(module, y).start).toEqual({ line: 2, column: 0 });
    expect(locOf(module, z).start).toEqual({ line: 3, column: 0 });
  });

  it('recovers from a syntax error: the error is a problem, and the rest of the file is analysed', () => {
    const messages = lintPython(`def broken(:\n    pass\n\nGITHUB_TOKEN = "${TOKEN}"\n`, 'no-hardcoded-secrets');
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([
      [null, 1],
      ['no-hardcoded-secrets', 4],
    ]);
  });
});

describe('scanning Python', () => {
  it('reports findings, recovered syntax errors as diagnostics, and honours both suppression comments', async () => {
    const root = project({
      'server/config.py': `GITHUB_TOKEN = "${TOKEN}"\n`,
      'server/broken.py': `def f(:\n    pass\nOTHER_TOKEN = "${TOKEN}"\n`,
      'server/ignored.py': [
        `# mcp-audit-ignore no-hardcoded-secrets -- revoked sandbox token`,
        `TOKEN_A = "${TOKEN}"`,
        `TOKEN_B = "${TOKEN}"  # mcp-audit-ignore no-hardcoded-secrets -- revoked`,
        `# eslint-disable-next-line mcp-audit/no-hardcoded-secrets -- fixture`,
        `TOKEN_C = "${TOKEN}"`,
        '',
      ].join('\n'),
      'server/plain.py': 'print("hello")\n',
    });
    const report = await scan({ root, configPath: false, workers: 1 });
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity])).toEqual([
      ['no-hardcoded-secrets', 'server/broken.py', 3, 16, 'high'],
      ['no-hardcoded-secrets', 'server/config.py', 1, 17, 'high'],
    ]);
    expect(report.suppressed.map((f) => [f.file, f.line, f.suppressed])).toEqual([
      ['server/ignored.py', 2, { kind: 'directive', justification: 'revoked sandbox token' }],
      ['server/ignored.py', 3, { kind: 'directive', justification: 'revoked' }],
      ['server/ignored.py', 5, { kind: 'directive', justification: 'fixture' }],
    ]);
    expect(report.diagnostics.map((d) => [d.kind, d.file, d.line, d.column])).toEqual([['parse-error', 'server/broken.py', 1, 7]]);
    expect(report.diagnostics[0].message).toMatch(/; the rest of the file was analysed$/);
    // plain.py has no keyword of any Python rule: never parsed
    expect(report.summary).toMatchObject({ filesScanned: 4, filesParsed: 3 });
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });
});
