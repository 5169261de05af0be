// The accuracy gate on real code: the labeled public MCP repositories in ../shared/real-code (unpacked into the OS
// temp dir, never copied into the project) are scanned in-process with the sources. Every finding at low and up must be
// on a label or triaged in eval/real/overrides*.tsv, and precision, recall, false findings per 10k non-test lines and
// the true labels found must stay at their recorded floors (eval/real/floors.json).
import { describe, expect, it } from 'vitest';
import { classifyFile, scan } from '../../src/index.js';
import {
  REAL_SETS,
  evaluateSet,
  formatSummary,
  loadOverrides,
  loadRealFloors,
  realCodeAvailable,
  realFloorViolations,
  summarize,
} from '../../scripts/real-eval-lib.mjs';

const available = realCodeAvailable();
if (!available) console.warn('../shared/real-code not found: the real-code accuracy gate is skipped');

describe.skipIf(!available)('real code', () => {
  it('has an overlay whose every row names a known set, a known repository and a rule that fits its category', () => {
    const rows = loadOverrides();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(REAL_SETS), JSON.stringify(r)).toContain(r.set);
      expect(['TP', 'NEAR_MISS'], JSON.stringify(r)).toContain(r.kind);
      expect(r.note.length, JSON.stringify(r)).toBeGreaterThan(10);
    }
  });

  it.each(Object.keys(REAL_SETS))('%s: every finding triaged, and precision, recall and the labels found at their floors', async (set) => {
    const result = await evaluateSet(set, scan, { classify: (rel: string, text: string) => classifyFile(rel, text).cls });
    const summary = summarize(result);
    console.log(formatSummary(summary));
    expect(realFloorViolations(summary, result, loadRealFloors())).toEqual([]);
  }, 600_000);
});
