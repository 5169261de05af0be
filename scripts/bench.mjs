// `npm run bench`: mcp-audit against the peer a user would pick instead (secretlint, recommended preset) and against
// floors (finding and reading the files; parsing them with oxc alone; ESLint parsing them with each parser), each in
// its own process, interleaved run by run, on the same files. Then where a one-thread scan spends its time (a CPU
// profile), and the editor path (what the ESLint plugin's rules add per file over parsing).
//
// Corpus (--corpus): `production` (default): the 12 production MCP servers of ../shared/real-code, unpacked into the
// OS temp dir at run time (never into the project); `labeled`: the labeled real repositories; `generated`: a
// deterministic generated corpus of --files files (default 1,500; the scale test's corpus).
// Options: --runs N (default 3; the median is reported), --scale (mcp-audit on ten times the files: ten copies of a
// real corpus, or ten times --files generated), --editor-files N (files the editor row samples, default 400),
// --skip a,b (tasks to leave out, e.g. eslint-parse, the slowest).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench-corpus.mjs';
import { REAL_SETS, realCodeAvailable, unpackSet } from './real-eval-lib.mjs';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'production' },
    files: { type: 'string', default: '1500' },
    runs: { type: 'string', default: '3' },
    scale: { type: 'boolean', default: false },
    'editor-files': { type: 'string', default: '400' },
    skip: { type: 'string', default: '' },
  },
});
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
if (!existsSync('dist/src/index.js')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

/** The corpus folder, and one ten times its size for the scale test. */
function corpus(name, times = 1) {
  if (name === 'generated') {
    const files = Number(values.files) * times;
    // Outside the repository: its .gitignore would hide the corpus from mcp-audit's walk.
    const dir = join(tmpdir(), 'mcp-audit-bench', String(files));
    const { bytes } = generateCorpus(dir, { files });
    return { dir, label: `generated: ${files} files, ${(bytes / 1e6).toFixed(1)} MB` };
  }
  if (!REAL_SETS[name]) throw new Error(`unknown corpus ${name} (production, labeled or generated)`);
  if (!realCodeAvailable()) throw new Error('../shared/real-code is not here: use --corpus generated');
  const one = unpackSet(name);
  if (times === 1) return { dir: one, label: `${name} (${REAL_SETS[name].archive}), unpacked in ${one}` };
  const dir = join(tmpdir(), 'mcp-audit-bench', `${name}-x${times}`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < times; i++) cpSync(one, join(dir, `copy${i}`), { recursive: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.complete'), '');
  }
  return { dir, label: `${name} x${times} (${times} copies)` };
}

const run = (task, dir, option) =>
  JSON.parse(
    execFileSync(process.execPath, ['scripts/bench-worker.mjs', task, dir, ...(option ? [option] : [])], { encoding: 'utf8', maxBuffer: 64e6 })
      .trim()
      .split('\n')
      .pop(),
  );
const median = (samples) => [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
/** Each task `runs` times, round by round (a drifting machine then shifts every row alike); the median run per task. */
function measure(tasks, dir) {
  const samples = Object.fromEntries(tasks.map((t) => [t, []]));
  for (let i = 0; i < runs; i++) for (const t of tasks) samples[t].push(run(t, dir));
  return tasks.map((t) => median(samples[t]));
}

const NOTES = {
  'mcp-audit': (r) => `as \`scan\` runs it (helper threads from 5,000 JS/TS files); ${r.findings} findings; ${r.parsed} of ${r.files} files (${pct(r.parsed, r.files)}) parsed and linted`,
  'mcp-audit-1': (r) => `the same on one thread (--workers 1): ${r.findings} findings`,
  secretlint: (r) => `${r.findings} findings; recommended preset; text regexes only`,
  'read-files': () => 'floor: find and read the files, nothing else (what any Node tool pays)',
  'oxc-parse': () => 'floor: oxc parses every JS/TS file, tree handed to JS (JSON on Node 20), nothing else',
  'eslint-parse-oxc': () => "floor: ESLint parse only, no rules, the CLI's parser (oxc)",
  'eslint-parse': () => "floor: ESLint parse only, no rules, the ESLint plugin's parser (typescript-estree)",
};
const pct = (a, b) => `${Math.round((100 * a) / b)}%`;
const pad = (s, n) => String(s).padEnd(n);
const sec = (ms) => `${(ms / 1000).toFixed(2)}s`;

const main = corpus(values.corpus);
console.log(`corpus: ${main.label}`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start\n`);

const rows = measure(Object.keys(NOTES).filter((t) => !skip.has(t)), main.dir);
console.log(`${pad('tool', 18)}${pad('wall', 9)}${pad('CPU', 9)}${pad('files/s', 9)}${pad('peak RSS', 10)}${pad('files', 7)}${pad('parsed', 8)}notes`);
for (const r of rows) {
  console.log(
    `${pad(r.task, 18)}${pad(sec(r.ms), 9)}${pad(sec(r.cpuMs), 9)}${pad(Math.round((r.files / r.ms) * 1000), 9)}${pad(`${r.maxRssMb} MB`, 10)}${pad(r.files, 7)}${pad(r.parsed, 8)}${NOTES[r.task](r)}`,
  );
}
const byTask = Object.fromEntries(rows.map((r) => [r.task, r]));
const audit = byTask['mcp-audit'];
if (audit) {
  console.log(`\nratios (median of ${runs} runs each; > 1 means mcp-audit takes more):`);
  for (const p of rows.filter((r) => r !== audit)) {
    console.log(`  mcp-audit / ${pad(p.task, 17)} wall ${(audit.ms / p.ms).toFixed(2)}x   CPU ${(audit.cpuMs / p.cpuMs).toFixed(2)}x   peak RSS ${(audit.maxRssMb / p.maxRssMb).toFixed(2)}x`);
  }
}
// Every tool that reads all files must have seen the same ones; the parse floors see the JS/TS files among them.
const same = ['mcp-audit', 'mcp-audit-1', 'secretlint', 'read-files'].filter((t) => byTask[t]);
if (same.some((t) => byTask[t].files !== byTask[same[0]].files)) {
  console.error(`error: the tools did not see the same files (${same.map((t) => `${t} ${byTask[t].files}`).join(', ')})`);
  process.exitCode = 1;
}
if (byTask['mcp-audit'] && byTask['mcp-audit-1'] && byTask['mcp-audit'].findingIds.join('\n') !== byTask['mcp-audit-1'].findingIds.join('\n')) {
  console.error('error: mcp-audit found different things with helper threads and on one thread');
  process.exitCode = 1;
}

if (!skip.has('profile')) {
  const p = run('profile', main.dir);
  const total = Object.values(p.buckets).reduce((a, b) => a + b, 0) + p.loadMs / 1000;
  console.log(`\nwhere a one-thread scan spends its time (CPU profile, ${sec(total * 1000)} profiled; shares, not timings):`);
  const rowsOf = [['load modules', p.loadMs / 1000], ...Object.entries(p.buckets)].sort((a, b) => b[1] - a[1]);
  for (const [name, s] of rowsOf) console.log(`  ${pad(name, 36)}${pad(`${s.toFixed(2)}s`, 8)}${pct(s, total)}`);
}

if (!skip.has('editor')) {
  const e = run('editor', main.dir, values['editor-files']);
  console.log(
    `\neditor path (ESLint plugin, typescript-estree): the rules add, per file over parsing it, median ${e.medianMs.toFixed(2)} ms, p95 ${e.p95Ms.toFixed(2)} ms, max ${e.maxMs.toFixed(1)} ms (${e.files} files sampled)`,
  );
}

if (values.scale) {
  const big = corpus(values.corpus, 10);
  const [one, ten] = [audit ?? measure(['mcp-audit'], main.dir)[0], measure(['mcp-audit'], big.dir)[0]];
  console.log(`\nscale: ${big.label}: ${ten.files} files in ${sec(ten.ms)} (${ten.maxRssMb} MB) vs ${one.files} in ${sec(one.ms)}: ${(ten.files / one.files).toFixed(1)}x the files in ${(ten.ms / one.ms).toFixed(2)}x the time`);
}
