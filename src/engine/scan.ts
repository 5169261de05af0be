import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import { rules as allRules } from '../../rules/index.js';
import type { RuleLanguage } from '../rule-kit/create-rule.js';
import { SEVERITIES, type Severity } from '../rule-kit/severity.js';
import { CONFIG_FILES, JS_FILES, PYTHON_FILES, UNREAD_SOURCE_FILES } from '../plugin/files.js';
import { VERSION } from '../version.js';
import { FileAnalyser, type AnalyserInit, type FileJob, type FileResult } from './analyse.js';
import { applyBaseline, type Baseline } from './baseline.js';
import { discoverFiles, toRel } from './discover.js';
import { fileCacheKey, projectKeys, ScanCache } from './cache.js';
import { readText } from './read.js';
import { findLockfile } from '../config-language/lockfile.js';
import { changedFiles, readGitStatus } from './git.js';
import { selectChanged } from './changed.js';
import { defaultThreadCount, LintHelpers, MIN_FILES_FOR_HELPERS, workerModuleUrl } from './pool.js';
import { resolveProjectConfig, type ProjectConfig } from './project-config.js';
import { createHash } from 'node:crypto';
import { loadPythonParser } from '../python/parser.js';
import { pythonProjectKeys } from '../python/model/project.js';
import { pythonImporters } from '../python/changed.js';
import type { Diagnostic, Finding, ScanReport } from './types.js';

export interface ScanOptions {
  /** Files or directories to scan; default the root. */
  paths?: string[];
  /** Finding paths are relative to it; `.mcp-audit.json` is read from it. Default: the current directory. */
  root?: string;
  include?: string[];
  exclude?: string[];
  /** Path of a project config; `false` = use none; default `<root>/.mcp-audit.json` when present. */
  configPath?: string | false;
  /** An already loaded project config (takes precedence over configPath). */
  project?: ProjectConfig;
  /** Bytes; larger files are reported and skipped. */
  maxFileSize?: number;
  /** Findings it lists are reported as suppressed (kind 'baseline'), not as findings. */
  baseline?: Baseline;
  /** Only files changed against this git base (`true` = merge base with the default branch), and their importers. */
  changed?: string | true;
  /** Called as files are analysed (for a progress display). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Re-use results for files whose content, facts and imported modules are unchanged since the last cached scan:
   * `true` = the default location (node_modules/.cache/mcp-audit, or .mcp-audit-cache without node_modules),
   * or a directory.
   */
  cache?: boolean | string;
  /**
   * Threads that analyse, this one included: 0 or 1 = this thread only; default = one per core when there are
   * enough files (and the engine runs from its build).
   */
  workers?: number;
  /** Show findings in test, generated and vendored code (one step lower) instead of holding them back. */
  showHeldBack?: boolean;
  /**
   * Every enabled rule on every file, with none of the shortcuts that only save time (keyword prefilter, tree gates,
   * deferred scope analysis). Slow; for tests that hold the shortcuts to the same findings.
   */
  exhaustive?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const LANGUAGES: Array<[RuleLanguage, string[]]> = [
  ['js', JS_FILES],
  ['config', CONFIG_FILES],
  ['python', PYTHON_FILES],
];
const UNREAD: Array<[string, string[]]> = UNREAD_SOURCE_FILES.map((u) => [u.language, u.globs]);

/** Scan files with every enabled rule. Throws ConfigError for an invalid project config (a usage error). */
export async function scan(options: ScanOptions = {}): Promise<ScanReport> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const project = options.project ?? resolveProjectConfig(root, options.configPath, Object.keys(allRules));
  const maxFileSize = options.maxFileSize ?? project.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;

