// Auth posture of a server, as facts any language's model can produce: its tools (mutating or not, the gates in front
// of them, the audit record each leaves), the records that cover every tool, and how callers authenticate. The JS
// model fills them below from the shared MCP model; the two posture rules and the inventory read only the facts and
// the decisions at the end, so a Python model can feed the same facts.
import { existsSync, readFileSync } from 'node:fs';
import type { TSESTree } from '@typescript-eslint/types';
import { analyzeRegistration } from './analysis.js';
import { moduleAuditWrappers, toolAuditRecord, type AuditHit, type AuditVia } from './audit.js';
import type { Node } from './ast.js';
import { gateCredential, moduleCredentialChecks, type CredentialCheck, type CredentialKind, type StaticSecret } from './credentials.js';
import { parseModule, projectFiles, projectRoot, resolveRelative } from './project.js';
import type { ModuleCtx } from './resolve.js';
import { SERVER_MARKERS, serverModel, type AuthFact } from './server.js';
import type { SinkCategory } from './sinks.js';
import { REGISTRATION_MARKERS, registrationsOf } from './tools.js';

export type { CredentialKind } from './credentials.js';

/** A place in the scanned project: absolute file, 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AuditRecordFact {
  place: Place;
  via: AuditVia;
  /** What names the caller, e.g. `authInfo.clientId`. */
  caller: string;
  /** `tool`: in one tool's call path; `all`: in a place every tool call passes through. */
  scope: 'tool' | 'all';
}

export interface GateFact {
  /** The gate's shape, e.g. `bearer`, `middleware`, `fastmcp`. */
  kind: string;
  place: Place;
  /** What callers present to it; `unknown` when its checks cannot be read. */
  credentials: CredentialKind[];
}

export interface CredentialFact {
  kind: CredentialKind;
  place: Place;
  detail: string;
  secret?: StaticSecret;
}

export interface PostureTool {
  name: string | null;
  place: Place;
  /** A tool that changes something (reaches a sink) or says it may. */
  mutating: boolean;
  /** Declares itself read-only (`readOnlyHint: true`) and reaches no sink. */
  readOnly: boolean;
  /** Runs commands or code, pays, deploys or changes cloud resources. */
  highImpact: boolean;
  /** Reached over HTTP: by its own module's wiring, or else by its server's. */
  http: boolean;
  /** Enforced gates in front of it. */
  gates: GateFact[];
  audit: AuditRecordFact | null;
}

export interface ServerPosture {
  /** Every registration, in module order and then source order (the inventory lists them the same way). */
  tools: PostureTool[];
  /** Records every tool call passes through. */
  wrappers: AuditRecordFact[];
  gates: GateFact[];
  credentials: CredentialFact[];
}

// ---- Decisions (language-neutral) ----

/**
 * A tool owes an audit record when it changes something for callers a gate tells apart. Behind one shared token
 * there is no caller to record (no-shared-static-token says so); a key list, OAuth, per-user keys or certificates
 * name one.
 */
export function owesAudit(tool: PostureTool): boolean {
  return tool.mutating && tool.http && tool.gates.length > 0 && !tool.gates.every((g) => g.credentials.every((k) => k === 'shared-static-token'));
}

export function isAudited(posture: ServerPosture, tool: PostureTool): boolean {
  return tool.audit !== null || posture.wrappers.length > 0;
}

/** Unaudited tools that owe a record, grouped by the first gate in front of them (one finding per server). */
export function auditGaps(posture: ServerPosture): Array<{ gate: GateFact; tools: PostureTool[] }> {
  const byGate = new Map<string, { gate: GateFact; tools: PostureTool[] }>();
  for (const t of posture.tools) {
    if (!owesAudit(t) || isAudited(posture, t)) continue;
    const gate = t.gates[0];
    const key = `${gate.place.file}:${gate.place.line}:${gate.place.column}`;
    const entry = byGate.get(key) ?? { gate, tools: [] };
    entry.tools.push(t);
    byGate.set(key, entry);
  }
  return [...byGate.values()];
}

/** The server's credential kinds, or `none` when nothing checks callers. */
export function credentialPosture(posture: ServerPosture): Array<CredentialKind | 'none'> {
  const kinds = new Set<CredentialKind>([...posture.credentials.map((c) => c.kind), ...posture.gates.flatMap((g) => g.credentials)]);
  // A gate whose checks were read has a kind; `unknown` stays only for gates nothing could be read of.
  if (kinds.size > 1) kinds.delete('unknown');
  return kinds.size ? [...kinds].sort() : ['none'];
}

// ---- The JS model's facts ----

/** Sink categories that make an unaudited tool worth more than a low finding. */
const HIGH_IMPACT: ReadonlySet<SinkCategory> = new Set<SinkCategory>(['process-exec', 'code-eval', 'payment', 'deploy', 'cloud-mutation']);

