// A helper thread of the analysis pool: one FileAnalyser, batches of prefiltered files in, results out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, type AnalyserInit, type LintJob } from './analyse.js';

const analyser = new FileAnalyser(workerData as AnalyserInit);
parentPort!.on('message', ({ batch, jobs }: { batch: number; jobs: LintJob[] }) => {
  parentPort!.postMessage({ kind: 'done', batch, results: jobs.map((job) => analyser.lint(job)) });
});
// Loaded (ESLint, the rules, the parser): ready for work.
parentPort!.postMessage({ kind: 'ready' });
