import kleur from 'kleur';
import type { Inventory } from '../mcp-model/inventory.js';

export const INVENTORY_JSON_VERSION = 1;

/** Stable JSON (servers by root, tools in source order). */
export function formatInventoryJson(inventory: Inventory): string {
  return JSON.stringify({ version: INVENTORY_JSON_VERSION, ...inventory }, null, 2) + '\n';
}

const RISK_COLOR = { mutating: kleur.red, 'declared-destructive': kleur.yellow, 'read-only': kleur.green } as const;

/** Human output: one block per server, then a table of its tools. */
export function formatInventoryPretty(inventory: Inventory, opts: { color: boolean }): string {
  const previous = kleur.enabled;
  kleur.enabled = opts.color;
  try {
    if (inventory.servers.length === 0) return 'No MCP servers found.\n';
    const out: string[] = [];
    for (const s of inventory.servers) {
      out.push(kleur.bold().underline(s.root));
      out.push(`  transports   ${s.transports.join(', ') || 'none found'}`);
      for (const l of s.listens) {
        out.push(`  listens      ${l.host}:${l.port ?? '?'}${l.allInterfaces ? kleur.yellow(' (all interfaces)') : ''}  ${kleur.dim(`${l.file}:${l.line}`)}`);
      }
      out.push(`  auth         ${s.auth.join(', ') || 'none'}`);
      out.push(`  pattern      ${s.authPattern}${s.envCredentials.length ? kleur.dim(` (env: ${s.envCredentials.join(', ')})`) : ''}`);
      if (!s.credentials || !s.audit) out.push(kleur.dim('  credentials, audit: not read for Python servers yet'));
      else {
        out.push(`  credentials  ${s.credentials.posture.join(', ')}`);
        for (const m of s.credentials.mechanisms) out.push(`               ${m.kind}: ${m.detail}  ${kleur.dim(`${m.file}:${m.line}`)}`);
        if (s.audit.mutating > 0) {
          const gap = s.audit.required && s.audit.covered < s.audit.mutating;
          const count = `${s.audit.covered}/${s.audit.mutating} mutating tools record the caller`;
          out.push(`  audit        ${gap ? kleur.red(count) : count}${s.audit.required ? '' : kleur.dim(' (no authenticated callers to record)')}`);
          for (const w of s.audit.wrappers) out.push(`               every tool: ${w.via} with ${w.caller}  ${kleur.dim(`${w.file}:${w.line}`)}`);
        }
      }
      if (s.tools.length) {
        const rows = s.tools.map((t) => [
          t.name ?? '(dynamic)',
          t.kind,
          t.risk,
          t.identityChecked ? 'yes' : 'no',
          t.audit ? `${t.audit.file}:${t.audit.line}` : t.risk === 'read-only' ? '-' : 'no',
          t.sinks.map((k) => `${k.label} (${k.file}:${k.line})`).join('; ') || '-',
          `${t.file}:${t.line}`,
        ]);
        const head = ['name', 'kind', 'risk', 'identity', 'audit', 'sinks', 'where'];
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
        out.push(kleur.dim(line(head)));
        for (const r of rows) {
          const risk = RISK_COLOR[r[2] as keyof typeof RISK_COLOR](r[2].padEnd(widths[2]));
          const identity = r[3] === 'no' && r[2] === 'mutating' ? kleur.red(r[3].padEnd(widths[3])) : r[3].padEnd(widths[3]);
          out.push(('  ' + [r[0].padEnd(widths[0]), r[1].padEnd(widths[1]), risk, identity, r[4].padEnd(widths[4]), r[5].padEnd(widths[5]), kleur.dim(r[6])].join('  ')).trimEnd());
        }
      }
      out.push('');
    }
    return out.join('\n');
  } finally {
    kleur.enabled = previous;
  }
}
