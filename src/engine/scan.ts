import { isAbsolute, resolve } from 'node:path';
import { Linter } from 'eslint';
import picomatch from 'picomatch';
import { rules as allRules } from '../../rules/index.js';
import { takeRecordedExtras, type McpRuleModule, type RecordedExtra, type RuleLanguage } from '../rule-kit/create-rule.js';
import { scrubSecrets } from '../rule-kit/mask.js';
import { SEVERITIES, type Severity } from '../rule-kit/severity.js';
import { languageBase, PLUGIN_NAME } from '../plugin/index.js';
import { CONFIG_FILES, JS_FILES } from '../plugin/files.js';
import { VERSION } from '../version.js';
import { applyBaseline, type Baseline } from './baseline.js';
import { discoverFiles, toRel, type DiscoveredFile } from './discover.js';
import { FingerprintBuilder } from './fingerprint.js';
import { readText } from './read.js';
import { changedFiles, readGitStatus, type GitFileStatus } from './git.js';
import { selectChanged } from './changed.js';
import { Prefilter } from './prefilter.js';
import { resolveProjectConfig, type ProjectConfig } from './project-config.js';
import { decideSeverity, isTestPath, type FileFacts } from './severity-policy.js';
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
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** A JS file whose lines average more than this is a minified bundle: reported and skipped. */
const MINIFIED_AVG_LINE = 1000;

