import type { Severity } from '../rule-kit/severity.js';

/** A location other than the finding's own, e.g. where an identity was read before it was used. */
export interface RelatedFindingLocation {
  /** Relative to the scan root, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface Suppression {
  kind: 'directive' | 'baseline';
  justification?: string;
}

/**
 * One finding. This shape is the JSON contract (docs/json-format.md): fields may be added, never renamed or
 * removed. `evidence` is always masked; no field ever carries a raw secret.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the scan root, `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  evidence?: string;
  /** Stable across edits that move the finding (no line numbers inside); never contains the secret. */
  fingerprint: string;
  related?: RelatedFindingLocation[];
  suppressed?: Suppression;
  /** Set on a finding the file-class policy held back: the file's class and why it has it. */
  heldBack?: HeldBack;
}

/** Why a finding was held back: its file is test, generated or vendored code (src/rule-kit/file-class.ts). */
export interface HeldBack {
  fileClass: 'test' | 'generated' | 'vendored';
  reason: string;
}

/** Something the scan could not do for a file (or at all): parse error, unreadable, too big, binary, symlink. */
export interface Diagnostic {
  /** Relative to the scan root when a file is concerned. */
  file?: string;
  line?: number;
  column?: number;
  kind: 'parse-error' | 'unreadable' | 'too-large' | 'binary' | 'minified' | 'symlink' | 'config' | 'internal' | 'unsupported-language';
  /** `unsupported-language`: the language of the files no rule read, and how many the scan met. */
  language?: string;
  count?: number;
  message: string;
}

export interface ScanSummary {
  filesScanned: number;
  filesParsed: number;
  filesSkipped: number;
  findings: number;
  suppressed: number;
  /** Findings held back by the file-class policy, per class (not counted for the exit code). */
  heldBack: { total: number; test: number; generated: number; vendored: number };
  bySeverity: Record<Severity, number>;
  durationMs: number;
}

export interface ScanReport {
  tool: { name: 'mcp-audit'; version: string };
  /** Absolute path of the scan root; finding paths are relative to it. */
  root: string;
  findings: Finding[];
  suppressed: Finding[];
  /** Findings in test, generated and vendored code: not shown by default (`--show-held-back` shows them). */
  heldBack: Finding[];
  diagnostics: Diagnostic[];
  summary: ScanSummary;
}