  const enabled = Object.entries(allRules).filter(([id]) => project.rules[id] !== 'off');
  const diagnostics: Diagnostic[] = [];
  const languageOf = LANGUAGES.filter(([, globs]) => globs.length > 0).map(
    ([lang, globs]) => [lang, picomatch(globs, { dot: true })] as const,
  );
  const discovered = await discoverFiles(
    {
      root,
      paths: options.paths?.length ? options.paths : [root],
      languageGlobs: [...LANGUAGES, ...UNREAD].flatMap(([, g]) => g),
      include: options.include,
      exclude: [...(options.exclude ?? []), ...project.ignore],
    },
    diagnostics,
  );
  const changed = options.changed ? new Set(changedFiles(root, options.changed === true ? undefined : options.changed).files) : null;
  const picked = changed && new Set([...selectChanged(discovered, changed), ...pythonImporters(discovered, changed)]);
  const files = picked ? discovered.filter((f) => picked.has(f)) : discovered;

  // Git is asked once per scan, only for files of a language some rule's severity depends on.
  const gitLanguages = new Set(
    enabled.filter(([, r]) => r.meta.mcpAudit.severityFacts?.dependsOnGitTracking).map(([, r]) => r.meta.mcpAudit.language),
  );
  const jobs: FileJob[] = [];
  const unread = UNREAD.map(([language, globs]) => ({ language, globs, match: picomatch(globs, { dot: true }), count: 0 }));
  for (const f of files) {
    // Only an explicitly named file can lack a language (e.g. a pre-commit hook passing every staged file): skip it.
    const lang = languageOf.find(([, m]) => m(f.rel))?.[0];
    if (lang) jobs.push({ abs: f.abs, rel: f.rel, lang, facts: { git: 'unknown' } });
    else {
      const other = unread.find((u) => u.match(f.rel));
      if (other) other.count++;
    }
  }
  const unreadTotal = unread.reduce((n, u) => n + u.count, 0);
  // A source language no rule reads is said once, with its count: a tree of such files must not look clean.
  for (const u of unread) {
    if (u.count === 0) continue;
    const files = u.count === 1 ? 'file' : 'files';
    diagnostics.push({
      kind: 'unsupported-language',
      language: u.language,
      count: u.count,
      message: `${u.count} ${u.language} ${files} (${u.globs.join(', ')}) not analysed: mcp-audit does not read ${u.language} source; findings in ${u.count === 1 ? 'it' : 'them'}, if any, are not in this report`,
    });
  }
  const gitStatus = readGitStatus(root, jobs.filter((j) => gitLanguages.has(j.lang)).map((j) => j.rel));
  for (const j of jobs) j.facts.git = gitStatus.get(j.rel) ?? 'unknown';

  const showHeldBack = options.showHeldBack ?? project.showHeldBack ?? false;
  const init: AnalyserInit = { root, enabledRuleIds: enabled.map(([id]) => id), project, maxFileSize, showHeldBack, exhaustive: options.exhaustive };
  const cache = options.cache
    ? ScanCache.load(options.cache === true ? defaultCacheDir(root) : resolve(root, options.cache), {
        version: VERSION,
        rules: init.enabledRuleIds,
        overrides: project.rules,
        maxFileSize,
        showHeldBack,
      })
    : undefined;
  // With a cache, files are read here once to key them; only the misses are analysed.
  const results: FileResult[] = new Array(jobs.length);
  const pending: number[] = [];
  const keys: string[] = [];
  if (cache) {
    const readImport = memoRead(root);
    const projectKey = projectKeys((abs) => readImport(toRel(root, abs)));
    const pythonKey = pythonProjectKeys((abs) => readImport(toRel(root, abs)), (s) => createHash('sha256').update(s).digest('hex'));
    jobs.forEach((job, i) => {
      const diags: Diagnostic[] = [];
      const text = readText(job, maxFileSize, diags);
      if (text === null) {
        results[i] = { findings: [], suppressed: [], heldBack: [], diagnostics: diags, parsed: false };
        return;
      }
      const project = job.lang === 'python' ? pythonKey(job.abs) : projectPart(job, root, projectKey);
      keys[i] = fileCacheKey(job.rel, text, job.facts, readImport, project);
      const hit = cache.get(job.rel, keys[i]);
      if (hit) results[i] = hit;
      else pending.push(i);
    });
  } else jobs.forEach((_, i) => pending.push(i));

