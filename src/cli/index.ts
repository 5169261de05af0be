import { writeFileSync } from 'node:fs';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rules } from '../../rules/index.js';
import { scan } from '../engine/scan.js';
import { ConfigError, resolveProjectConfig } from '../engine/project-config.js';
import { BaselineError, makeBaseline, readBaseline } from '../engine/baseline.js';
import { GitError } from '../engine/git.js';
import { inventory } from '../engine/inventory.js';
import { formatHtml } from '../reporters/html.js';
import { formatInventoryJson, formatInventoryPretty } from '../reporters/inventory.js';
import type { ScanReport } from '../engine/types.js';
import { formatJson } from '../reporters/json.js';
import { formatPretty } from '../reporters/pretty.js';
import { formatSarif } from '../reporters/sarif.js';
import { atLeast, isSeverity, SEVERITIES, type Severity } from '../rule-kit/severity.js';
import { VERSION } from '../version.js';

/** Exit codes: stable and documented (README, --help). */
export const EXIT = { CLEAN: 0, FINDINGS: 1, ERROR: 2 } as const;

export const HELP = `mcp-audit ${VERSION} — security linter for MCP servers and MCP client configs

Usage:
  mcp-audit scan [paths...] [options]   scan files and directories (default: .)
  mcp-audit inventory [paths...] [-f pretty|json|html] [-o file]
                                        per MCP server: transports, where it listens, auth pattern,
                                        credentials, audit trail, and its tools with risk class, sinks,
                                        identity checks and audit records; html adds the scan's findings
  mcp-audit rules [--format json]        list every rule
  mcp-audit --help | --version

Scan options:
  -f, --format <pretty|json|sarif|html>
                                    report format (default: pretty); html is the review report
                                    (servers, tools and findings in one self-contained page)
  -o, --output <file>               write the report to a file instead of stdout
      --fail-on <severity|none>     exit 1 when a finding is at or above this severity:
                                    critical, high, medium, low, info, or none (default: high)
      --include <glob>              only scan files matching the glob (repeatable)
      --exclude <glob>              skip files matching the glob (repeatable)
      --root <dir>                  report paths relative to this directory (default: current directory)
  -c, --config <file>               project config (default: <root>/.mcp-audit.json; JSON, never executed)
      --no-config                   ignore .mcp-audit.json
      --max-file-size <bytes>       skip larger files with a diagnostic (default: 1048576)
      --cache[=<dir>]               re-use results for unchanged files (default dir:
                                    node_modules/.cache/mcp-audit, or .mcp-audit-cache)
      --workers <n>                 analysis threads, this one included (default: one per core when the files the prefilter keeps hold 16 MB+ of source; 0 or 1 = this thread only)
      --baseline <file>             report only findings not recorded in this baseline
      --write-baseline <file>       record the current findings as the baseline (by fingerprint)
      --changed[=<git-ref>]         only files changed against the ref (default: merge base with the
                                    default branch), plus the files that import them
      --show-held-back              also show findings in test, generated and vendored code (held back
                                    by default, one step lower when shown; see "File classes" in the README)
      --no-color                    no colours (also off under NO_COLOR or when stdout is not a terminal)

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, invalid config, or fatal error

Secrets are always masked in every output. mcp-audit never runs code from the scanned project,
never follows symlinks out of the scan root, and makes no network calls.
`;

class UsageError extends Error {}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Progress goes to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  clearProgress?: () => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

export async function run(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError || e instanceof GitError) {
      io.stderr(`mcp-audit: ${e.message}\n${e instanceof UsageError ? 'Run `mcp-audit --help` for usage.\n' : ''}`);
      return EXIT.ERROR;
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.stderr(`mcp-audit: fatal error: ${msg}\n`);
    if (io.env.MCP_AUDIT_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT.ERROR;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return EXIT.CLEAN;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.CLEAN;
  }
  if (command === 'scan') return scanCommand(rest, io);
  if (command === 'rules') return rulesCommand(rest, io);
  if (command === 'inventory') return inventoryCommand(rest, io);
  throw new UsageError(`unknown command "${command}"`);
}

