import type { McpAuditMeta } from '../rule-kit/create-rule.js';
import type { ClassAction } from '../rule-kit/file-class.js';
import { shiftSeverity, type Severity } from '../rule-kit/severity.js';

/** What the engine knows about a file, decided once per scan. */
export interface FileFacts {
  /** 'tracked' = git tracks it (checked in); 'ignored' = .gitignore'd; 'untracked' = neither; 'unknown' = no git. */
  git: 'tracked' | 'ignored' | 'untracked' | 'unknown';
}

/**
 * The one place a finding's final severity is decided.
 * Order: project override (replaces the rule's default) or the rule's per-finding severity or the rule default;
 * then the file class (file-class.ts: examples, and held-back classes when shown, are one step lower); then file
 * facts the rule declared it depends on.
 */
export function decideSeverity(
  meta: McpAuditMeta,
  reported: Severity | undefined,
  facts: FileFacts,
  override: Severity | undefined,
  classAction: ClassAction = 'report',
): Severity {
  let s: Severity = reported ?? meta.severity;
  if (override) {
    // An override moves the whole rule; a per-finding adjustment (e.g. stdio -> info) keeps its distance.
    const delta = severityDelta(meta.severity, s);
    s = shiftSeverity(override, delta);
  }
  if (classAction !== 'report') s = shiftSeverity(s, -1);
  if (meta.severityFacts?.dependsOnGitTracking) {
    if (facts.git === 'tracked') s = shiftSeverity(s, 1);
    else if (facts.git === 'ignored') s = shiftSeverity(s, -1);
  }
  return s;
}

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
function severityDelta(from: Severity, to: Severity): number {
  return ORDER.indexOf(to) - ORDER.indexOf(from);
}
