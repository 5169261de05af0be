// What the transport-hardening rules share: the linted module's server model and how its server is gated.
import { existsSync } from 'node:fs';
import type { Rule } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { listensOfLinked, reachability, type Reachability } from './reachability.js';
import { moduleCtx, type ModuleCtx } from './resolve.js';
import { CREDENTIAL_HEADERS } from '../rule-kit/tables/identity-headers.js';
import { walk, type Node } from './ast.js';
import { projectPosture } from './posture.js';
import { ALL_INTERFACES, LOCAL_HOSTS, isHeaderRead, serverModel, type ListenFact, type ServerModel } from './server.js';

export interface Serving {
  ctx: ModuleCtx;
  model: ServerModel;
  /** Serves MCP over HTTP from this module. */
  http: boolean;
  /** Computed on first use: it may read other project files. */
  reach(): Reachability;
  /** Where the server listens: this module's listen calls, or those of the modules linked to it by imports (read on first use). */
  listens(): ListenFact[];
}

export function serving(context: Rule.RuleContext, program: TSESTree.Program): Serving {
  const filename = context.physicalFilename ?? context.filename;
  const ctx = moduleCtx(program, filename);
  const text = context.sourceCode.text;
  const model = serverModel(ctx, text);
  let reach: Reachability | undefined;
  let listens: ListenFact[] | undefined;
  return {
    ctx,
    model,
    http: model.transports.some((t) => t.kind !== 'stdio'),
    reach: () => (reach ??= reachability(ctx, text)),
    // Files not on disk (editor buffers, virtual docs examples) have no project to read.
    listens: () => (listens ??= model.listens.length > 0 || !existsSync(filename) ? model.listens : listensOfLinked(filename)),
  };
}

/** A listen only this machine can reach (loopback), or one whose host comes from configuration. */
export function mayBeLocal(l: ListenFact): boolean {
  return !ephemeral(l) && (l.hostUnknown || (l.host !== null && LOCAL_HOSTS.has(l.host)));
}

/**
 * `listen(0, …)`: a port the OS picks for one run (test harnesses, free-port probes). No client is configured for
 * it and nobody can target it by address, so neither exposure rule counts it.
 */
function ephemeral(l: ListenFact): boolean {
  return l.port === '0';
}

/** `listen(port)`, `listen(port, '0.0.0.0')`, `{ host: '::' }`: every interface. */
export function bindsAllInterfaces(l: ListenFact): boolean {
  return !ephemeral(l) && !l.hostUnknown && (l.host === null || ALL_INTERFACES.has(l.host));
}

/** Why an open server exposes little: its tools only read, and each caller brings their own upstream credential. */
export interface PublicReadOnly {
  /** Read-only tools it serves. */
  tools: number;
  /** Line of the request code that takes the caller's credential. */
  credentialLine: number;
}

/**
 * A public read-only service: every tool its HTTP server serves declares itself read-only (`readOnlyHint: true`) and
 * reaches no sink, and the serving module takes each caller's own credential from the request (an API key or bearer
 * it hands on) instead of acting with one of its own. An anonymous caller then gets what the upstream gives anyone:
 * an open bind, CORS or a rebinding path exposes no one's data or rights. Reported as info, still listed.
 */
export function publicReadOnly(s: Serving, file: string, text: string): PublicReadOnly | null {
  const tools = projectPosture(file, text).tools.filter((t) => t.http);
  if (tools.length === 0 || !tools.every((t) => t.readOnly)) return null;
  const read = callerCredentialRead(s.ctx.ast);
  return read ? { tools: tools.length, credentialLine: read.loc.start.line } : null;
}

/** Where request code reads a credential header (`req.headers.authorization`, `req.headers['x-api-key']`, `c.req.header('authorization')`). */
function callerCredentialRead(program: TSESTree.Program): Node | null {
  let found: Node | null = null;
  walk(program, (n) => {
    if (found) return false;
    if ((n.type === 'MemberExpression' || n.type === 'CallExpression') && CREDENTIAL_HEADERS.some((h) => isHeaderRead(n, h))) found = n;
  });
  return found;
}
