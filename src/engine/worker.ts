// A worker thread of the analysis pool: one FileAnalyser, batches of jobs in, results out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileAnalyser, type AnalyserInit, type FileJob } from './analyse.js';

const analyser = new FileAnalyser(workerData as AnalyserInit);
parentPort!.on('message', (batch: FileJob[]) => {
  parentPort!.postMessage(batch.map((job) => analyser.analyse(job)));
});
