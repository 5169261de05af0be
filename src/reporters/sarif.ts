import { pathToFileURL } from 'node:url';
import type { Finding, ScanReport } from '../engine/types.js';
import type { McpRuleModule } from '../rule-kit/create-rule.js';
import { SECURITY_SEVERITY_SCORE, type Severity } from '../rule-kit/severity.js';

/** SARIF `level` for each severity: the one place findings map to SARIF. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with metadata, help URI and `security-severity`; results with
 * partial fingerprints (stable across line moves), related locations, and in-source suppressions; diagnostics as
 * tool execution notifications.
 */
export function formatSarif(report: ScanReport, rules: Record<string, McpRuleModule>): string {
  const ids = Object.keys(rules).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: SRCROOT },
      region: {
        startLine: line,
        startColumn: column,
        ...(endLine !== undefined ? { endLine, endColumn } : {}),
      },
    },
  });
  const result = (f: Finding) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.line, f.column, f.endLine, f.endColumn)],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i + 1,
            ...location(r.file, r.line, r.column, r.endLine, r.endColumn),
            message: { text: r.message },
          })),
        }
      : {}),
    partialFingerprints: { 'mcpAudit/v1': f.fingerprint },
    properties: {
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY_SCORE[f.severity],
      ...(f.evidence ? { evidence: f.evidence } : {}),
    },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: f.suppressed.kind === 'directive' ? 'inSource' : 'external',
              ...(f.suppressed.justification ? { justification: f.suppressed.justification } : {}),
            },
          ],
        }
      : {}),
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-audit',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: 'https://github.com/mcp-audit/mcp-audit',
            rules: ids.map((id) => {
              const m = rules[id].meta.mcpAudit;
              const url = rules[id].meta.docs?.url;
              return {
                id,
                name: id,
                shortDescription: { text: m.description },
                fullDescription: { text: m.description },
                helpUri: url,
                help: { text: `${m.description}\nDocs: ${url}`, markdown: `${m.description}\n\n[Documentation](${url})` },
                defaultConfiguration: { level: LEVEL[m.severity] },
                properties: {
                  tags: ['security', ...m.cwe.map((c) => `external/cwe/${c.toLowerCase()}`), ...m.owasp.map((o) => `owasp-mcp/${o}`)],
                  'security-severity': SECURITY_SEVERITY_SCORE[m.severity],
                  precision: 'high',
                  'problem.severity': LEVEL[m.severity] === 'note' ? 'recommendation' : LEVEL[m.severity],
                },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root + '/').href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.diagnostics.map((d) => ({
              level: d.kind === 'internal' ? 'error' : 'warning',
              message: { text: `[${d.kind}] ${d.message}` },
              ...(d.file
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: encodeURI(d.file), uriBaseId: SRCROOT },
                          ...(d.line ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        results: [...report.findings, ...report.suppressed].map(result),
        // Findings in test, generated and vendored code are held back (README, "File classes"): counted, not listed.
        properties: { heldBack: report.summary.heldBack },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
