// `npm run bench` (its Python part): the Python share of a scan, on real code with both languages (the labeled
// repositories in ../shared/real-code, unpacked into the OS temp dir). Three scans of the same tree, each in its own
// process, median of --runs: everything, only the Python files, only the JS/TS files. Prints the time per MB of each
// language's source, so "Python costs no more per byte than JS" is a number, not a hope.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { realCodeAvailable, unpackSet } from './real-eval-lib.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!realCodeAvailable()) {
  console.log('python share: skipped (../shared/real-code is not here)');
  process.exit(0);
}
const root = unpackSet('labeled');

const PY = new Set(['.py', '.pyi']);
const JS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
const bytes = { py: 0, js: 0 };
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) walk(abs);
    else if (PY.has(extname(name))) bytes.py += st.size;
    else if (JS.has(extname(name))) bytes.js += st.size;
  }
};
walk(root);

// One scan in a fresh process (no warm caches), on one thread so the languages are compared on equal terms.
const SCAN = `
import { scan } from './dist/src/index.js';
const include = process.argv[2] === 'all' ? undefined : process.argv.slice(2);
const t0 = performance.now();
const r = await scan({ root: process.argv[1], configPath: false, workers: 1, include });
console.log(JSON.stringify({ ms: performance.now() - t0, files: r.summary.filesScanned, parsed: r.summary.filesParsed, findings: r.findings.length }));
`;
const measure = (args) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCAN, root, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    samples.push(JSON.parse(out.trim().split('\n').pop()));
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)];
};
const all = measure(['all']);
const py = measure(['**/*.py', '**/*.pyi']);
const js = measure(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
const perMb = (r, b) => r.ms / (b / 1e6);
console.log(`\npython share (labeled real repositories, one thread, median of ${runs}):`);
console.log(`  all files      ${(all.ms / 1000).toFixed(2)}s  ${all.files} files, ${all.parsed} linted, ${all.findings} findings`);
console.log(`  Python only    ${(py.ms / 1000).toFixed(2)}s  ${py.files} files (${(bytes.py / 1e6).toFixed(1)} MB), ${py.parsed} linted: ${perMb(py, bytes.py).toFixed(0)} ms per MB`);
console.log(`  JS/TS only     ${(js.ms / 1000).toFixed(2)}s  ${js.files} files (${(bytes.js / 1e6).toFixed(1)} MB), ${js.parsed} linted: ${perMb(js, bytes.js).toFixed(0)} ms per MB`);
console.log(`  Python per byte / JS per byte: ${(perMb(py, bytes.py) / perMb(js, bytes.js)).toFixed(2)}x; Python share of the full scan about ${((py.ms / (py.ms + js.ms)) * 100).toFixed(0)}%`);
