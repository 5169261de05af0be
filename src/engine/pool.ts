import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyserInit, FileResult, LintJob } from './analyse.js';

/**
 * Below this much source text to lint (after the prefilter) a pool costs more than it saves: each thread loads
 * ESLint and the rules and builds its own model caches (measured with `npm run bench`).
 */
export const MIN_BYTES_FOR_WORKERS = 4_000_000;

/** Workers need the compiled worker module; under a TS test runner the engine runs in-process instead. */
export function workerModuleUrl(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') ? url : null;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Analyse jobs on `count` worker threads, handing out small batches as threads free up, so a few slow files do not
 * hold back a whole share. Results come back in job order.
 */
export async function analyseInWorkers(
  jobs: LintJob[],
  init: AnalyserInit,
  count: number,
  onProgress?: (done: number, total: number) => void,
): Promise<FileResult[]> {
  const url = workerModuleUrl();
  if (!url) throw new Error('worker threads need the built engine');
  const results: FileResult[] = new Array(jobs.length);
  const batchSize = Math.max(4, Math.min(32, Math.ceil(jobs.length / (count * 8))));
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(count, Math.ceil(jobs.length / batchSize)) }, () => new Worker(url, { workerData: init }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolveWorker, reject) => {
            let start = 0;
            const send = () => {
              if (next >= jobs.length) {
                resolveWorker();
                return;
              }
              start = next;
              next = Math.min(jobs.length, next + batchSize);
              worker.postMessage(jobs.slice(start, next));
            };
            worker.on('message', (batch: FileResult[]) => {
              batch.forEach((r, i) => (results[start + i] = r));
              done += batch.length;
              onProgress?.(done, jobs.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0 && next < jobs.length) reject(new Error(`analysis worker stopped (exit ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
