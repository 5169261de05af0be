import type { Rule } from 'eslint';
import type { AST_NODE_TYPES, TSESTree } from '@typescript-eslint/types';
import type { Severity } from './severity.js';
import type { PyModule } from '../python/tree.js';
import { classifyCached, DEFAULT_CLASS_POLICY, type ClassAction, type FileClass } from './file-class.js';

export const DOCS_BASE = 'https://github.com/mcp-audit/mcp-audit/blob/main/docs/rules/';
export const docsUrl = (id: string): string => `${DOCS_BASE}${id}.md`;

/**
 * Which kind of file a rule reads. `js` = JS/TS source; `config` = MCP client config files (see config-language);
 * `python` = Python source, read by a rule's Python implementation (see `withPython`) beside its JS one.
 */
export type RuleLanguage = 'js' | 'config' | 'python';

/**
 * File-level facts the engine may know about a finding's file; a rule says which ones move its severity.
 * The decision itself lives in one place: src/engine/severity-policy.ts.
 */
export interface SeverityFacts {
  /** Findings in files git tracks are raised one step, in git-ignored files lowered one step. */
  dependsOnGitTracking?: boolean;
}

export interface McpAuditMeta {
  id: string;
  /** Default severity of a finding; a report may override it (e.g. by transport). */
  severity: Severity;
  language: RuleLanguage;
  /** One-line summary for `mcp-audit rules` and SARIF shortDescription. */
  description: string;
  /** CWE ids, e.g. ['CWE-798']. */
  cwe: string[];
  /** OWASP MCP Top 10 ids, e.g. ['MCP01']. */
  owasp: string[];
  /**
   * The prefilter: a file in which none of these occur is not given to this rule. A keyword is a lowercase
   * substring, `{ word }` (a whole word of a name as nameWords splits it: `mac` in `hubMac`, `X_MAC`, not in
   * `teamAccount`) or `{ all }` (every substring occurs). An empty list means "every file of the rule's language".
   */
  keywords: Keyword[];
  /**
   * Further groups of keywords, each of which must also occur (one of its keywords) for the rule to run:
   * `keywords: ['console', 'logger']`, `keywordsAlso: [['authorization', 'token']]` = a logging call AND a credential.
   */
  keywordsAlso?: Keyword[][];
  /**
   * An exact test on the text, asked (after the keywords) before any parse: false when the rule cannot report in
   * this file, because what every report starts from is not spelled in it (no `.listen(`, `serve(`, … call: no
   * public bind), in the case and shape the rule itself matches. Like the keywords, a superset wherever names are
   * spelled in the source; a meta test holds it to every place the rule reports.
   */
  textGate?: (text: string) => boolean;
  /**
   * The prefilter's second stage, on the parsed file: false when the rule cannot report in this tree, because the
   * node every one of its reports starts from is absent (no log call: no-secret-logging). Exact, not a guess: a
   * meta test holds it to every place the rule reports. The CLI asks it before linting, on the tree ESLint then
   * lints; a file that no rule wants after it is not linted at all. The ESLint plugin never needs it. The gate sees
   * oxc's bare tree: no `parent`, `range` or `loc`, and null where typescript-estree leaves a field undefined.
   */
  treeGate?: (program: TSESTree.Program) => boolean;
  severityFacts?: SeverityFacts;
  /** What a finding means in each file class, where the rule differs from DEFAULT_CLASS_POLICY (file-class.ts). */
  fileClasses?: Partial<Record<FileClass, ClassAction>>;
  /** The prefilter of the rule's Python implementation, when it has one (`withPython`): same semantics as above. */
  python?: { keywords: Keyword[]; keywordsAlso?: Keyword[][] };
}

export type Keyword = string | { word: string } | { all: string[] };

export interface RelatedLocation {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Absolute path; omitted = the finding's own file. */
  file?: string;
}

