// `npm run bench`: generate (or reuse) the corpus, then measure mcp-audit and ESLint-parse-only on the same files,
// each in its own process, in one run. Prints wall time, files/s, peak RSS and the ratio.
// Options: --files N (default 1500), --runs N (default 3; the median is reported)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench-corpus.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1500' }, runs: { type: 'string', default: '3' } } });
const files = Number(values.files);
const runs = Number(values.runs);
const dir = `bench/corpus/${files}`;
if (!existsSync('dist/src/index.js')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const { bytes } = generateCorpus(dir, { files });
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);

const measure = (task) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['scripts/bench-worker.mjs', task, dir], { encoding: 'utf8' }).trim().split('\n').pop()));
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)];
};

const rows = ['mcp-audit', 'eslint-parse'].map(measure);
const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('tool', 14)}${pad('wall', 10)}${pad('files/s', 10)}${pad('peak RSS', 10)}${pad('parsed', 8)}notes`);
for (const r of rows) {
  const notes = r.task === 'mcp-audit' ? `${r.findings} findings; prefilter skipped ${r.files - r.parsed} of ${r.files} files` : 'floor: parse only, no rules';
  console.log(`${pad(r.task, 14)}${pad(`${(r.ms / 1000).toFixed(2)}s`, 10)}${pad(Math.round((r.files / r.ms) * 1000), 10)}${pad(`${r.maxRssMb} MB`, 10)}${pad(r.parsed, 8)}${notes}`);
}
const [audit, floor] = rows;
console.log(`\nmcp-audit / eslint-parse wall-time ratio: ${(audit.ms / floor.ms).toFixed(2)}x (median of ${runs} runs each)`);
