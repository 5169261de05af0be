import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyserInit, FileJob, FileResult } from './analyse.js';

/**
 * Below this many JS/TS files, helper threads cost more than they save: each first loads ESLint, the rules and the
 * parser and warms them up (a second or two of one core), builds its own model caches, and takes the core the main
 * thread's garbage collector otherwise uses. Measured on 2 shared cores: no gain on the 1,505 files of the
 * production servers (one thread 8-10 s either way), a gain at ten times that.
 */
export const MIN_FILES_FOR_HELPERS = 5000;

/**
 * A helper's old generation, in MB. Its live data is small (the current file's tree, the rules' caches, the model's
 * modules); most of what reaches old space is trees of files already done (V8 allocates large JSON results there),
 * which an uncapped heap keeps for hundreds of MB before collecting. 64 MB was too little for the production
 * servers' model caches (the helper ran out of memory); a helper that does has its files analysed here.
 */
const HELPER_OLD_SPACE_MB = 128;

/** Workers need the compiled worker module; under a TS test runner the engine runs in-process instead. */
export function workerModuleUrl(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') ? url : null;
}

/** Threads that analyse by default: one per core (this one included), at most 8. */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Files per batch handed to a helper; it always holds two, so it never waits for this thread between batches. */
const BATCH = 8;
/** This thread lints for at most this long before it lets helpers' messages in. */
const SLICE_MS = 15;

type Message = { kind: 'ready' } | { kind: 'done'; batch: number; results: FileResult[] };

/** The files of one `analyse` call, shared by this thread and the helpers that feed from it. */
interface Queue {
  jobs: FileJob[];
  /** The next batch's job indexes (empty once all are handed out). */
  take(): number[];
  /** A helper's result for job `i`. */
  back(i: number, result: FileResult): void;
  /** Jobs a failed helper had: linted on this thread. */
  lost(at: number[]): void;
}

/** Helper threads that analyse files beside this one; each asks for work once it has loaded ESLint and the rules. */
export class LintHelpers {
  private readonly workers: Worker[];
  private readonly ready: Promise<Worker>[];

  constructor(count: number, init: AnalyserInit) {
    const url = workerModuleUrl();
    if (!url) throw new Error('helper threads need the built engine');
    this.workers = Array.from({ length: count }, () => new Worker(url, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: HELPER_OLD_SPACE_MB } }));
    this.ready = this.workers.map(
      (w) =>
        new Promise<Worker>((resolve, reject) => {
          w.once('message', () => resolve(w));
          w.once('error', reject);
        }),
    );
    // A helper that fails while nobody waits for it (the scan ended first) is no error of the scan.
    for (const r of this.ready) r.catch(() => undefined);
  }

  /**
   * Analyses `jobs` (reads, prefilters and lints each file) on the helpers and, when `here` is given, on this thread
   * too: this thread takes files one at a time from the same queue, helpers take batches as they free up, so the
   * work balances itself (a helper still loading when the queue runs dry gets nothing, and is not waited for). A
   * helper that fails has its files analysed here. Results come back in job order.
   */
  async analyse(jobs: FileJob[], here: ((job: FileJob) => FileResult) | null, onProgress?: (done: number) => void): Promise<FileResult[]> {
    const results: FileResult[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    /** Files handed to helpers and not yet back. */
    let outstanding = 0;
    const orphans: number[] = [];
    let drained!: () => void;
    const allBack = new Promise<void>((resolve) => (drained = resolve));
    const settle = () => {
      if (next >= jobs.length && outstanding === 0) drained();
    };
    const finish = (i: number, r: FileResult) => {
      results[i] = r;
      onProgress?.(++done);
    };
    const queue: Queue = {
      jobs,
      take: () => {
        const at = Array.from({ length: Math.min(BATCH, jobs.length - next) }, (_, k) => next + k);
        next += at.length;
        outstanding += at.length;
        return at;
      },
      back: (i, r) => {
        finish(i, r);
        outstanding--;
        settle();
      },
      lost: (at) => {
        orphans.push(...at);
        outstanding -= at.length;
        settle();
      },
    };
    const feeds = this.ready.map((ready) => this.feed(ready, queue));
    if (here) {
      for (;;) {
        const sliceEnd = performance.now() + SLICE_MS;
        while (next < jobs.length && performance.now() < sliceEnd) {
          const i = next++;
          finish(i, here(jobs[i]));
        }
        if (next >= jobs.length) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    settle();
    // Every file handed out is back, or every helper has stopped (then what none took is left, too).
    await Promise.race([allBack, Promise.all(feeds)]);
    const left = [...orphans, ...Array.from({ length: jobs.length - next }, (_, k) => next + k)];
    next = jobs.length;
    if (left.length > 0 && !here) throw new Error('an analysis thread failed');
    for (const i of left) finish(i, here!(jobs[i]));
    return results;
  }

  /** Keeps one helper supplied with two batches at a time until the queue is empty or the helper fails. */
  private async feed(ready: Promise<Worker>, queue: Queue): Promise<void> {
    let worker: Worker;
    try {
      worker = await ready;
    } catch {
      return; // never started: this thread (or the other helpers) lint everything
    }
    const inFlight = new Map<number, number[]>();
    let id = 0;
    await new Promise<void>((resolve) => {
      const send = () => {
        const at = queue.take();
        if (at.length === 0) return;
        inFlight.set(++id, at);
        worker.postMessage({ batch: id, jobs: at.map((i) => queue.jobs[i]) });
      };
      const stop = () => {
        worker.off('message', onMessage);
        worker.off('error', fail);
        worker.off('exit', fail);
        resolve();
      };
      const fail = () => {
        for (const at of inFlight.values()) queue.lost(at);
        inFlight.clear();
        stop();
      };
      const onMessage = (m: Message) => {
        if (m.kind !== 'done') return;
        const at = inFlight.get(m.batch)!;
        inFlight.delete(m.batch);
        m.results.forEach((r, k) => queue.back(at[k], r));
        send();
        if (inFlight.size === 0) stop();
      };
      worker.on('message', onMessage);
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
      send();
      if (inFlight.size === 0) stop();
    });
  }

  /** Stops every helper (loaded or not); call once the scan no longer needs them. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