/** What a rule can say about a finding beyond ESLint's message. Carried to the engine by a side channel. */
export interface FindingExtra {
  severity?: Severity;
  /** Already masked (use maskSecret). Never a raw secret. */
  evidence?: string;
  /** The raw secret, so the engine can scrub it from every output and hash it into the fingerprint. Never emitted. */
  secret?: string;
  /** Stable identity of the finding inside its file, independent of line numbers. */
  fingerprintKey?: string;
  related?: RelatedLocation[];
  /**
   * File classes whose policy is `hold` in which this finding is still shown (one step lower): it means the same
   * there, e.g. a live provider key committed in a test is still a leak.
   */
  alsoIn?: FileClass[];
}

/** A related location at a node: ESTree's 0-based columns become the report's 1-based ones here, and only here. */
export function relatedAt(node: { loc: Loc }, message: string, file?: string): RelatedLocation {
  return {
    line: node.loc.start.line,
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column + 1,
    message,
    ...(file ? { file } : {}),
  };
}

export interface RecordedExtra extends FindingExtra {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  /** Set when an `mcp-audit-ignore` comment suppressed the report: ESLint never saw it, so the engine needs the rest. */
  suppressed?: { justification?: string; message: string; endLine: number; endColumn: number };
  /** The file's class and what the policy did with the finding there. */
  fileClass: FileClass;
  classAction: ClassAction;
  /** Set when the finding was held back (its file class): ESLint never saw it either. */
  heldBack?: { reason: string; message: string; endLine: number; endColumn: number };
}

type Loc = { start: { line: number; column: number }; end: { line: number; column: number } };

export type ReportDescriptor<MessageIds extends string> = FindingExtra & {
  messageId: MessageIds;
  data?: Record<string, string | number>;
} & ({ node: TSESTree.Node | TSESTree.Token; loc?: Loc } | { node?: undefined; loc: Loc });

export interface McpRuleContext<MessageIds extends string> {
  /** The underlying ESLint context (sourceCode, filename, settings, options). */
  eslint: Rule.RuleContext;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** Listeners typed with typescript-eslint's AST (what our parser produces), including `:exit` variants. */
export type McpRuleListener = {
  [T in AST_NODE_TYPES]?: (node: Extract<TSESTree.Node, { type: T }>) => void;
} & {
  [T in AST_NODE_TYPES as `${T}:exit`]?: (node: Extract<TSESTree.Node, { type: T }>) => void;
} & {
  /** Non-JS languages (MCP client configs) visit their own node types. */
  [selector: `Config${string}`]: ((node: never) => void) | undefined;
};

export interface McpRuleDefinition<MessageIds extends string> {
  meta: Omit<McpAuditMeta, 'id'> & {
    messages: Record<MessageIds, string>;
    type?: 'problem' | 'suggestion';
  };
  create(context: McpRuleContext<MessageIds>): McpRuleListener;
}

export type McpRuleModule = Rule.RuleModule & { meta: Rule.RuleMetaData & { mcpAudit: McpAuditMeta } };

/** The rule as the prefilter sees it on Python files (its Python implementation's keywords), or null without one. */
export function pythonView(rule: McpRuleModule): McpRuleModule | null {
  const python = rule.meta.mcpAudit.python;
  if (!python) return null;
  // the gates read JS/TS text and trees
  const mcpAudit = { ...rule.meta.mcpAudit, keywords: python.keywords, keywordsAlso: python.keywordsAlso, textGate: undefined, treeGate: undefined };
  return { ...rule, meta: { ...rule.meta, mcpAudit } };
}

/** The languages a rule reads: its own, and Python when it has a Python implementation. */
export function languagesOf(meta: McpAuditMeta): RuleLanguage[] {
  return meta.python ? [meta.language, 'python'] : [meta.language];
}

/**
 * Listeners of a Python implementation: Python rules are module-level analyses over the shared Python model, and
 * the Python language visits only the module (src/python/language.ts), so ESLint spends nothing per node.
 */
export interface PythonListener {
  module?: (node: PyModule) => void;
  'module:exit'?: (node: PyModule) => void;
}

/** A rule's Python implementation: its own prefilter keywords, messages and listener (see `withPython`). */
export interface PythonImplementation<MessageIds extends string> {
  keywords: Keyword[];
  keywordsAlso?: Keyword[][];
  /** Messages the Python side adds to the rule's (it may use the rule's own ids too; an id has one text). */
  messages?: Partial<Record<MessageIds, string>>;
  create(context: McpRuleContext<MessageIds>): PythonListener;
}

/**
 * Side channel from rules to the engine. ESLint's LintMessage keeps only the text; severity, masked evidence,
 * related locations and fingerprint keys travel here, keyed by file. Only recorded when the engine asks
 * (settings.mcpAudit.collect), so an editor session never accumulates anything.
 */
const recorded = new Map<string, RecordedExtra[]>();

export function takeRecordedExtras(filename: string): RecordedExtra[] {
  const list = recorded.get(filename) ?? [];
  recorded.delete(filename);
  return list;
}

function record(filename: string, extra: RecordedExtra): void {
  const list = recorded.get(filename);
  if (list) list.push(extra);
  else recorded.set(filename, [extra]);
}

/** ESLint's own message interpolation: `{{ name }}` replaced by data.name. */
function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}

