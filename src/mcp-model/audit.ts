// Audit trail: does a tool call leave a record of WHO called (the verified caller) and WHAT (the tool)? A record is a
// log write above debug level, an audit helper or an emitted event whose arguments carry the caller. It counts for one
// tool when it sits in that tool's call path (the handler and the helpers it calls), and for every tool when it sits
// in one place they all pass through and names the tool: the tools/call dispatch before its branches, HTTP middleware
// that reads the JSON-RPC body, a patched `registerTool`. DATA with examples (test/mcp-model/audit.test.ts).
import type { TSESTree } from '@typescript-eslint/types';
import { logKind } from '../rule-kit/sinks.js';
import { isSecretName, nameWords } from '../rule-kit/tables/auth-primitives.js';
import { calleeFunction } from './analysis.js';
import { calleeName, isFunctionLike, memberPath, nodesOf, unwrap, walk, type Node } from './ast.js';
import { localBinding } from './bindings.js';
import { resolveFunction, type ModuleCtx } from './resolve.js';
import { dispatchBranches, handlerModule, registrationsOf, type ToolRegistration } from './tools.js';

export interface CallerRead {
  id: string;
  /** Member path segments that hold the verified caller; a call is written `name()` (a RegExp matches one segment). */
  member: Array<string | RegExp>;
  example: string;
}

/**
 * Where code reads the verified caller: identity a gate established, never a header or a tool argument. The object
 * itself counts (an audit helper or a logger is given `authInfo` and picks the caller out), and so does any field of
 * it but the raw token: a log that carries the token is no-secret-logging's finding, not an audit record.
 */
export const CALLER_READS: readonly CallerRead[] = [
  { id: 'sdk-authInfo', member: ['authInfo'], example: "logger.info({ caller: extra.authInfo?.clientId, tool: 'delete_file', path });" },
  { id: 'express-auth', member: ['req', 'auth'], example: 'logger.info({ caller: req.auth.clientId, tool: req.body.params.name });' },
  { id: 'request-user', member: ['req', 'user'], example: 'logger.info({ user: req.user.id, tool: req.body.params.name });' },
  { id: 'agent-props', member: ['this', 'props'], example: 'console.log(`${this.props.login} deleted ${repo}`);' },
  { id: 'worker-ctx-props', member: ['ctx', 'props'], example: "console.info('refund', { user: ctx.props.email, orderId });" },
  { id: 'fastmcp-session', member: ['session'], example: "log.info('deploy', { user: context.session?.userId, service });" },
  { id: 'auth-context', member: [/^(getMcpAuthContext|getAuthContext|getAuthSession|getCurrentUser|currentUser)\(\)$/], example: "logger.info({ user: getMcpAuthContext()?.userId, tool: 'send_invoice' });" },
  { id: 'client-certificate', member: [/^getPeerCertificate\(\)$/], example: "logger.info({ operator: req.socket.getPeerCertificate().subject.CN, tool: 'drain' });" },
];

/** Fields of a verified identity that do not say who the caller is. */
const NOT_CALLER_FIELDS = new Set(['scopes', 'scope', 'expiresAt', 'expires_at', 'resource', 'headers']);

export type AuditVia = 'logger' | 'audit-helper' | 'event';

/** Log levels that are off in production by default: what is logged there is not kept. */
export const QUIET_LEVELS: readonly string[] = ['debug', 'trace', 'verbose', 'silly', 'dbg'];

/** Calls that hand an event to something that keeps it: analytics, event buses, activity stores. */
export const EVENT_CALLS: readonly string[] = ['emit', 'track', 'trackEvent', 'capture', 'publish', 'recordEvent', 'logEvent', 'recordActivity', 'logActivity', 'addEvent'];

/** Registration methods whose replacement wraps every tool registered after it. */
const REGISTRATION_METHODS = new Set(['registerTool', 'tool', 'addTool', 'setRequestHandler']);

/** How a call records an event, if it does: an audit helper (`audit(…)`, `auditLog.write`), a log write, an event. */
export function auditVia(call: TSESTree.CallExpression | TSESTree.NewExpression): AuditVia | null {
  if (call.type !== 'CallExpression') return null;
  const path = memberPath(call.callee) ?? [];
  if (path.some((seg) => nameWords(seg).includes('audit'))) return 'audit-helper';
  const name = calleeName(call.callee);
  if (!name) return null;
  if (logKind(call) === 'log') return QUIET_LEVELS.includes(name) || debugInstance(call.callee) ? null : 'logger';
  return EVENT_CALLS.includes(name) ? 'event' : null;
}

/** `const log = debug('files')`: a debug-package logger, silent unless DEBUG names it. */
function debugInstance(callee: Node): boolean {
  const c = unwrap(callee);
  const b = c.type === 'Identifier' ? localBinding(c) : null;
  const init = b?.kind === 'var' && b.init ? unwrap(b.init) : null;
  return init?.type === 'CallExpression' && QUIET_LEVELS.includes(calleeName(init.callee) ?? '');
}

