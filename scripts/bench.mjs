// `npm run bench`: generate (or reuse) the corpus, then measure mcp-audit, the peer a user would pick instead
// (secretlint with its recommended preset) and ESLint-parse-only (the floor) on the same files, each in its own
// process, in one run. Prints wall time, files/s, peak RSS and the ratios to mcp-audit.
// Options: --files N (default 1500), --runs N (default 3; the median is reported)
// Rows: mcp-audit as `scan` runs it, mcp-audit on one thread, secretlint, and three floors (ESLint parsing alone with
// the plugin's parser and with the CLI's; finding and reading the files alone), so the ratios say what is left to
// gain where.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench-corpus.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1500' }, runs: { type: 'string', default: '3' } } });
const files = Number(values.files);
const runs = Number(values.runs);
// Outside the repository: its .gitignore (which lists bench/corpus/) would hide the corpus from mcp-audit's walk.
const dir = join(tmpdir(), 'mcp-audit-bench', String(files));
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

const NOTES = {
  'mcp-audit': (r) => `${r.findings} findings; prefilter skipped ${r.files - r.parsed} of ${r.files} files`,
  'mcp-audit-1': (r) => `the same on one thread (--workers 1): ${r.findings} findings`,
  secretlint: (r) => `${r.findings} findings; recommended preset`,
  'eslint-parse': () => 'floor: ESLint parse only, no rules, typescript-estree (the ESLint plugin\'s parser)',
  'eslint-parse-oxc': () => 'floor: ESLint parse only, no rules, oxc (the CLI\'s parser)',
  'read-files': () => 'floor: find and read the files, nothing else (what any Node tool pays)',
};
const rows = Object.keys(NOTES).map(measure);
const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('tool', 18)}${pad('wall', 10)}${pad('files/s', 10)}${pad('peak RSS', 10)}${pad('files', 7)}${pad('parsed', 8)}notes`);
for (const r of rows) {
  console.log(
    `${pad(r.task, 18)}${pad(`${(r.ms / 1000).toFixed(2)}s`, 10)}${pad(Math.round((r.files / r.ms) * 1000), 10)}${pad(`${r.maxRssMb} MB`, 10)}${pad(r.files, 7)}${pad(r.parsed, 8)}${NOTES[r.task](r)}`,
  );
}
const [audit, ...peers] = rows;
console.log(`\nratios (median of ${runs} runs each; > 1 means mcp-audit takes more):`);
for (const p of peers) {
  console.log(`  mcp-audit / ${pad(p.task, 17)} wall ${(audit.ms / p.ms).toFixed(2)}x   peak RSS ${(audit.maxRssMb / p.maxRssMb).toFixed(2)}x`);
}
if (peers.some((p) => p.files !== audit.files)) {
  console.error('error: the tools did not see the same files; the figures above are not comparable');
  process.exitCode = 1;
}