interface IgnoreComments {
  match(ruleId: string, line: number): { justification?: string } | null;
}

/**
 * `mcp-audit-ignore <rule>[, <rule>…] -- reason` in a `//`, `/*` or `#` comment: on its own line it covers the next
 * line; after code, its own line. Works the same in the editor and the CLI (and in JSONC, YAML and TOML files).
 * Suppressed findings are still reported, as suppressed, by the CLI.
 */
const IGNORE = /(?:\/\/|\/\*|#)\s*mcp-audit-ignore(?:-next-line)?\s+([A-Za-z0-9/_\-, ]+?)\s*(?:--\s*(.*?))?\s*(?:\*\/)?\s*$/;

export function parseIgnoreComments(text: string): IgnoreComments {
  if (!text.includes('mcp-audit-ignore')) return { match: () => null };
  const byLine = new Map<number, { rules: string[]; justification?: string }>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, i) => {
    const m = IGNORE.exec(lineText);
    if (!m) return;
    const rules = m[1].split(/[\s,]+/).filter(Boolean).map((r) => r.replace(/^mcp-audit\//, ''));
    const own = lineText.slice(0, m.index).trim() === '';
    byLine.set(own ? i + 2 : i + 1, { rules, justification: m[2] || undefined });
  });
  return {
    match(ruleId, line) {
      const hit = byLine.get(line);
      return hit && (hit.rules.includes(ruleId) || hit.rules.includes('all')) ? { justification: hit.justification } : null;
    },
  };
}

interface McpAuditSettings {
  /** Set by the CLI engine: record what ESLint's messages cannot carry (the side channel above). */
  collect?: boolean;
  /** Show findings the file-class policy holds back (tests, generated, vendored code), one step lower. */
  showHeldBack?: boolean;
}

function settingsOf(context: Rule.RuleContext): McpAuditSettings {
  return (context.settings as { mcpAudit?: McpAuditSettings } | undefined)?.mcpAudit ?? {};
}

export function isCollecting(context: Rule.RuleContext): boolean {
  return settingsOf(context).collect === true;
}

/** The policy's action for a finding in a file of class `cls` (file-class.ts). */
export function classActionFor(meta: McpAuditMeta, cls: FileClass, alsoIn: FileClass[] | undefined, showHeldBack: boolean): ClassAction {
  const action = meta.fileClasses?.[cls] ?? DEFAULT_CLASS_POLICY[cls];
  if (action !== 'hold') return action;
  return showHeldBack || alsoIn?.includes(cls) ? 'lower' : 'hold';
}

/** The file's path relative to ESLint's working directory (the scan root in the CLI), with `/`. */
function relativeName(context: Rule.RuleContext, filename: string): string {
  const cwd = (context.cwd ?? '').replace(/\\/g, '/').replace(/\/$/, '');
  const name = filename.replace(/\\/g, '/');
  return cwd && name.startsWith(`${cwd}/`) ? name.slice(cwd.length + 1) : name;
}

export function createRule<MessageIds extends string>(
  id: string,
  def: McpRuleDefinition<MessageIds>,
): McpRuleModule {
  const { messages, type, ...rest } = def.meta;
  const mcpAudit: McpAuditMeta = { id, ...rest };
  return {
    meta: {
      type: type ?? 'problem',
      docs: { description: def.meta.description, url: docsUrl(id), recommended: true },
      messages,
      schema: [],
      mcpAudit,
    },
    create(context) {
      return def.create(mcpContext<MessageIds>(mcpAudit, messages, context)) as unknown as Rule.RuleListener;
    },
  };
}

/**
 * One rule id for one problem, in every language: `rule` (JS) with a Python implementation beside it. Each file
 * gets the implementation of its language; the report side (suppression comments, file classes, severity, evidence,
 * related locations, fingerprints) is the same code for both.
 */
export function withPython<MessageIds extends string>(rule: McpRuleModule, python: PythonImplementation<MessageIds>): McpRuleModule {
  const { id } = rule.meta.mcpAudit;
  const messages: Record<string, string> = { ...rule.meta.messages };
  for (const [messageId, text] of Object.entries(python.messages ?? {}) as Array<[string, string]>) {
    if (messages[messageId] !== undefined && messages[messageId] !== text) throw new Error(`${id}: message '${messageId}' has two texts`);
    messages[messageId] = text;
  }
  const mcpAudit: McpAuditMeta = { ...rule.meta.mcpAudit, python: { keywords: python.keywords, ...(python.keywordsAlso ? { keywordsAlso: python.keywordsAlso } : {}) } };
  return {
    meta: { ...rule.meta, messages, mcpAudit },
    create(context) {
      // The Python language's tree is a `module`; JS has a `Program`, configs a `ConfigDocument`.
      if ((context.sourceCode.ast as { type: string }).type !== 'module') return rule.create(context);
      return python.create(mcpContext<MessageIds>(mcpAudit, messages, context)) as unknown as Rule.RuleListener;
    },
  };
}

/** The context a rule implementation reports through: ESLint's, plus the side channel, file classes and `mcp-audit-ignore`. */
function mcpContext<MessageIds extends string>(mcpAudit: McpAuditMeta, messages: Record<string, string>, context: Rule.RuleContext): McpRuleContext<MessageIds> {
  const id = mcpAudit.id;
  const settings = settingsOf(context);
  const collect = settings.collect === true;
  const filename = context.physicalFilename ?? context.filename;
  let ignores: IgnoreComments | undefined;
  return {
    eslint: context,
    report(d) {
      const loc = d.loc ?? (d.node as { loc: Loc }).loc;
      ignores ??= parseIgnoreComments(context.sourceCode.text);
      const ignored = ignores.match(id, loc.start.line);
      const fileClass = classifyCached(filename, relativeName(context, filename), context.sourceCode.text);
      const classAction = classActionFor(mcpAudit, fileClass.cls, d.alsoIn, settings.showHeldBack === true);
      const held = classAction === 'hold';
      if (!ignored && !held) {
        context.report({
          ...(d.node ? { node: d.node as unknown as Rule.Node } : {}),
          ...(d.loc ? { loc: d.loc } : {}),
          messageId: d.messageId,
          data: d.data,
        } as Rule.ReportDescriptor);
      }
      if (!collect) return;
      record(filename, {
        ruleId: id,
        messageId: d.messageId,
        line: loc.start.line,
        column: loc.start.column + 1,
        severity: d.severity,
        evidence: d.evidence,
        secret: d.secret,
        fingerprintKey: d.fingerprintKey,
        related: d.related,
        fileClass: fileClass.cls,
        classAction,
        ...(ignored
          ? {
              suppressed: {
                justification: ignored.justification,
                message: interpolate(messages[d.messageId], d.data),
                endLine: loc.end.line,
                endColumn: loc.end.column + 1,
              },
            }
          : held
            ? {
                heldBack: {
                  reason: fileClass.reason,
                  message: interpolate(messages[d.messageId], d.data),
                  endLine: loc.end.line,
                  endColumn: loc.end.column + 1,
                },
              }
            : {}),
      });
    },
  };
}