function segmentMatches(want: string | RegExp, seg: string): boolean {
  return typeof want === 'string' ? want === seg : want.test(seg);
}

/** The caller a member path reads (`extra.authInfo.clientId` → 'authInfo.clientId'), or null (`authInfo.token`). */
export function callerPath(path: readonly string[]): string | null {
  for (const read of CALLER_READS) {
    const m = read.member.length;
    for (let i = path.length - m; i >= 0; i--) {
      if (!read.member.every((want, k) => segmentMatches(want, path[i + k]))) continue;
      const field = path[i + m];
      if (field === undefined) return path.slice(i, i + m).join('.');
      return isSecretName(field) || NOT_CALLER_FIELDS.has(field) ? null : path.slice(i, i + m + 1).join('.');
    }
  }
  return null;
}

/** Names that stand for the caller or the request context in the function being read (from its call site). */
interface Scope {
  /** Parameter → caller label (`user` given `this.props.login`). */
  callers: Map<string, string>;
  /** Parameters holding the request context (`extra`, fastmcp `context`): it holds the caller. */
  contexts: Set<string>;
  /** For a record meant to cover every tool: names that hold the tool's name (`name` of a patched registerTool). */
  toolNames?: Set<string>;
}

const MAX_TRACE = 4;

/** The caller an expression carries, if any (through `const` bindings and destructuring in the functions around it). */
function callerIn(node: Node, scope: Scope, depth = 0): string | null {
  let found: string | null = null;
  walk(node, (n) => {
    if (found) return false;
    if (isFunctionLike(n)) return false;
    // A static member path decides by itself (`authInfo.token` is not the caller, though `authInfo` is); a call is
    // the caller (`getMcpAuthContext()`) or passes it on in its arguments (`hash(authInfo.clientId)`).
    if (n.type === 'MemberExpression') {
      const path = memberPath(n);
      if (!path) return;
      found = callerPath(path) ?? scope.callers.get(path[0]) ?? null;
      return false;
    }
    if (n.type === 'CallExpression') {
      const path = memberPath(n);
      found = path && callerPath(path);
      return found ? false : undefined;
    }
    if (n.type === 'Property' && !n.computed && !n.shorthand) {
      found = callerIn(n.value, scope, depth);
      return false;
    }
    if (n.type !== 'Identifier') return;
    if (scope.callers.has(n.name)) found = scope.callers.get(n.name)!;
    else if (scope.contexts.has(n.name)) found = n.name;
    else if (depth < MAX_TRACE) found = boundCaller(n, scope, depth + 1);
  });
  return found;
}

/** The caller a local name was bound to: `const user = this.props.login`, `const { clientId } = extra.authInfo`. */
function boundCaller(id: TSESTree.Identifier, scope: Scope, depth: number): string | null {
  const b = localBinding(id);
  if (!b) return null;
  if (b.kind === 'param') return b.path.length > 0 ? callerPath(b.path) : null;
  if (!b.init) return null;
  const base = memberPath(b.init);
  if (base && b.path.length > 0) return callerPath([...base, ...b.path]);
  return b.path.length === 0 ? callerIn(b.init, scope, depth) : null;
}

/** Does an expression name the called tool: `request.params.name`, a name destructured from params, a wrapper's name? */
function namesTool(node: Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (n) => {
    if (found || isFunctionLike(n)) return false;
    if (n.type === 'MemberExpression') {
      const p = memberPath(n);
      if (p && p.length >= 2 && p[p.length - 2] === 'params' && p[p.length - 1] === 'name') found = true;
      if (!n.computed) {
        found ||= namesTool(n.object, names);
        return false;
      }
      return;
    }
    if (n.type !== 'Identifier') return;
    if (names.has(n.name)) found = true;
    const b = localBinding(n);
    if (b?.kind !== 'var' || !b.init) return;
    const base = memberPath(b.init);
    const full = base && [...base, ...b.path];
    if (full && full.length >= 2 && full[full.length - 2] === 'params' && full[full.length - 1] === 'name') found = true;
  });
  return found;
}

export interface AuditHit {
  node: Node;
  /** Absolute path when the record is in another module than the one analysed. */
  file?: string;
  via: AuditVia;
  /** What names the caller, e.g. `authInfo.clientId`. */
  caller: string;
  /** `tool`: in one tool's call path; `all`: in a place every tool call passes through. */
  scope: 'tool' | 'all';
}

/** The record a call makes, when it records the caller (and, for a record covering every tool, the tool). */
function recordAt(call: TSESTree.CallExpression | TSESTree.NewExpression, scope: Scope): { via: AuditVia; caller: string } | null {
  const via = auditVia(call);
  if (!via) return null;
  const args = call.arguments as Node[];
  let caller: string | null = null;
  for (const a of args) caller ??= callerIn(a, scope);
  if (!caller) return null;
  if (scope.toolNames && !args.some((a) => namesTool(a, scope.toolNames!))) return null;
  return { via, caller };
}

