import { readFileSync } from 'node:fs';
import type { Finding } from './types.js';

/**
 * A baseline records the findings a project accepts today, by fingerprint (no line numbers, no secrets), so a
 * PR check reports only new ones. Edits above a finding move it without resurrecting it.
 */
export interface Baseline {
  schemaVersion: 1;
  tool: 'mcp-audit';
  findings: Array<{ ruleId: string; file: string; fingerprint: string }>;
}

export class BaselineError extends Error {}

export function makeBaseline(findings: readonly Finding[]): Baseline {
  return {
    schemaVersion: 1,
    tool: 'mcp-audit',
    findings: findings.map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint })),
  };
}

export function readBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new BaselineError(`${path}: cannot read baseline (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const b = raw as Partial<Baseline>;
  if (b?.tool !== 'mcp-audit' || b.schemaVersion !== 1 || !Array.isArray(b.findings) || !b.findings.every((f) => typeof f?.fingerprint === 'string')) {
    throw new BaselineError(`${path}: not an mcp-audit baseline (write one with --write-baseline)`);
  }
  return b as Baseline;
}

/** Split findings into new ones and those the baseline already accepts (returned marked as suppressed). */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; accepted: Finding[] } {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const fresh: Finding[] = [];
  const accepted: Finding[] = [];
  for (const f of findings) {
    if (known.has(f.fingerprint)) accepted.push({ ...f, suppressed: { kind: 'baseline' } });
    else fresh.push(f);
  }
  return { fresh, accepted };
}
