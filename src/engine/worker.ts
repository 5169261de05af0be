// A helper thread of the analysis pool: one FileAnalyser, batches of prefiltered files in, results out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, type AnalyserInit, type LintJob } from './analyse.js';
import { loadPythonParser } from '../python/parser.js';

const analyser = new FileAnalyser(workerData as AnalyserInit);
parentPort!.on('message', async ({ batch, jobs }: { batch: number; jobs: LintJob[] }) => {
  if (jobs.some((j) => j.lang === 'python')) await loadPythonParser();
  parentPort!.postMessage({ kind: 'done', batch, results: jobs.map((job) => analyser.lint(job)) });
});
// Loaded (ESLint, the rules, the parser): ready for work.
parentPort!.postMessage({ kind: 'ready' });
