import type { ScanReport } from '../engine/types.js';

/**
 * The JSON contract (docs/json-format.md). `schemaVersion` changes only on a breaking change; fields are added,
 * never renamed or removed within a version.
 */
export const JSON_SCHEMA_VERSION = 1;

export function formatJson(report: ScanReport): string {
  return (
    JSON.stringify(
      {
        schemaVersion: JSON_SCHEMA_VERSION,
        tool: report.tool,
        root: report.root,
        summary: report.summary,
        findings: report.findings,
        suppressed: report.suppressed,
        heldBack: report.heldBack,
        diagnostics: report.diagnostics,
      },
      null,
      2,
    ) + '\n'
  );
}
