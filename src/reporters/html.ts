// The review report: one self-contained HTML file a reviewer opens in a browser. Per server: transport and bind,
// auth pattern, credentials, audit trail, the tools with risk, identity check and audit record, and the findings.
// Everything in it is scanned-project data: escaped, with provider secrets masked; it loads nothing (a CSP forbids
// it) and runs no script.
import { basename, join, relative, sep } from 'node:path';
import type { Finding, ScanReport } from '../engine/types.js';
import type { Inventory, InventoryServer } from '../mcp-model/inventory.js';
import { scanForProviderSecrets } from '../rule-kit/secrets.js';
import { SEVERITIES, type Severity } from '../rule-kit/severity.js';
import { docsUrl } from '../rule-kit/create-rule.js';

/** Text from the scanned project, masked (provider key formats) and escaped for HTML. */
export function html(value: string | number | null | undefined): string {
  let s = String(value ?? '');
  // Replace from the end so earlier offsets stay valid.
  for (const hit of scanForProviderSecrets(s).reverse()) s = s.slice(0, hit.start) + hit.evidence + s.slice(hit.end);
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
:root { color-scheme: light; --line: #d8dde3; --muted: #5b6570; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-top: 8px; border-top: 2px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.totals { display: flex; gap: 8px; flex-wrap: wrap; padding: 0; margin: 8px 0 0; list-style: none; }
.totals li { padding: 2px 10px; border-radius: 12px; background: var(--bg); border: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.sev-critical { background: #8b0000; color: #fff; }
.sev-high { background: #d1242f; color: #fff; }
.sev-medium { background: #bf8700; color: #fff; }
.sev-low { background: #0969da; color: #fff; }
.sev-info { background: #6e7781; color: #fff; }
.risk-mutating { background: #ffebe9; color: #a40e26; }
.risk-declared-destructive { background: #fff8c5; color: #7d4e00; }
.risk-read-only { background: #dafbe1; color: #116329; }
.no { color: #a40e26; font-weight: 600; }
.yes { color: #116329; }
.warn { color: #a40e26; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;

function badge(cls: string, text: string): string {
  return `<span class="badge ${cls}">${html(text)}</span>`;
}

function where(file: string, line: number): string {
  return `<span class="mono">${html(file)}:${line}</span>`;
}

/** The server a finding's file belongs to: the deepest server root that holds it. */
function serverOf(servers: InventoryServer[], root: string, f: Finding): InventoryServer | null {
  const abs = join(root, f.file);
  let best: InventoryServer | null = null;
  for (const s of servers) if ((abs === s.root || abs.startsWith(s.root + sep)) && (!best || s.root.length > best.root.length)) best = s;
  return best;
}

/** Most severe first, then by place. */
function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.file.localeCompare(b.file) || a.line - b.line;
}

function findingsTable(findings: Finding[], base: (f: Finding) => string): string {
  if (findings.length === 0) return '<p class="empty">No findings.</p>';
  const rows = [...findings].sort(bySeverity).map(
    (f) =>
      `<tr data-rule="${html(f.ruleId)}"><td>${badge(`sev-${f.severity}`, f.severity)}</td><td><a href="${html(docsUrl(f.ruleId))}" rel="noreferrer">${html(f.ruleId)}</a></td>` +
      `<td>${where(base(f), f.line)}</td><td>${html(f.message)}${f.evidence ? ` <span class="mono muted">${html(f.evidence)}</span>` : ''}</td></tr>`,
  );
  return `<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>finding</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const NOT_READ = '<span class="muted">not read for Python servers yet</span>';

function auditSummary(s: InventoryServer): string {
  const a = s.audit;
  if (!a) return NOT_READ;
  if (a.mutating === 0) return '<span class="muted">no mutating tools</span>';
  const text = `${a.covered}/${a.mutating} mutating tools record the caller`;
  if (!a.required) return `${html(text)} <span class="muted">(no authenticated callers to record)</span>`;
  return a.covered < a.mutating ? `<span class="warn">${html(text)}</span>` : html(text);
}

function serverSection(s: InventoryServer, index: number, label: string, findings: Finding[], base: (f: Finding) => string): string {
  const listens = s.listens.length
    ? s.listens.map((l) => `${html(`${l.host}:${l.port ?? '?'}`)}${l.allInterfaces ? ' <span class="warn">(all interfaces)</span>' : ''} ${where(l.file, l.line)}`).join('<br>')
    : '<span class="muted">no listen found</span>';
  const mechanisms = (s.credentials?.mechanisms ?? []).map((m) => `<li>${badge('sev-info', m.kind)} ${html(m.detail)} ${where(m.file, m.line)}</li>`).join('');
  const wrappers = (s.audit?.wrappers ?? []).map((w) => `<li>every tool: ${html(w.via)} with <code>${html(w.caller)}</code> ${where(w.file, w.line)}</li>`).join('');
  const tools = s.tools.map((t) => {
    const audit = t.audit ? where(t.audit.file, t.audit.line) : t.risk === 'read-only' ? '<span class="muted">-</span>' : '<span class="no">no</span>';
    const identity = t.identityChecked ? '<span class="yes">yes</span>' : t.risk === 'read-only' ? 'no' : '<span class="no">no</span>';
    const sinks = t.sinks.map((k) => `${html(k.label)} ${where(k.file, k.line)}`).join('<br>') || '<span class="muted">-</span>';
    return `<tr data-tool="${html(t.name ?? '')}"><td><code>${html(t.name ?? '(dynamic name)')}</code></td><td>${html(t.kind)}</td><td>${badge(`risk-${t.risk}`, t.risk)}</td><td>${identity}</td><td>${audit}</td><td>${sinks}</td><td>${where(t.file, t.line)}</td></tr>`;
  });
  return `
<section class="server" id="server-${index}" data-server="${html(label)}">
<h2>${html(label)}</h2>
<dl class="facts">
<dt>transports</dt><dd>${html(s.transports.join(', ') || 'none found')}</dd>
<dt>listens</dt><dd>${listens}</dd>
<dt>auth gates</dt><dd>${html(s.auth.join(', ') || 'none')}</dd>
<dt>auth pattern</dt><dd>${html(s.authPattern)}${s.envCredentials.length ? ` <span class="muted">(server credentials from env: ${html(s.envCredentials.join(', '))})</span>` : ''}</dd>
<dt>credentials</dt><dd>${s.credentials ? html(s.credentials.posture.join(', ')) : NOT_READ}${mechanisms ? `<ul>${mechanisms}</ul>` : ''}</dd>
<dt>audit trail</dt><dd>${auditSummary(s)}${wrappers ? `<ul>${wrappers}</ul>` : ''}</dd>
</dl>
<h3>Tools, resources and prompts</h3>
${tools.length ? `<table class="tools"><thead><tr><th>name</th><th>kind</th><th>risk</th><th>identity check</th><th>audit record</th><th>sinks</th><th>where</th></tr></thead><tbody>${tools.join('')}</tbody></table>` : '<p class="empty">None registered.</p>'}
<h3>Findings</h3>
${findingsTable(findings, base)}
</section>`;
}

/** The whole report: a server overview, one section per server, findings outside any server, diagnostics. */
export function formatHtml(inventory: Inventory, report: ScanReport): string {
  const servers = inventory.servers;
  const byServer = new Map<InventoryServer | null, Finding[]>();
  for (const f of report.findings) {
    const s = serverOf(servers, report.root, f);
    byServer.set(s, [...(byServer.get(s) ?? []), f]);
  }
  const label = (s: InventoryServer) => relative(report.root, s.root).split(sep).join('/') || basename(s.root);
  // Paths inside a server's section are relative to the server, as in the inventory.
  const baseFor = (s: InventoryServer) => (f: Finding) => relative(s.root, join(report.root, f.file)).split(sep).join('/');
  const counts = SEVERITIES.map((sev: Severity) => [sev, report.summary.bySeverity[sev] ?? 0] as const).filter(([, n]) => n > 0);
  const overview = servers.map((s, i) => {
    const n = byServer.get(s)?.length ?? 0;
    const bind = s.listens.map((l) => `${html(`${l.host}:${l.port ?? '?'}`)}${l.allInterfaces ? ' <span class="warn">(all)</span>' : ''}`).join('<br>') || '<span class="muted">-</span>';
    return `<tr><td><a href="#server-${i}">${html(label(s))}</a></td><td>${html(s.transports.join(', ') || '-')}</td><td>${bind}</td><td>${html(s.authPattern)}</td><td>${s.credentials ? html(s.credentials.posture.join(', ')) : NOT_READ}</td><td>${auditSummary(s)}</td><td>${s.tools.length}</td><td>${n}</td></tr>`;
  });
  const others = byServer.get(null) ?? [];
  const diagnostics = report.diagnostics.map((d) => `<li><span class="mono">${html(d.file ?? '')}</span> [${html(d.kind)}] ${html(d.message)}</li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mcp-audit review: ${html(report.root)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>mcp-audit review</h1>
<p class="meta"><span class="mono">${html(report.root)}</span> · mcp-audit ${html(report.tool.version)} · ${report.summary.filesScanned} files scanned · ${servers.length} MCP server(s)</p>
<ul class="totals">${counts.length ? counts.map(([sev, n]) => `<li>${badge(`sev-${sev}`, sev)} ${n}</li>`).join('') : '<li>no findings</li>'}${report.summary.suppressed ? `<li>${report.summary.suppressed} suppressed</li>` : ''}</ul>
</header>
<section id="overview">
<h2>Servers</h2>
${servers.length ? `<table class="servers"><thead><tr><th>server</th><th>transport</th><th>listens</th><th>auth pattern</th><th>credentials</th><th>audit trail</th><th>tools</th><th>findings</th></tr></thead><tbody>${overview.join('')}</tbody></table>` : '<p class="empty">No MCP servers found.</p>'}
</section>
${servers.map((s, i) => serverSection(s, i, label(s), byServer.get(s) ?? [], baseFor(s))).join('\n')}
<section id="other-findings">
<h2>Other findings</h2>
<p class="muted">Client configs and files outside any server found.</p>
${findingsTable(others, (f) => f.file)}
</section>
${diagnostics.length ? `<section id="diagnostics"><h2>Diagnostics</h2><ul>${diagnostics.join('')}</ul></section>` : ''}
<footer>Generated by mcp-audit ${html(report.tool.version)}. Secrets are masked. This file loads nothing from the network and runs no script.</footer>
</main>
</body>
</html>
`;
}
