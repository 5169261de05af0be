import kleur from 'kleur';
import type { ScanReport } from '../engine/types.js';
import { SEVERITIES, type Severity } from '../rule-kit/severity.js';

export interface PrettyOptions {
  color: boolean;
}

const SEVERITY_COLOR: Record<Severity, (s: string) => string> = {
  critical: (s) => kleur.bold().magenta(s),
  high: (s) => kleur.red(s),
  medium: (s) => kleur.yellow(s),
  low: (s) => kleur.cyan(s),
  info: (s) => kleur.gray(s),
};

/** Human output: findings grouped by file, then diagnostics, then one summary line. */
export function formatPretty(report: ScanReport, opts: PrettyOptions): string {
  const previous = kleur.enabled;
  kleur.enabled = opts.color;
  try {
    const out: string[] = [];
    let current = '';
    for (const f of report.findings) {
      if (f.file !== current) {
        if (current) out.push('');
        current = f.file;
        out.push(kleur.underline(f.file));
      }
      const pos = kleur.dim(`${f.line}:${f.column}`.padEnd(8));
      const sev = SEVERITY_COLOR[f.severity](f.severity.padEnd(8));
      out.push(`  ${pos} ${sev} ${f.message}  ${kleur.dim(f.ruleId)}`);
      for (const r of f.related ?? []) {
        const where = r.file === f.file ? `${r.line}:${r.column}` : `${r.file}:${r.line}:${r.column}`;
        out.push(`  ${' '.repeat(17)} ${kleur.dim(`↳ ${where} ${r.message}`)}`);
      }
    }
    if (report.diagnostics.length) {
      if (out.length) out.push('');
      out.push(kleur.yellow(`${report.diagnostics.length} file(s) or path(s) could not be fully analysed:`));
      for (const d of report.diagnostics) {
        const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '(scan)';
        out.push(`  ${where}  ${kleur.dim(`[${d.kind}]`)} ${d.message}`);
      }
    }
    if (out.length) out.push('');
    out.push(summaryLine(report));
    return out.join('\n') + '\n';
  } finally {
    kleur.enabled = previous;
  }
}

function summaryLine(report: ScanReport): string {
  const s = report.summary;
  const files = `${s.filesScanned} file${s.filesScanned === 1 ? '' : 's'} scanned`;
  const time = `${(s.durationMs / 1000).toFixed(2)}s`;
  const sup = s.suppressed ? `, ${s.suppressed} suppressed` : '';
  const held = heldBackNote(s.heldBack);
  if (s.findings === 0) return kleur.green(`✔ no findings`) + kleur.dim(` (${files}${sup}, ${time})`) + held;
  const parts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => SEVERITY_COLOR[sev](`${s.bySeverity[sev]} ${sev}`));
  const inFiles = new Set(report.findings.map((f) => f.file)).size;
  return (
    kleur.bold(`✖ ${s.findings} finding${s.findings === 1 ? '' : 's'}`) +
    ` (${parts.join(', ')}) in ${inFiles} file${inFiles === 1 ? '' : 's'}` +
    kleur.dim(` · ${files}${sup} · ${time}`) +
    held
  );
}

/** Findings the file-class policy held back: how many, in which classes, and how to see them. */
function heldBackNote(h: ScanReport['summary']['heldBack']): string {
  if (h.total === 0) return '';
  const where = (['test', 'generated', 'vendored'] as const)
    .filter((c) => h[c] > 0)
    .map((c) => `${h[c]} in ${c} code`)
    .join(', ');
  return kleur.dim(`\n  ${h.total} held back (${where}): not deployed code; --show-held-back shows them`);
}
