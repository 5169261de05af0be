// One measured task per process, so each gets its own wall time, CPU time and peak RSS. Prints one JSON line.
// Usage: node scripts/bench-worker.mjs <task> <dir> [option]; tasks: mcp-audit, mcp-audit-1, secretlint, read-files,
// oxc-parse, eslint-parse, eslint-parse-oxc, editor [files to sample], profile.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [task, dir, option] = process.argv.slice(2);
const root = resolve(dir);
const t0 = performance.now();
let extra = {};

/** The files mcp-audit scans (its own discovery: .gitignore, default ignores), or only its JS/TS ones. */
async function scannedFiles({ jsOnly = false } = {}) {
  const { discoverFiles } = await import('../dist/src/engine/discover.js');
  const { JS_FILES, CONFIG_FILES } = await import('../dist/src/plugin/files.js');
  const languageGlobs = jsOnly ? JS_FILES : [...JS_FILES, ...CONFIG_FILES];
  return (await discoverFiles({ root, paths: [root], languageGlobs }, [])).map((f) => f.abs);
}

const summaryOf = (report) => ({
  files: report.summary.filesScanned,
  parsed: report.summary.filesParsed,
  findings: report.summary.findings,
  findingIds: report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`),
});

if (task === 'mcp-audit' || task === 'mcp-audit-1') {
  const { scan } = await import('../dist/src/index.js');
  const loadMs = performance.now() - t0;
  // Default: what `mcp-audit scan` does (helper threads join on 2+ cores when there is enough to lint); `-1`: one thread.
  const report = await scan({ root, ...(task === 'mcp-audit-1' ? { workers: 1 } : {}) });
  extra = { loadMs: Math.round(loadMs), ...summaryOf(report) };
} else if (task === 'profile') {
  // The one-thread scan again, under the sampling profiler (slower than unprofiled; only the shares matter). Module
  // loading is timed before the profiler starts.
  const { scan } = await import('../dist/src/index.js');
  const loadMs = performance.now() - t0;
  const { profiled } = await import('./bench-profile.mjs');
  const { result, buckets } = await profiled(() => scan({ root, workers: 1 }));
  extra = { loadMs: Math.round(loadMs), ...summaryOf(result), buckets };
} else if (task === 'eslint-parse' || task === 'eslint-parse-oxc') {
  // The floor: ESLint's Linter with no rules over the same JS/TS files, with the ESLint plugin's parser
  // (typescript-estree) or with the CLI's (oxc, falling back to typescript-estree on syntax errors).
  const { Linter } = await import('eslint');
  const { JS_FILES } = await import('../dist/src/plugin/files.js');
  const parser = task === 'eslint-parse' ? (await import('@typescript-eslint/parser')).default : (await import('../dist/src/parser/index.js')).fastParser;
  const files = await scannedFiles({ jsOnly: true });
  const linter = new Linter({ configType: 'flat', cwd: root });
  // `files` must name the extensions: a config matching only `**/*` leaves .ts files unmatched (and unparsed).
  const config = [
    { files: JS_FILES, languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' }, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  let fatal = 0;
  let unmatched = 0;
  for (const f of files) {
    for (const m of linter.verify(readFileSync(f, 'utf8'), config, { filename: f })) {
      if (m.fatal) fatal++;
      else if (/no matching configuration/i.test(m.message)) unmatched++;
    }
  }
  if (unmatched) throw new Error(`${unmatched} files were not parsed (no matching configuration)`);
  extra = { files: files.length, parsed: files.length, parseErrors: fatal };
} else if (task === 'oxc-parse') {
  // The parse floor of the CLI: oxc over every JS/TS file, its tree handed over to JS (as JSON on Node 20), nothing
  // else (no ESLint, no positions, no scopes). Languages as the CLI picks them.
  const { parseSync } = await import('oxc-parser');
  const files = await scannedFiles({ jsOnly: true });
  let errors = 0;
  for (const f of files) {
    const lang = /\.d\.[mc]?ts$/.test(f) ? 'dts' : /\.[mc]?ts$/.test(f) ? 'ts' : /\.tsx$/.test(f) ? 'tsx' : 'jsx';
    const result = parseSync(f, readFileSync(f, 'utf8'), { lang, sourceType: 'module', astType: 'ts', preserveParens: false });
    if (result.program.body.length < 0 || result.errors.length > 0) errors++;
  }
  extra = { files: files.length, parsed: files.length, parseErrors: errors };
} else if (task === 'read-files') {
  // The floor under any tool that reads these files in Node: find them (as mcp-audit does) and read each one.
  const files = await scannedFiles();
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f, 'utf8').length;
  extra = { files: files.length, parsed: 0, bytes };
} else if (task === 'editor') {
  // The editor path: ESLint with the plugin's recommended config (typescript-estree), per file, the time the rules
  // add over parsing alone: each sampled file is linted twice with rules and twice without (alternating; the faster
  // of each pair counts, as a warm editor lints the same file again on every change).
  const { Linter } = await import('eslint');
  const { default: plugin } = await import('../dist/src/plugin/index.js');
  const all = await scannedFiles();
  const want = Math.min(all.length, Number(option ?? 400));
  const files = Array.from({ length: want }, (_, k) => all[Math.floor((k * all.length) / want)]);
  const linter = new Linter({ configType: 'flat', cwd: root });
  const withRules = plugin.configs.recommended;
  const parseOnly = withRules.map((c) => ({ ...c, rules: {} }));
  const time = (text, config, filename) => {
    const t = performance.now();
    linter.verify(text, config, { filename });
    return performance.now() - t;
  };
  const added = files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const bare = [time(text, parseOnly, f), time(text, withRules, f)];
    const again = [time(text, parseOnly, f), time(text, withRules, f)];
    return Math.max(0, Math.min(bare[1], again[1]) - Math.min(bare[0], again[0]));
  });
  added.sort((a, b) => a - b);
  const at = (q) => added[Math.min(added.length - 1, Math.floor(q * added.length))];
  extra = { files: files.length, parsed: files.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: added[added.length - 1] };
} else if (task === 'secretlint') {
  // The peer a user would pick for secrets: secretlint's recommended preset, through its node API (what its CLI
  // runs), on the files mcp-audit scans (the same globs; secretlint honours .gitignore too). Findings are masked.
  const { runSecretLint } = await import('secretlint');
  const { JS_FILES, CONFIG_FILES } = await import('../dist/src/plugin/files.js');
  const result = await runSecretLint({
    cliOptions: { cwd: root, filePathOrGlobList: [...JS_FILES, ...CONFIG_FILES] },
    engineOptions: {
      cwd: root,
      formatter: 'json',
      color: false,
      maskSecrets: true,
      configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
    },
  });
  if (result.stderr) throw result.stderr;
  const files = JSON.parse(result.stdout ?? '[]');
  extra = { files: files.length, parsed: files.length, findings: files.reduce((n, f) => n + f.messages.length, 0) };
} else {
  console.error(`unknown task ${task}`);
  process.exit(2);
}

const ms = performance.now() - t0;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    task,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  }),
);