export function placeOf(node: Node, file: string): Place {
  return { file, line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

function auditFact(hit: AuditHit, file: string): AuditRecordFact {
  return { place: placeOf(hit.node, hit.file ?? file), via: hit.via, caller: hit.caller, scope: hit.scope };
}

function credentialFact(check: CredentialCheck, file: string): CredentialFact {
  return { kind: check.kind, place: placeOf(check.node, check.file ?? file), detail: check.detail, ...(check.secret ? { secret: check.secret } : {}) };
}

export interface JsModule {
  ctx: ModuleCtx & { file: string };
  text: string;
}

/**
 * The posture facts of a server made of these modules (its package, or the folder the inventory was asked about).
 * `credentials: false` leaves out the credential checks no gate makes (the audit rule needs only the gates').
 */
export function jsServerPosture(mods: readonly JsModule[], options: { credentials?: boolean } = {}): ServerPosture {
  const models = mods.map((m) => serverModel(m.ctx, m.text));
  const gateCache = new Map<AuthFact, GateFact & { checks: CredentialCheck[] }>();
  const gatesOf = (i: number): Array<GateFact & { checks: CredentialCheck[] }> => [
    ...models[i].auth
      .filter((a) => a.enforced)
      .map((a) => {
        let g = gateCache.get(a);
        if (!g) {
          const { kinds, checks } = gateCredential(mods[i].ctx, a);
          g = { kind: a.kind, place: placeOf(a.node, mods[i].ctx.file), credentials: kinds, checks };
          gateCache.set(a, g);
        }
        return g;
      }),
    // A TLS server that requires client certificates authenticates every caller before any route runs.
    ...(mods[i].text.includes('requestCert') ? moduleCredentialChecks(mods[i].ctx) : [])
      .filter((c) => c.kind === 'mtls' && c.node.type === 'Property')
      .map((c) => ({ kind: 'mtls', place: placeOf(c.node, mods[i].ctx.file), credentials: ['mtls' as const], checks: [c] })),
  ];
  const tools: PostureTool[] = [];
  const linked = importLinks(mods);
  const wires = (k: number) => models[k].transports.length > 0 || models[k].auth.length > 0;
  mods.forEach((m, i) => {
    const regs = registrationsOf(m.ctx, m.text);
    if (regs.length === 0) return;
    // A module that wires its own transport is judged on its own wiring; a tool module on the wiring it is imported
    // with, or on the package's only one. A package of several servers (examples, a monorepo folder) does not put
    // every tool behind every gate.
    const others = models.map((_, k) => k).filter((k) => k !== i && wires(k));
    const connected = others.filter((k) => linked(i, k));
    const wiring = models[i].transports.length > 0 ? [i] : connected.length > 0 ? connected : others.filter((k) => models[k].transports.length > 0).length === 1 ? others : [];
    const http = wiring.some((k) => models[k].transports.some((t) => t.kind !== 'stdio'));
    const gates = wiring.flatMap(gatesOf).map(({ checks: _, ...g }) => g);
    for (const reg of regs) {
      const facts = analyzeRegistration(reg, m.ctx);
      const declared = reg.annotations.destructiveHint === true || reg.annotations.readOnlyHint === false;
      const hit = toolAuditRecord(reg, m.ctx);
      tools.push({
        name: reg.name,
        place: placeOf(reg.nameNode, m.ctx.file),
        mutating: reg.kind === 'tool' && (facts.sinks.length > 0 || declared),
        readOnly: reg.annotations.readOnlyHint === true && facts.sinks.length === 0,
        highImpact: reg.annotations.destructiveHint === true || facts.sinks.some((s) => HIGH_IMPACT.has(s.def.category)),
        http,
        gates,
        audit: hit && auditFact(hit, m.ctx.file),
      });
    }
  });
  const wrappers = mods.flatMap((m) => moduleAuditWrappers(m.ctx, m.text).map((h) => auditFact(h, m.ctx.file)));
  const allGates = mods.flatMap((_, i) => gatesOf(i));
  const seen = new Set<Node>();
  const credentials: CredentialFact[] = [];
  const add = (c: CredentialCheck, file: string) => {
    if (seen.has(c.node)) return;
    seen.add(c.node);
    credentials.push(credentialFact(c, file));
  };
  for (const g of allGates) for (const c of g.checks) add(c, g.place.file);
  if (options.credentials !== false) mods.forEach((m) => moduleCredentialChecks(m.ctx).forEach((c) => add(c, m.ctx.file)));
  return { tools, wrappers, gates: allGates.map(({ checks: _, ...g }) => g), credentials };
}

/**
 * Whether one of two modules imports the other, directly or through modules of the set: the wiring imports the tool
 * module, or the tool module imports the server it registers on. Two servers that share a helper stay apart.
 */
function importLinks(mods: readonly JsModule[]): (a: number, b: number) => boolean {
  const index = new Map(mods.map((m, i) => [m.ctx.file, i]));
  const imports = mods.map((m, i) => {
    const sources = [...m.ctx.index.importSources];
    for (const st of m.ctx.ast.body) if ((st.type === 'ExportAllDeclaration' || st.type === 'ExportNamedDeclaration') && st.source) sources.push(st.source.value);
    const out = new Set<number>();
    for (const spec of sources) {
      const k = index.get(resolveRelative(m.ctx.file, spec) ?? '');
      if (k !== undefined && k !== i) out.add(k);
    }
    return out;
  });
  const reach = new Map<number, Set<number>>();
  const reachable = (from: number): Set<number> => {
    let seen = reach.get(from);
    if (seen) return seen;
    seen = new Set();
    const stack = [from];
    while (stack.length) for (const k of imports[stack.pop()!]) if (!seen.has(k)) seen.add(k), stack.push(k);
    reach.set(from, seen);
    return seen;
  };
  return (a, b) => reachable(a).has(b) || reachable(b).has(a);
}

/** Text every module the posture reads contains: it serves, registers, or checks a credential. */
const POSTURE_MARKERS = [...SERVER_MARKERS, ...REGISTRATION_MARKERS];

const projectCache = new Map<string, { asts: Map<string, TSESTree.Program>; posture: ServerPosture }>();

/**
 * The posture of the server a linted file belongs to, for the rules (credentials only as its gates check them): its
 * package's modules read from disk, the linted file as the editor has it. A file not on disk (an editor buffer, a docs
 * example) is a server of its own.
 */
export function projectPosture(file: string, text: string): ServerPosture {
  const linted = parseModule(file, text);
  if (!linted) return { tools: [], wrappers: [], gates: [], credentials: [] };
  const self: JsModule = { ctx: { ast: linted.ast, index: linted.index, file }, text };
  if (!existsSync(file)) return jsServerPosture([self], { credentials: false });
  const root = projectRoot(file);
  const known = projectCache.get(root);
  if (known && known.asts.get(file) === linted.ast) return known.posture;
  const mods: JsModule[] = [];
  for (const path of projectFiles(root)) {
    if (path === file) {
      mods.push(self);
      continue;
    }
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    if (!POSTURE_MARKERS.some((m) => source.includes(m))) continue;
    const mod = parseModule(path, source);
    if (mod) mods.push({ ctx: { ast: mod.ast, index: mod.index, file: path }, text: source });
  }
  if (!mods.includes(self)) mods.push(self);
  const posture = jsServerPosture(mods, { credentials: false });
  projectCache.set(root, { asts: new Map(mods.map((m) => [m.ctx.file, m.ctx.ast])), posture });
  return posture;
}

export function clearPostureCache(): void {
  projectCache.clear();
}

// ---- The inventory's view ----

export interface InventoryAuditRecord {
  file: string;
  line: number;
  via: AuditVia;
  caller: string;
  scope: 'tool' | 'all';
}

export interface InventoryAudit {
  /** Callers a gate tells apart reach mutating tools over HTTP: who called what should be on record. */
  required: boolean;
  mutating: number;
  /** Mutating tools whose calls are recorded with the caller (in their own path, or by a wrapper). */
  covered: number;
  /** Records every tool call passes through. */
  wrappers: InventoryAuditRecord[];
}

export interface InventoryCredentials {
  /** How callers authenticate (`none`: nothing checks them). */
  posture: Array<CredentialKind | 'none'>;
  /** Where each kind is established; a static secret by name, never its value. */
  mechanisms: Array<{ kind: CredentialKind; file: string; line: number; detail: string }>;
}

/** The posture facts as the inventory reports them: paths relative to the server's root, one record per tool. */
export function inventoryPosture(
  posture: ServerPosture,
  rel: (file: string) => string,
): { audit: InventoryAudit; credentials: InventoryCredentials; toolAudits: Array<InventoryAuditRecord | null> } {
  const record = (r: AuditRecordFact): InventoryAuditRecord => ({ file: rel(r.place.file), line: r.place.line, via: r.via, caller: r.caller, scope: r.scope });
  const mutating = posture.tools.filter((t) => t.mutating);
  const seen = new Set<string>();
  const mechanisms = posture.credentials
    .map((c) => ({ kind: c.kind, file: rel(c.place.file), line: c.place.line, detail: c.detail }))
    .filter((m) => {
      const key = `${m.kind}|${m.file}|${m.detail}`;
      return !seen.has(key) && !!seen.add(key);
    });
  return {
    audit: {
      required: posture.tools.some(owesAudit),
      mutating: mutating.length,
      covered: mutating.filter((t) => isAudited(posture, t)).length,
      wrappers: posture.wrappers.map(record),
    },
    credentials: { posture: credentialPosture(posture), mechanisms },
    toolAudits: posture.tools.map((t) => (t.audit ? record(t.audit) : posture.wrappers[0] ? record(posture.wrappers[0]) : null)),
  };
}
