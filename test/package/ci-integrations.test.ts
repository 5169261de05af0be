import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** The GitHub Action and the pre-commit hook are files users copy by reference: they must at least be well-formed. */
describe('GitHub Action (action.yml)', () => {
  const action = parse(readFileSync('action.yml', 'utf8'));

  it('is a composite action that scans to SARIF, uploads it, then fails per --fail-on', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps as Array<{ name: string; run?: string; uses?: string; if?: string }>;
    const scan = steps.find((s) => s.name === 'Scan')!;
    expect(scan.run).toContain('--format sarif --output "$MCP_AUDIT_SARIF"');
    expect(scan.run).toContain('--fail-on "$MCP_AUDIT_FAIL_ON"');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain('always()');
    const fail = steps.at(-1)!;
    expect(fail.if).toContain("steps.scan.outputs.exit-code != '0'");
    expect(steps.indexOf(upload)).toBeLessThan(steps.indexOf(fail));
  });

  it('declares every input it reads', () => {
    const text = readFileSync('action.yml', 'utf8');
    const used = new Set([...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).filter((k) => used.has(k)).sort());
    for (const u of used) expect(Object.keys(action.inputs)).toContain(u);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('runs mcp-audit scan on the staged files', () => {
    const [hook] = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8'));
    expect(hook).toMatchObject({ id: 'mcp-audit', language: 'node', pass_filenames: true });
    expect(hook.entry).toMatch(/^mcp-audit scan/);
  });
});
