import { isAbsolute, resolve } from 'node:path';
import { Linter } from 'eslint';
import { rules as allRules } from '../../rules/index.js';
import { languagesOf, pythonView, takeRecordedExtras, type McpRuleModule, type RecordedExtra, type RuleLanguage } from '../rule-kit/create-rule.js';
import { scrubSecrets } from '../rule-kit/mask.js';
import { scanForProviderSecrets } from '../rule-kit/secrets.js';
import plugin, { languageBase, PLUGIN_NAME } from '../plugin/index.js';
import { fastParser, parseAhead } from '../parser/index.js';
import { toRel, type DiscoveredFile } from './discover.js';
import { jsLanguageWithoutCodePaths, normalizedConfigs, recordingListeners } from './eslint-config.js';
import { FingerprintBuilder } from './fingerprint.js';
import { readText } from './read.js';
import { Prefilter } from './prefilter.js';
import type { ProjectConfig } from './project-config.js';
import { decideSeverity, type FileFacts } from './severity-policy.js';
import type { Diagnostic, Finding, HeldBack } from './types.js';

/** The CLI's own ESLint plugin: only its JS language. */
const CLI_PLUGIN = 'mcp-audit-cli';

/** One file to analyse. Plain data, so it can cross to a worker thread. */
export interface FileJob {
  abs: string;
  rel: string;
  lang: RuleLanguage;
  facts: FileFacts;
}

/** A file the prefilter kept: its text and the rules to run on it. Plain data. */
export interface LintJob extends FileJob {
  text: string;
  ruleIds: string[];
}

/** What analysing one file produced. Plain data. */
export interface FileResult {
  findings: Finding[];
  suppressed: Finding[];
  heldBack: Finding[];
  diagnostics: Diagnostic[];
  /** The prefilter selected rules for it and it went through the linter. */
  parsed: boolean;
}

/** Everything a thread needs to analyse files the same way as any other thread. */
export interface AnalyserInit {
  root: string;
  enabledRuleIds: string[];
  project: ProjectConfig;
  maxFileSize: number;
  /** Show findings the file-class policy holds back (one step lower) instead of holding them back. */
  showHeldBack?: boolean;
  /** No shortcuts that only save time (ScanOptions.exhaustive). */
  exhaustive?: boolean;
}

/** A JS file whose lines average more than this is a minified bundle: reported and skipped. */
const MINIFIED_AVG_LINE = 1000;

/** Reads and prefilters files (triage), lints the kept ones; one per thread (it owns an ESLint Linter and rule caches). */
export class FileAnalyser {
  private readonly runner: LintRunner;

  constructor(private readonly init: AnalyserInit) {
    const enabled = init.enabledRuleIds.map((id) => [id, allRules[id]] as [string, McpRuleModule]);
    this.runner = new LintRunner(init.root, enabled, init.showHeldBack === true, init.exhaustive === true);
  }

  /** Reads the file and asks the prefilter: a finished result (skipped, unreadable, no rule applies) or a LintJob. */
  triage(job: FileJob): { result: FileResult } | LintJob {
    const diagnostics: Diagnostic[] = [];
    const none = { result: { findings: [], suppressed: [], heldBack: [], diagnostics, parsed: false } };
    const text = readText(job, this.init.maxFileSize, diagnostics);
    if (text === null) return none;
    if (job.lang === 'js' && looksMinified(text)) {
      diagnostics.push({ file: job.rel, kind: 'minified', message: 'looks like a minified bundle; skipped' });
      return none;
    }
    const ruleIds = this.runner.select(job.lang, text);
    return ruleIds.length === 0 ? none : { ...job, text, ruleIds };
  }

  /** Triage, then lint when the prefilter keeps the file. */
  analyse(job: FileJob): FileResult {
    const t = this.triage(job);
    return 'result' in t ? t.result : this.lint(t);
  }

  lint(job: LintJob): FileResult {
    const diagnostics: Diagnostic[] = [];
    const file: DiscoveredFile = { abs: job.abs, rel: job.rel };
    const result = this.runner.lint(file, job.lang, job.text, job.ruleIds, job.facts, this.init.project, diagnostics);
    return {
      findings: result?.findings ?? [],
      suppressed: result?.suppressed ?? [],
      heldBack: result?.heldBack ?? [],
      diagnostics,
      parsed: result !== null,
    };
  }
}

