// What the transport-hardening rules share: the linted module's server model and how its server is gated.
import type { Rule } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import { reachability, type Reachability } from './reachability.js';
import { moduleCtx, type ModuleCtx } from './resolve.js';
import { ALL_INTERFACES, serverModel, type ListenFact, type ServerModel } from './server.js';

export interface Serving {
  ctx: ModuleCtx;
  model: ServerModel;
  /** Serves MCP over HTTP from this module. */
  http: boolean;
  /** Computed on first use: it may read other project files. */
  reach(): Reachability;
}

export function serving(context: Rule.RuleContext, program: TSESTree.Program): Serving {
  const filename = context.physicalFilename ?? context.filename;
  const ctx = moduleCtx(program, filename);
  const text = context.sourceCode.text;
  const model = serverModel(ctx, text);
  let reach: Reachability | undefined;
  return {
    ctx,
    model,
    http: model.transports.some((t) => t.kind !== 'stdio'),
    reach: () => (reach ??= reachability(ctx, text)),
  };
}

/** `listen(port)`, `listen(port, '0.0.0.0')`, `{ host: '::' }`: every interface. */
export function bindsAllInterfaces(l: ListenFact): boolean {
  return !l.hostUnknown && (l.host === null || ALL_INTERFACES.has(l.host));
}
