// A worker thread of the analysis pool: one FileAnalyser, batches of prefiltered files in, results out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, type AnalyserInit, type LintJob } from './analyse.js';

const analyser = new FileAnalyser(workerData as AnalyserInit);
parentPort!.on('message', (batch: LintJob[]) => {
  parentPort!.postMessage(batch.map((job) => analyser.lint(job)));
});
