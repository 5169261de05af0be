// One measured task per process, so each gets its own wall time and peak RSS. Prints one JSON line.
// Usage: node scripts/bench-worker.mjs <mcp-audit|mcp-audit-1|eslint-parse|eslint-parse-oxc|read-files|secretlint> <dir>
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [task, dir] = process.argv.slice(2);
const root = resolve(dir);
const t0 = performance.now();
let extra = {};

if (task === 'mcp-audit' || task === 'mcp-audit-1') {
  const { scan } = await import('../dist/src/index.js');
  // Default: what `mcp-audit scan` does (helper threads join on 2+ cores from 16 MB of kept source); `-1`: one thread.
  const report = await scan({ root, ...(task === 'mcp-audit-1' ? { workers: 1 } : {}) });
  extra = {
    files: report.summary.filesScanned,
    parsed: report.summary.filesParsed,
    findings: report.summary.findings,
  };
} else if (task === 'eslint-parse' || task === 'eslint-parse-oxc') {
  // The floor: ESLint's Linter with no rules over the same files, with the ESLint plugin's parser
  // (typescript-estree) or with the CLI's (oxc, falling back to typescript-estree on syntax errors).
  const { Linter } = await import('eslint');
  const { JS_FILES } = await import('../dist/src/plugin/files.js');
  const parser = task === 'eslint-parse' ? (await import('@typescript-eslint/parser')).default : (await import('../dist/src/parser/index.js')).fastParser;
  const { globby } = await import('globby');
  const files = await globby(JS_FILES, { cwd: root, absolute: true });
  const linter = new Linter({ configType: 'flat', cwd: root });
  // `files` must name the extensions: a config matching only `**/*` leaves .ts files unmatched (and unparsed).
  const config = [{ files: JS_FILES, languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' } }];
  let fatal = 0;
  let unmatched = 0;
  for (const f of files) {
    for (const m of linter.verify(readFileSync(f, 'utf8'), config, { filename: f })) {
      if (m.fatal) fatal++;
      else if (!m.ruleId) unmatched++;
    }
  }
  if (unmatched) throw new Error(`${unmatched} files were not parsed (no matching configuration)`);
  extra = { files: files.length, parsed: files.length, parseErrors: fatal };
} else if (task === 'read-files') {
  // The floor under any tool that reads these files in Node: find them (globby, as mcp-audit and secretlint do)
  // and read each one, nothing else.
  const { globby } = await import('globby');
  const { JS_FILES } = await import('../dist/src/plugin/files.js');
  const files = await globby(JS_FILES, { cwd: root, absolute: true });
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f, 'utf8').length;
  extra = { files: files.length, parsed: 0, bytes };
} else if (task === 'secretlint') {
  // The peer a user would pick for secrets: secretlint's recommended preset, through its node API (what its CLI
  // runs), on the same files (JS_FILES; the corpus holds nothing else). Its findings are masked by secretlint.
  const { runSecretLint } = await import('secretlint');
  const { JS_FILES } = await import('../dist/src/plugin/files.js');
  const result = await runSecretLint({
    cliOptions: { cwd: root, filePathOrGlobList: JS_FILES, respectGitignore: false },
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
console.log(JSON.stringify({ task, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }));
