// A helper thread of the analysis pool: one FileAnalyser, batches of files in (read, prefiltered and linted here),
// results out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, type AnalyserInit, type FileJob } from './analyse.js';
import { loadPythonParser } from '../python/parser.js';

const analyser = new FileAnalyser(workerData as AnalyserInit);
parentPort!.on('message', async ({ batch, jobs }: { batch: number; jobs: FileJob[] }) => {
  if (jobs.some((j) => j.lang === 'python')) await loadPythonParser();
  parentPort!.postMessage({ kind: 'done', batch, results: jobs.map((job) => analyser.analyse(job)) });
});
// Loaded (ESLint, the rules, the parser): ready for work.
parentPort!.postMessage({ kind: 'ready' });
