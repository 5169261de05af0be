// One measured task per process, so each gets its own wall time and peak RSS. Prints one JSON line.
// Usage: node scripts/bench-worker.mjs <mcp-audit|eslint-parse|secretlint> <dir>
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [task, dir] = process.argv.slice(2);
const root = resolve(dir);
const t0 = performance.now();
let extra = {};

if (task === 'mcp-audit') {
  const { scan } = await import('../dist/src/index.js');
  const report = await scan({ root });
  extra = {
    files: report.summary.filesScanned,
    parsed: report.summary.filesParsed,
    findings: report.summary.findings,
  };
} else if (task === 'eslint-parse') {
  // The floor: ESLint's Linter with the same parser and no rules over the same files.
  const { Linter } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const { globby } = await import('globby');
  const files = await globby(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], { cwd: root, absolute: true });
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config = [{ files: ['**/*'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } }];
  let fatal = 0;
  for (const f of files) fatal += linter.verify(readFileSync(f, 'utf8'), config, { filename: f }).filter((m) => m.fatal).length;
  extra = { files: files.length, parsed: files.length, parseErrors: fatal };
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
