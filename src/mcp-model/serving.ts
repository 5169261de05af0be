// What the transport-hardening rules share: the linted module's server model and how its server is gated.
import { existsSync } from 'node:fs';
import type { Rule } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { listensOfLinked, reachability, type Reachability } from './reachability.js';
import { moduleCtx, type ModuleCtx } from './resolve.js';
import { ALL_INTERFACES, LOCAL_HOSTS, serverModel, type ListenFact, type ServerModel } from './server.js';

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