  const fresh = await analyseJobs(
    pending.map((i) => jobs[i]),
    init,
    options.workers,
    options.onProgress,
  );
  pending.forEach((jobIndex, k) => {
    results[jobIndex] = fresh[k];
    cache?.set(jobs[jobIndex].rel, keys[jobIndex], fresh[k]);
  });
  // A partial scan (--changed, explicit paths) must not shrink the cache to the files it saw.
  if (cache && !options.changed && !options.paths?.some((p) => resolve(p) !== root)) cache.save();

  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const heldBack: Finding[] = [];
  let filesParsed = 0;
  for (const r of results) {
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
    heldBack.push(...r.heldBack);
    diagnostics.push(...r.diagnostics);
    if (r.parsed) filesParsed++;
  }

  if (options.baseline) {
    const { fresh, accepted } = applyBaseline(findings, options.baseline);
    findings.splice(0, findings.length, ...fresh);
    suppressed.push(...accepted);
  }
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  heldBack.sort(compareFindings);
  const heldBackCounts = { total: heldBack.length, test: 0, generated: 0, vendored: 0 };
  for (const f of heldBack) heldBackCounts[f.heldBack!.fileClass]++;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    tool: { name: 'mcp-audit', version: VERSION },
    root,
    findings,
    suppressed,
    heldBack,
    diagnostics,
    summary: {
      filesScanned: files.length - unreadTotal,
      filesParsed,
      filesSkipped: files.length - unreadTotal - filesParsed,
      findings: findings.length,
      suppressed: suppressed.length,
      heldBack: heldBackCounts,
      bySeverity,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}


/**
 * Reads, prefilters and lints every file: on this thread alone, or, for a project big enough to pay for their
 * start-up (or when `--workers` asks), joined by helper threads (one per further core) that load while this thread
 * starts on the queue, and then take batches from it as they free up.
 */
async function analyseJobs(
  jobs: FileJob[],
  init: AnalyserInit,
  workers: number | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<FileResult[]> {
  // The Python parser is WebAssembly, loaded asynchronously and only for a scan that has Python to read.
  if (jobs.some((j) => j.lang === 'python')) await loadPythonParser();
  const threads = workers ?? defaultThreadCount();
  const sources = jobs.filter((j) => j.lang === 'js').length;
  const wanted = threads > 1 && jobs.length > 0 && (workers !== undefined || sources >= MIN_FILES_FOR_HELPERS);
  const helpers = wanted && workerModuleUrl() ? new LintHelpers(threads - 1, init) : null;
  const analyser = new FileAnalyser(init);
  const progress = onProgress && ((done: number) => onProgress(done, jobs.length));
  try {
    return helpers
      ? await helpers.analyse(jobs, (job) => analyser.analyse(job), progress)
      : jobs.map((job, k) => {
          progress?.(k);
          return analyser.analyse(job);
        });
  } finally {
    await helpers?.close();
  }
}

/**
 * What besides its own text a file's findings depend on: a JS module's project (its tools are judged by how the
 * project serves), and a package.json's project and lockfile (vulnerable-mcp-package: the version installed, and
 * which advisories the source reaches).
 */
function projectPart(job: FileJob, root: string, projectKey: (abs: string) => string): string {
  if (job.lang === 'js') return projectKey(job.abs);
  if (!/(^|\/)package\.json$/.test(job.rel)) return '';
  const lock = findLockfile(job.abs, root);
  return `${projectKey(job.abs)}\0${lock ? `${lock.path}\0${lock.text}` : ''}`;
}

function defaultCacheDir(root: string): string {
  return existsSync(resolve(root, 'node_modules')) ? resolve(root, 'node_modules/.cache/mcp-audit') : resolve(root, '.mcp-audit-cache');
}

/** Texts of root-relative paths, read at most once per scan; null for missing files and paths outside the root. */
function memoRead(root: string): (rel: string) => string | null {
  const texts = new Map<string, string | null>();
  return (rel) => {
    let text = texts.get(rel);
    if (text === undefined) {
      text = null;
      if (!rel.startsWith('../') && rel !== '..' && !isAbsolute(rel)) {
        try {
          text = readFileSync(resolve(root, rel), 'utf8');
        } catch {
          /* missing, a directory, or unreadable */
        }
      }
      texts.set(rel, text);
    }
    return text;
  };
}