const LANGUAGES: Array<[RuleLanguage, string[]]> = [
  ['js', JS_FILES],
  ['config', CONFIG_FILES],
];

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
      languageGlobs: LANGUAGES.flatMap(([, g]) => g),
      include: options.include,
      exclude: [...(options.exclude ?? []), ...project.ignore],
    },
    diagnostics,
  );
  const files = options.changed
    ? selectChanged(discovered, new Set(changedFiles(root, options.changed === true ? undefined : options.changed).files))
    : discovered;

  // Git is asked once per scan, only for files of a language some rule's severity depends on.
  const gitLanguages = new Set(
    enabled.filter(([, r]) => r.meta.mcpAudit.severityFacts?.dependsOnGitTracking).map(([, r]) => r.meta.mcpAudit.language),
  );
  const fileLanguage = new Map<DiscoveredFile, RuleLanguage>();
  for (const f of files) {
    const lang = languageOf.find(([, m]) => m(f.rel))?.[0];
    // Only an explicitly named file can lack a language (e.g. a pre-commit hook passing every staged file): skip it.
    if (lang) fileLanguage.set(f, lang);
  }
  const gitStatus = readGitStatus(
    root,
    files.filter((f) => gitLanguages.has(fileLanguage.get(f)!)).map((f) => f.rel),
  );

  const engine = new LintRunner(root, enabled);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  let filesParsed = 0;
  let done = 0;
  for (const file of files) {
    options.onProgress?.(done++, files.length);
    const lang = fileLanguage.get(file);
    if (!lang) continue;
    const text = readText(file, maxFileSize, diagnostics);
    if (text === null) continue;
    if (lang === 'js' && looksMinified(text)) {
      diagnostics.push({ file: file.rel, kind: 'minified', message: 'looks like a minified bundle; skipped' });
      continue;
    }
    const facts: FileFacts = { isTestFile: isTestPath(file.rel), git: gitStatus.get(file.rel) ?? ('unknown' as GitFileStatus) };
    const result = engine.lint(file, lang, text, facts, project, diagnostics);
    if (!result) continue;
    filesParsed++;
    findings.push(...result.findings);
    suppressed.push(...result.suppressed);
  }

  if (options.baseline) {
    const { fresh, accepted } = applyBaseline(findings, options.baseline);
    findings.splice(0, findings.length, ...fresh);
    suppressed.push(...accepted);
  }
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  return {
    tool: { name: 'mcp-audit', version: VERSION },
    root,
    findings,
    suppressed,
    diagnostics,
    summary: {
      filesScanned: files.length,
      filesParsed,
      filesSkipped: files.length - filesParsed,
      findings: findings.length,
      suppressed: suppressed.length,
      bySeverity,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > MINIFIED_AVG_LINE;
}

/** Runs ESLint's Linter with the plugin's own language entries, one cached config per (language, rule set). */
class LintRunner {
  private readonly linter: Linter;
  private readonly prefilters = new Map<RuleLanguage, Prefilter>();
  private readonly configs = new Map<string, Linter.Config[]>();
  private readonly rulesById: Map<string, McpRuleModule>;

  constructor(
    private readonly root: string,
    enabled: Array<[string, McpRuleModule]>,
  ) {
    this.linter = new Linter({ configType: 'flat', cwd: root });
    this.rulesById = new Map(enabled);
    for (const lang of ['js', 'config'] as const) {
      this.prefilters.set(lang, new Prefilter(enabled.filter(([, r]) => r.meta.mcpAudit.language === lang)));
    }
  }

  private configFor(lang: RuleLanguage, ids: string[]): Linter.Config[] | null {
    const key = `${lang}:${ids.join(',')}`;
    let cfg = this.configs.get(key);
    if (!cfg) {
      const base = languageBase(lang);
      if (!base) return null;
      cfg = [
        {
          ...base,
          settings: { mcpAudit: { collect: true } },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          rules: Object.fromEntries(ids.map((id) => [`${PLUGIN_NAME}/${id}`, 'error'])),
        },
      ];
      this.configs.set(key, cfg);
    }
    return cfg;
  }

  lint(
    file: DiscoveredFile,
    lang: RuleLanguage,
    text: string,
    facts: FileFacts,
    project: ProjectConfig,
    diagnostics: Diagnostic[],
  ): { findings: Finding[]; suppressed: Finding[] } | null {
    const ids = [...this.prefilters.get(lang)!.select(text)].sort();
    if (ids.length === 0) return null;
    const config = this.configFor(lang, ids);
    if (!config) return null;
    let messages: Linter.LintMessage[];
    let suppressedMessages: Linter.SuppressedLintMessage[];
    try {
      messages = this.linter.verify(text, config, { filename: file.abs });
      suppressedMessages = (this.linter as Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages();
    } catch (e) {
      takeRecordedExtras(file.abs);
      diagnostics.push({ file: file.rel, kind: 'internal', message: `analysis failed: ${firstLine(e)}` });
      return null;
    }
    const extras = takeRecordedExtras(file.abs);
    const secrets = extras.flatMap((x) => (x.secret ? [x.secret] : []));
    const byKey = new Map<string, RecordedExtra[]>();
    for (const x of extras) {
      if (x.suppressed) continue;
      const k = `${x.ruleId}|${x.line}|${x.column}|${x.messageId}`;
      byKey.set(k, [...(byKey.get(k) ?? []), x]);
    }
    const lines = text.split(/\r?\n/);
    const fp = new FingerprintBuilder();
    const convert = (m: Linter.LintMessage): Finding | null => {
      if (m.fatal || !m.ruleId) {
        if (m.fatal) {
          // typescript-estree reports parse-error columns 0-based (ESLint passes them through); ours are 1-based.
          const column = lang === 'js' ? m.column + 1 : m.column;
          diagnostics.push({ file: file.rel, line: m.line, column, kind: 'parse-error', message: scrubSecrets(m.message, secrets) });
        }
        return null;
      }
      if (!m.ruleId.startsWith(`${PLUGIN_NAME}/`)) return null;
      const ruleId = m.ruleId.slice(PLUGIN_NAME.length + 1);
      const rule = this.rulesById.get(ruleId);
      if (!rule) return null;
      const extra = byKey.get(`${ruleId}|${m.line}|${m.column}|${m.messageId}`)?.shift();
      const override = project.rules[ruleId];
      const finding: Finding = {
        ruleId,
        severity: decideSeverity(rule.meta.mcpAudit, extra?.severity, facts, override === 'off' ? undefined : override),
        file: file.rel,
        line: m.line,
        column: m.column,
        ...(m.endLine !== undefined ? { endLine: m.endLine, endColumn: m.endColumn } : {}),
        message: scrubSecrets(m.message, secrets),
        ...(extra?.evidence ? { evidence: scrubSecrets(extra.evidence, secrets) } : {}),
        fingerprint: fp.make({
          ruleId,
          file: file.rel,
          messageId: m.messageId ?? '',
          key: extra?.fingerprintKey,
          secret: extra?.secret,
          lineText: lines[m.line - 1] ?? '',
        }),
      };
      if (extra?.related?.length) {
        finding.related = extra.related.map((r) => ({
          file: r.file ? toRel(this.root, isAbsolute(r.file) ? r.file : resolve(this.root, r.file)) : file.rel,
          line: r.line,
          column: r.column,
          ...(r.endLine !== undefined ? { endLine: r.endLine, endColumn: r.endColumn } : {}),
          message: scrubSecrets(r.message, secrets),
        }));
      }
      return finding;
    };
    const findings = messages.map(convert).filter((f): f is Finding => f !== null);
    const suppressed = suppressedMessages
      .map((m) => {
        const f = convert(m);
        if (f) f.suppressed = { kind: 'directive', justification: m.suppressions.find((s) => s.justification)?.justification || undefined };
        return f;
      })
      .filter((f): f is Finding => f !== null);
    // Reports an `mcp-audit-ignore` comment kept from ESLint: rebuild them from what the rule recorded.
    for (const x of extras) {
      if (!x.suppressed) continue;
      const key = `${x.ruleId}|${x.line}|${x.column}|${x.messageId}`;
      byKey.set(key, [x]);
      const f = convert({
        ruleId: `${PLUGIN_NAME}/${x.ruleId}`,
        messageId: x.messageId,
        message: x.suppressed.message,
        line: x.line,
        column: x.column,
        endLine: x.suppressed.endLine,
        endColumn: x.suppressed.endColumn,
        severity: 2,
      } as Linter.LintMessage);
      if (f) suppressed.push({ ...f, suppressed: { kind: 'directive', justification: x.suppressed.justification } });
    }
    return { findings, suppressed };
  }
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 300);
}