/** The record a call makes on its own (no caller passed in by a call site), if any: what the tables say about it. */
export function auditRecordAt(call: TSESTree.CallExpression): { via: AuditVia; caller: string } | null {
  return recordAt(call, { callers: new Map(), contexts: new Set() });
}

const MAX_DEPTH = 2;

/** The first record in `roots` or the functions they call (up to MAX_DEPTH levels), the caller followed into them. */
function findRecord(roots: Node[], ctx: ModuleCtx, origin: ModuleCtx, scope: Scope, skip: ReadonlySet<Node>, visited: Set<Node>, depth = 0): AuditHit | null {
  let hit: AuditHit | null = null;
  const file = ctx.file && ctx.file !== origin.file ? ctx.file : undefined;
  for (const root of roots) {
    walk(root, (n) => {
      if (hit || skip.has(n)) return false;
      if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
      const rec = recordAt(n, scope);
      if (rec) {
        hit = { node: n, file, ...rec, scope: scope.toolNames ? 'all' : 'tool' };
        return false;
      }
      if (depth >= MAX_DEPTH) return;
      const target = calleeFunction(ctx, n);
      if (!target || !target.fn.body || visited.has(target.fn)) return;
      visited.add(target.fn);
      const inner: Scope = { callers: new Map(), contexts: new Set(), toolNames: scope.toolNames && new Set() };
      target.fn.params.forEach((p, i) => {
        const arg = n.arguments[i];
        if (p.type !== 'Identifier' || !arg || arg.type === 'SpreadElement') return;
        const c = callerIn(arg, scope);
        if (c) inner.callers.set(p.name, c);
        if (scope.toolNames && namesTool(arg, scope.toolNames)) inner.toolNames!.add(p.name);
      });
      hit = findRecord([target.fn.body], target.ctx, origin, inner, new Set(), visited, depth + 1);
      if (hit) return false;
    });
    if (hit) return hit;
  }
  return hit;
}

const toolCache = new WeakMap<ToolRegistration, AuditHit | null>();

/** The record in one tool's call path (its handler, its dispatch branch, the helpers they call), if any. */
export function toolAuditRecord(reg: ToolRegistration, linted: ModuleCtx): AuditHit | null {
  if (toolCache.has(reg)) return toolCache.get(reg)!;
  let hit: AuditHit | null = null;
  const handler = reg.handler;
  if (handler?.body) {
    const module = handlerModule(reg) ?? linted;
    // The handler's second parameter is the request context (`extra`, fastmcp `context`).
    const ctxParam = handler.params[1];
    const scope: Scope = { callers: new Map(), contexts: new Set(ctxParam?.type === 'Identifier' ? [ctxParam.name] : []) };
    const roots = reg.caseBody ?? [...handler.params, handler.body];
    hit = findRecord(roots, module, linted, scope, new Set(), new Set([handler]));
  }
  toolCache.set(reg, hit);
  return hit;
}

const wrapperCache = new WeakMap<Node, AuditHit[]>();

/**
 * Records in a module that cover every tool: a record naming the called tool outside any one tool's dispatch branch
 * (tools/call dispatch, HTTP middleware reading the JSON-RPC body), and a replaced registration method
 * (`server.registerTool = (name, config, cb) => …`) that records the caller and the name it was given.
 */
export function moduleAuditWrappers(ctx: ModuleCtx, text: string): AuditHit[] {
  const known = wrapperCache.get(ctx.ast);
  if (known) return known;
  const out: AuditHit[] = [];
  const branches = new Set<Node>();
  for (const reg of registrationsOf(ctx, text)) if (reg.handler) for (const st of dispatchBranches(reg.handler)) branches.add(st);
  const inBranch = (n: Node): boolean => {
    for (let p: Node | undefined = n; p; p = p.parent) if (branches.has(p)) return true;
    return false;
  };
  const empty = (): Scope => ({ callers: new Map(), contexts: new Set(), toolNames: new Set() });
  for (const call of nodesOf(ctx.ast, 'CallExpression')) {
    const rec = recordAt(call, empty());
    if (rec && !inBranch(call)) out.push({ node: call, ...rec, scope: 'all' });
  }
  for (const assign of nodesOf(ctx.ast, 'AssignmentExpression')) {
    const target = memberPath(assign.left);
    if (!target || !REGISTRATION_METHODS.has(target[target.length - 1])) continue;
    const fn = resolveFunction(ctx, unwrap(assign.right));
    if (!fn?.fn.body) continue;
    const first = fn.fn.params[0];
    const scope: Scope = { ...empty(), toolNames: new Set(first?.type === 'Identifier' ? [first.name] : []) };
    const hit = findRecord([fn.fn.body], fn.ctx, ctx, scope, new Set(), new Set([fn.fn]));
    if (hit) out.push(hit);
  }
  wrapperCache.set(ctx.ast, out);
  return out;
}