function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > MINIFIED_AVG_LINE;
}


/**
 * Runs ESLint's Linter with the plugin's own language entries: one config per language with every enabled rule,
 * normalized once; which of them run on a file is ESLint's `ruleFilter`.
 */
class LintRunner {
  private readonly linter: Linter;
  private readonly prefilters = new Map<RuleLanguage, Prefilter>();
  private readonly configs = new Map<RuleLanguage, Linter.Config[] | null>();
  private readonly rulesById: Map<string, McpRuleModule>;

  constructor(
    private readonly root: string,
    enabled: Array<[string, McpRuleModule]>,
    private readonly showHeldBack: boolean,
    private readonly exhaustive: boolean,
  ) {
    this.linter = new Linter({ configType: 'flat', cwd: root });
    this.rulesById = new Map(enabled);
    for (const lang of ['js', 'config'] as const) {
      this.prefilters.set(lang, new Prefilter(enabled.filter(([, r]) => r.meta.mcpAudit.language === lang)));
    }
    // A rule's Python implementation has keywords of its own.
    const python = enabled.flatMap(([id, r]) => {
      const view = pythonView(r);
      return view ? [[id, view] as [string, McpRuleModule]] : [];
    });
    this.prefilters.set('python', new Prefilter(python));
  }

  private configFor(lang: RuleLanguage): Linter.Config[] | null {
    if (this.configs.has(lang)) return this.configs.get(lang)!;
    const base = languageBase(lang);
    const ids = [...this.rulesById].filter(([, r]) => languagesOf(r.meta.mcpAudit).includes(lang)).map(([id]) => id);
    const cfg = base
      ? normalizedConfigs(
          [
            {
              ...base,
              // The CLI parses with oxc where it can (same AST shapes, several times cheaper): src/parser; and
              // skips code-path analysis, which no rule uses, and scope analysis until a rule asks for a scope
              // (src/engine/eslint-config.ts).
              ...(lang === 'js'
                ? {
                    languageOptions: {
                      ...base.languageOptions,
                      parser: fastParser as Linter.Parser,
                      ...(jsLanguageWithoutCodePaths && !this.exhaustive ? { parserOptions: { deferScope: true } } : {}),
                    },
                  }
                : {}),
              ...(lang === 'js' && jsLanguageWithoutCodePaths
                ? {
                    plugins: {
                      ...base.plugins,
                      // the same rules, recording their listeners: the traversal visits only what they listen to
                      [PLUGIN_NAME]: { ...plugin, rules: recordingListeners(plugin.rules as never) },
                      [CLI_PLUGIN]: { languages: { js: jsLanguageWithoutCodePaths } },
                    },
                    language: `${CLI_PLUGIN}/js`,
                  }
                : {}),
              settings: { mcpAudit: { collect: true, showHeldBack: this.showHeldBack } },
              linterOptions: { reportUnusedDisableDirectives: 'off' },
              rules: Object.fromEntries(ids.map((id) => [`${PLUGIN_NAME}/${id}`, 'error'])),
            },
          ],
          this.root,
        )
      : null;
    this.configs.set(lang, cfg);
    return cfg;
  }

  /** Ids of the rules the prefilter keeps for this text (every rule of the language when exhaustive), sorted. */
  select(lang: RuleLanguage, text: string): string[] {
    if (this.exhaustive) return [...this.rulesById].filter(([, r]) => languagesOf(r.meta.mcpAudit).includes(lang)).map(([id]) => id).sort();
    return [...this.prefilters.get(lang)!.select(text)].sort();
  }

  /**
   * The prefilter's second stage: of the selected rules, those whose tree gate (if they have one) passes. The tree
   * is parsed only when some selected rule has a gate, and ESLint then lints that same tree.
   */
  private passGates(path: string, text: string, ids: string[]): string[] {
    const gates = ids.map((id) => this.rulesById.get(id)?.meta.mcpAudit.treeGate);
    if (!gates.some(Boolean)) return ids;
    const program = parseAhead(path, text);
    if (!program) return ids;
    return ids.filter((_, i) => {
      try {
        return gates[i]?.(program) ?? true;
      } catch {
        return true; // a gate that fails decides nothing: the rule runs
      }
    });
  }

