/** Severity levels, most severe first. The JSON contract uses these exact strings. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Higher number = more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

/** Move a severity by `steps` (positive = more severe), clamped to the scale. */
export function shiftSeverity(s: Severity, steps: number): Severity {
  const i = SEVERITIES.indexOf(s) - steps;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, Math.max(0, i))];
}

/** GitHub code scanning reads `security-severity` as a CVSS-like score. */
export const SECURITY_SEVERITY_SCORE: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.5',
};
