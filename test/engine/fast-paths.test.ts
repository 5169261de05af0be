// The shortcuts that only save time (keyword prefilter, tree gates, deferred scope analysis, helper threads) change
// nothing a scan reports: on the real-code sets of ../shared/real-code (unpacked into the OS temp dir), every finding,
// suppressed and held-back finding and diagnostic is the same with all of them, with none, and with helper threads.
// From the build: helper threads run compiled modules (`npm test` builds first).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { scan as scanType, ScanOptions } from '../../src/engine/scan.js';
// @ts-expect-error: plain JS module without types (shared with scripts/eval.mjs)
import { realCodeAvailable, unpackSet } from '../../scripts/real-eval-lib.mjs';

const { scan } = (await import(resolve('dist/src/engine/scan.js'))) as { scan: typeof scanType };

/** Everything a scan reports about its files, in report order. */
async function reported(root: string, options: ScanOptions): Promise<string[]> {
  const r = await scan({ root, ...options });
  return [
    ...r.findings.map((f) => `finding ${JSON.stringify(f)}`),
    ...r.suppressed.map((f) => `suppressed ${JSON.stringify(f)}`),
    ...r.heldBack.map((f) => `held back ${JSON.stringify(f)}`),
    ...r.diagnostics.map((d) => `diagnostic ${JSON.stringify(d)}`),
  ];
}

describe.skipIf(!realCodeAvailable()).each(['production', 'labeled'])('the %s real-code set', (set) => {
  const root = unpackSet(set) as string;

  it('reports the same with every shortcut, with none, and with helper threads', { timeout: 600_000 }, async () => {
    const fast = await reported(root, { workers: 1 });
    expect(fast.length).toBeGreaterThan(0);
    expect(await reported(root, { workers: 2 })).toEqual(fast);
    expect(await reported(root, { workers: 1, exhaustive: true })).toEqual(fast);
  });
});
