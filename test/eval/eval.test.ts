// The accuracy gate: the labeled projects in eval/ are scanned in-process with the sources and every rule and
// category must stay at or above its recorded precision/recall floor (eval/floors.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { rules, scan } from '../../src/index.js';
import {
  CATEGORIES,
  RULE_CATEGORIES,
  checkLabels,
  evaluate,
  floorViolations,
  loadFloors,
  loadLabels,
  type EvalResults,
} from '../../scripts/eval-lib.mjs';

const labels = loadLabels();

describe('eval labels', () => {
  it('put every rule in a category', () => {
    const missing = Object.keys(rules).filter((id) => !CATEGORIES.includes(RULE_CATEGORIES[id]));
    expect(missing).toEqual([]);
  });

  it('point at existing files and at lines that still hold the labeled code', () => {
    expect(checkLabels(labels, Object.keys(rules))).toEqual([]);
  });

  it('hold at least 25 projects, a third of them clean or nearly clean, and a positive case for every rule', () => {
    const projects = Object.values(labels.projects);
    expect(projects.length).toBeGreaterThanOrEqual(25);
    expect(projects.filter((p) => p.expected.length <= 1).length).toBeGreaterThanOrEqual(projects.length / 3);
    const covered = new Set(projects.flatMap((p) => p.expected.map((l) => l.ruleId)));
    expect(Object.keys(rules).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('eval scores', () => {
  let results: EvalResults;
  // Scanning every project takes seconds; allow for a loaded CI machine.
  beforeAll(async () => {
    results = await evaluate(scan, labels);
  }, 180_000);

  it('scans every project', () => {
    expect(results.projects).toBe(Object.keys(labels.projects).length);
    expect(results.loc).toBeGreaterThan(0);
  });

  it('keeps every rule and category at or above its precision/recall floor', () => {
    expect(floorViolations(results, loadFloors())).toEqual([]);
  });
});
