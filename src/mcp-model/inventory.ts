// The inventory: per MCP server (one project root), how it is served, which of the four auth patterns it follows,
// and its tools with risk class, sinks and whether identity is checked. Pure data; rendering is in reporters.
import { relative, resolve, sep } from 'node:path';
import { isSecretName } from '../rule-kit/tables/auth-primitives.js';
import { memberPath, nodesOf } from './ast.js';
import { analyzeRegistration } from './analysis.js';
import { parseModule, projectRoot } from './project.js';
import type { ModuleCtx } from './resolve.js';
import { ALL_INTERFACES, serverModel, type AuthKind, type TransportKind } from './server.js';
import { inventoryPosture, jsServerPosture, type InventoryAudit, type InventoryAuditRecord, type InventoryCredentials } from './posture.js';
import { registrationsOf, type Framework, type RegistrationKind } from './tools.js';
import type { PyFramework } from '../python/model/tools.js';
import type { PyAuthKind } from '../python/model/server.js';

/**
 * The seeds' four patterns, plus `unauthenticated` for an HTTP server with neither a gate nor process trust.
 * process-trust: stdio, no stored credential · credential-from-env: a service credential, no caller identity ·
 * per-user-oauth: callers authenticate, no service credential · service-credential-user-context: both.
 */
export type AuthPattern = 'process-trust' | 'credential-from-env' | 'per-user-oauth' | 'service-credential-user-context' | 'unauthenticated';

export type RiskClass = 'mutating' | 'declared-destructive' | 'read-only';

export interface InventoryTool {
  name: string | null;
  kind: RegistrationKind;
  framework: Framework | PyFramework;
  file: string;
  line: number;
  risk: RiskClass;
  sinks: Array<{ label: string; category: string; file: string; line: number }>;
  identityChecked: boolean;
  /** Where the tool's calls are recorded with the caller: in its own path, or by a wrapper around every tool. */
  audit: InventoryAuditRecord | null;
}

export interface InventoryServer {
  root: string;
  transports: TransportKind[];
  listens: Array<{ host: string; port: string | null; allInterfaces: boolean; file: string; line: number }>;
  auth: Array<AuthKind | PyAuthKind>;
  envCredentials: string[];
  authPattern: AuthPattern;
  tools: InventoryTool[];
  /** Null where the posture is not read yet (Python servers). */
  audit: InventoryAudit | null;
  credentials: InventoryCredentials | null;
}

export interface Inventory {
  servers: InventoryServer[];
}

/** `process.env.GITHUB_TOKEN`, `env.STRIPE_SECRET_KEY`: credentials the server itself holds. */
function envCredentials(ctx: ModuleCtx): string[] {
  const out = new Set<string>();
  for (const n of nodesOf(ctx.ast, 'MemberExpression')) {
    const p = memberPath(n);
    if (p && p.length >= 2 && p[p.length - 2] === 'env' && isSecretName(p[p.length - 1])) out.add(p[p.length - 1]);
  }
  return [...out];
}

export function authPattern(http: boolean, gated: boolean, creds: boolean): AuthPattern {
  if (gated) return creds ? 'service-credential-user-context' : 'per-user-oauth';
  if (creds) return 'credential-from-env';
  return http ? 'unauthenticated' : 'process-trust';
}

/**
 * `files`: absolute paths and texts. `scanRoot`: the directory the user asked about; a server is a package (nearest
 * package.json), but never wider than that directory (a sample folder without its own package.json).
 */
export function buildInventory(files: Array<{ path: string; text: string }>, options: { scanRoot?: string } = {}): Inventory {
  const byRoot = new Map<string, Array<{ path: string; text: string; ctx: ModuleCtx }>>();
  const scanRoot = options.scanRoot && resolve(options.scanRoot);
  for (const f of files) {
    const mod = parseModule(f.path, f.text);
    if (!mod) continue;
    const ctx: ModuleCtx = { ast: mod.ast, index: mod.index, file: f.path };
    const pkg = projectRoot(f.path);
    const root = scanRoot && scanRoot.startsWith(pkg + sep) ? scanRoot : pkg;
    const list = byRoot.get(root) ?? [];
    list.push({ ...f, ctx });
    byRoot.set(root, list);
  }
  const servers: InventoryServer[] = [];
  for (const [root, mods] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = (p: string) => relative(root, p) || p;
    const models = mods.map((m) => ({ m, model: serverModel(m.ctx, m.text) }));
    const tools: InventoryTool[] = [];
    for (const m of mods) {
      for (const reg of registrationsOf(m.ctx, m.text)) {
        const facts = analyzeRegistration(reg, m.ctx);
        const risk: RiskClass = facts.sinks.length > 0 ? 'mutating' : reg.annotations.destructiveHint || reg.annotations.readOnlyHint === false ? 'declared-destructive' : 'read-only';
        tools.push({
          name: reg.name,
          kind: reg.kind,
          framework: reg.framework,
          file: rel(m.path),
          line: reg.nameNode.loc.start.line,
          risk,
          sinks: facts.sinks.map((s) => ({ label: s.label, category: s.def.category, file: rel(s.file ?? m.path), line: s.node.loc.start.line })),
          identityChecked: facts.identity.length > 0,
          audit: null,
        });
      }
    }
    const transports = [...new Set(models.flatMap(({ model }) => model.transports.map((t) => t.kind)))].sort();
    if (tools.length === 0 && transports.length === 0) continue;
    const auth = [...new Set(models.flatMap(({ model }) => model.auth.filter((a) => a.enforced).map((a) => a.kind)))].sort();
    const creds = [...new Set(mods.flatMap((m) => envCredentials(m.ctx)))].sort();
    // Posture facts list the same registrations in the same order.
    const posture = inventoryPosture(jsServerPosture(mods.map((m) => ({ ctx: { ...m.ctx, file: m.path }, text: m.text }))), rel);
    tools.forEach((t, i) => (t.audit = posture.toolAudits[i]));
    servers.push({
      root,
      transports,
      listens: models.flatMap(({ m, model }) =>
        model.listens.map((l) => ({
          host: l.host ?? (l.hostUnknown ? '(from configuration)' : '0.0.0.0'),
          port: l.port,
          allInterfaces: !l.hostUnknown && (l.host === null || ALL_INTERFACES.has(l.host)),
          file: rel(m.path),
          line: l.node.loc.start.line,
        })),
      ),
      auth,
      envCredentials: creds,
      authPattern: authPattern(transports.some((t) => t !== 'stdio'), auth.length > 0, creds.length > 0),
      tools,
      audit: posture.audit,
      credentials: posture.credentials,
    });
  }
  return { servers };
}