  lint(
    file: DiscoveredFile,
    lang: RuleLanguage,
    text: string,
    ids: string[],
    facts: FileFacts,
    project: ProjectConfig,
    diagnostics: Diagnostic[],
  ): { findings: Finding[]; suppressed: Finding[]; heldBack: Finding[] } | null {
    const wanted = lang === 'js' && !this.exhaustive ? this.passGates(file.abs, text, ids) : ids;
    if (wanted.length === 0) return null;
    const config = this.configFor(lang);
    if (!config) return null;
    const run = new Set(wanted.map((id) => `${PLUGIN_NAME}/${id}`));
    let messages: Linter.LintMessage[];
    let suppressedMessages: Linter.SuppressedLintMessage[];
    try {
      // `ruleFilter` is a verify option of Linter (its JSDoc VerifyOptions) that ESLint's typings leave out.
      const ruleFilter = ({ ruleId }: { ruleId: string }) => run.has(ruleId);
      messages = this.linter.verify(text, config, { filename: file.abs, ruleFilter } as Linter.LintOptions);
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
      if (x.suppressed || x.heldBack) continue;
      const k = `${x.ruleId}|${x.line}|${x.column}|${x.messageId}`;
      byKey.set(k, [...(byKey.get(k) ?? []), x]);
    }
    const lines = text.split(/\r?\n/);
    const fp = new FingerprintBuilder();
    const convert = (m: Linter.LintMessage): Finding | null => {
      // A Python syntax error tree-sitter recovered from: the rest of the file was analysed (src/python/language.ts).
      if (!m.ruleId && !m.fatal && lang === 'python') {
        diagnostics.push({ file: file.rel, line: m.line, column: m.column, kind: 'parse-error', message: `${scrubSecrets(m.message, secrets)}; the rest of the file was analysed` });
        return null;
      }
      if (m.fatal || !m.ruleId) {
        if (m.fatal) {
          // typescript-estree reports parse-error columns 0-based (ESLint passes them through); ours are 1-based.
          // A parser that ran out of stack (5,000 levels of nesting) gives no position at all.
          const at = Number.isFinite(m.line) ? { line: m.line, column: lang === 'js' ? m.column + 1 : m.column } : {};
          // A parse error can quote the source (a duplicate key that is itself a token): no rule ran to report it.
          const quoted = scanForProviderSecrets(m.message).map((h) => h.secret);
          diagnostics.push({ file: file.rel, ...at, kind: 'parse-error', message: scrubSecrets(m.message, [...secrets, ...quoted]) });
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
        severity: decideSeverity(rule.meta.mcpAudit, extra?.severity, facts, override === 'off' ? undefined : override, extra?.classAction),
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
    // Reports an `mcp-audit-ignore` comment or the file-class policy kept from ESLint: rebuild them from what the
    // rule recorded.
    const heldBack: Finding[] = [];
    for (const x of extras) {
      const kept = x.suppressed ?? x.heldBack;
      if (!kept) continue;
      const key = `${x.ruleId}|${x.line}|${x.column}|${x.messageId}`;
      byKey.set(key, [x]);
      const f = convert({
        ruleId: `${PLUGIN_NAME}/${x.ruleId}`,
        messageId: x.messageId,
        message: kept.message,
        line: x.line,
        column: x.column,
        endLine: kept.endLine,
        endColumn: kept.endColumn,
        severity: 2,
      } as Linter.LintMessage);
      if (!f) continue;
      if (x.suppressed) suppressed.push({ ...f, suppressed: { kind: 'directive', justification: x.suppressed.justification } });
      else heldBack.push({ ...f, heldBack: { fileClass: x.fileClass as HeldBack['fileClass'], reason: x.heldBack!.reason } });
    }
    return { findings, suppressed, heldBack };
  }
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 300);
}