function parse(args: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function scanCommand(argv: string[], io: CliIO): Promise<number> {
  // `--changed=<ref>` and `--cache=<dir>` carry optional values, which parseArgs cannot express: split them off first.
  const args = argv.flatMap((a) =>
    a.startsWith('--changed=')
      ? ['--changed', '--changed-base', a.slice('--changed='.length)]
      : a.startsWith('--cache=')
        ? ['--cache', '--cache-location', a.slice('--cache='.length)]
        : [a],
  );
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'pretty' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    root: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    workers: { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    changed: { type: 'boolean' },
    'changed-base': { type: 'string' },
    'show-held-back': { type: 'boolean' },
    color: { type: 'boolean', default: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.CLEAN;
  }
  const format = values.format as string;
  if (!['pretty', 'json', 'sarif', 'html'].includes(format)) throw new UsageError(`--format must be pretty, json, sarif or html (got "${format}")`);
  const failOnRaw = values['fail-on'] as string | undefined;
  if (failOnRaw !== undefined && failOnRaw !== 'none' && !isSeverity(failOnRaw)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or none (got "${failOnRaw}")`);
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError('--max-file-size must be a positive integer (bytes)');
  }

  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError('--workers must be a whole number from 0 to 64');
  }

  const paths = positionals.length ? positionals.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const root = chooseRoot(values.root ? resolve(io.cwd, values.root as string) : undefined, paths, io.cwd);

  const project = resolveProjectConfig(
    root,
    values['no-config'] ? false : values.config ? resolve(io.cwd, values.config as string) : undefined,
    Object.keys(rules),
  );
  const report = await scan({
    paths,
    root,
    include: values.include as string[] | undefined,
    exclude: values.exclude as string[] | undefined,
    project,
    maxFileSize,
    baseline: values.baseline ? readBaseline(resolve(io.cwd, values.baseline as string)) : undefined,
    changed: values.changed ? ((values['changed-base'] as string | undefined) ?? true) : undefined,
    onProgress: progressReporter(io),
    workers,
    showHeldBack: values['show-held-back'] === true ? true : undefined,
    cache: values.cache ? ((values['cache-location'] as string | undefined) ? resolve(io.cwd, values['cache-location'] as string) : true) : undefined,
  });
  io.clearProgress?.();
  if (values['write-baseline']) {
    const path = resolve(io.cwd, values['write-baseline'] as string);
    writeFileSync(path, JSON.stringify(makeBaseline(report.findings), null, 2) + '\n');
    io.stderr(`mcp-audit: recorded ${report.findings.length} finding(s) in baseline ${values['write-baseline']}\n`);
  }

  const color = values.color !== false && !values.output && io.isTTY && io.env.NO_COLOR === undefined;
  const text =
    format === 'html'
      ? formatHtml((await inventory({ paths, root, include: values.include as string[] | undefined, exclude: values.exclude as string[] | undefined, maxFileSize })).inventory, report)
      : render(report, format, color);
  if (values.output) {
    writeFileSync(resolve(io.cwd, values.output as string), text);
    io.stderr(`mcp-audit: wrote ${format} report to ${values.output} (${report.summary.findings} findings)\n`);
  } else {
    io.stdout(text);
  }
  const failOn = (failOnRaw ?? project.failOn ?? 'high') as Severity | 'none';
  if (failOn === 'none') return EXIT.CLEAN;
  return report.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT.FINDINGS : EXIT.CLEAN;
}

/**
 * Paths in reports are relative to the root: --root, else the current directory when every path is inside it,
 * else the single path given (so `mcp-audit scan ~/elsewhere` works).
 */
function chooseRoot(explicit: string | undefined, paths: string[], cwd: string): string {
  const inside = (p: string, r: string) => {
    const rel = relative(r, p);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (explicit) {
    const outside = paths.find((p) => !inside(p, explicit));
    if (outside) throw new UsageError(`path "${outside}" is outside --root "${explicit}"`);
    return explicit;
  }
  if (paths.every((p) => inside(p, cwd))) return cwd;
  if (paths.length === 1) {
    let isDir = false;
    try {
      isDir = statSync(paths[0]).isDirectory();
    } catch {
      /* missing path: reported as a diagnostic by the scan */
    }
    return isDir ? paths[0] : dirname(paths[0]);
  }
  throw new UsageError('several paths outside the current directory: give --root');
}

/** "analysing 120/1500 files" on stderr, only on a terminal and only for scans that take over a second. */
function progressReporter(io: CliIO): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  const start = Date.now();
  let last = 0;
  let shown = false;
  io.clearProgress = () => {
    if (shown) io.stderr('\r\x1b[K');
  };
  return (done, total) => {
    const now = Date.now();
    if (now - start < 1000 || now - last < 100) return;
    last = now;
    shown = true;
    io.stderr(`\r\x1b[Kmcp-audit: analysing ${done}/${total} files`);
  };
}

async function inventoryCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'pretty' },
    output: { type: 'string', short: 'o' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    root: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    color: { type: 'boolean', default: true },
  });
  const format = values.format as string;
  if (!['pretty', 'json', 'html'].includes(format)) throw new UsageError(`inventory --format must be pretty, json or html (got "${format}")`);
  const paths = positionals.length ? positionals.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const root = chooseRoot(values.root ? resolve(io.cwd, values.root as string) : undefined, paths, io.cwd);
  const selection = { paths, root, include: values.include as string[] | undefined, exclude: values.exclude as string[] | undefined };
  const { inventory: inv, diagnostics } = await inventory(selection);
  const color = values.color !== false && !values.output && io.isTTY && io.env.NO_COLOR === undefined;
  let text: string;
  if (format === 'html') {
    // The review report carries the findings: the same scan `mcp-audit scan` runs, with the project's config.
    const project = resolveProjectConfig(root, values['no-config'] ? false : values.config ? resolve(io.cwd, values.config as string) : undefined, Object.keys(rules));
    text = formatHtml(inv, await scan({ ...selection, project }));
  } else {
    text = format === 'json' ? formatInventoryJson(inv) : formatInventoryPretty(inv, { color });
  }
  if (values.output) writeFileSync(resolve(io.cwd, values.output as string), text);
  else io.stdout(text);
  for (const d of diagnostics) io.stderr(`mcp-audit: ${d.file ?? ''} [${d.kind}] ${d.message}\n`);
  return EXIT.CLEAN;
}

function render(report: ScanReport, format: string, color: boolean): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, rules);
  return formatPretty(report, { color });
}

function rulesCommand(args: string[], io: CliIO): number {
  const { values } = parse(args, { format: { type: 'string', short: 'f', default: 'pretty' } });
  const list = Object.entries(rules)
    .map(([id, r]) => ({
      id,
      severity: r.meta.mcpAudit.severity,
      language: r.meta.mcpAudit.language,
      description: r.meta.mcpAudit.description,
      docs: r.meta.docs?.url ?? '',
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (values.format === 'json') {
    io.stdout(JSON.stringify(list, null, 2) + '\n');
    return EXIT.CLEAN;
  }
  const w = Math.max(...list.map((r) => r.id.length));
  for (const r of list) io.stdout(`${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.description}\n${' '.repeat(w + 12)}${r.docs}\n`);
  io.stdout(`${list.length} rules\n`);
  return EXIT.CLEAN;
}
