// What a registered Python handler does: the sinks it reaches and whether it consults the caller's identity,
// following calls into helpers (same module, `self.method`, or an imported project module) up to MAX_DEPTH levels.
import { child, walk, type PyNode } from '../tree.js';
import { authDependencies, DEPENDENCY_SIGNAL, pyIdentitySignal, type PyIdentitySignal } from './identity.js';
import { functionBody, resolveFunction, type PyCtx } from './scope.js';
import { matchPySink, type PySinkMatch } from './sinks.js';
import type { PyToolRegistration } from './tools.js';

const MAX_DEPTH = 2;

export interface PyLocated {
  node: PyNode;
  /** Absolute path when the node is in another module than the registration. */
  file?: string;
}

export interface PySinkHit extends PyLocated, PySinkMatch {}
export interface PyIdentityHit extends PyLocated {
  signal: PyIdentitySignal;
}

export interface PyHandlerFacts {
  sinks: PySinkHit[];
  identity: PyIdentityHit[];
}

const cache = new WeakMap<PyToolRegistration, PyHandlerFacts>();

/** Statements of every dispatch branch of a low-level handler (so one branch's analysis skips the others). */
function branchStatements(regs: readonly PyToolRegistration[], handler: PyNode): Set<PyNode> {
  return new Set(regs.filter((r) => r.handler === handler && r.caseBody).flatMap((r) => r.caseBody!));
}

/** Sinks and identity evidence of one registration (cached). `all` = the module's registrations. */
export function analyzePyRegistration(reg: PyToolRegistration, linted: PyCtx, all: readonly PyToolRegistration[]): PyHandlerFacts {
  const known = cache.get(reg);
  if (known) return known;
  const facts: PyHandlerFacts = { sinks: [], identity: [] };
  const visited = new Set<PyNode>();
  const scan = (roots: PyNode[], ctx: PyCtx, depth: number, skip: Set<PyNode>): void => {
    const file = ctx.file && ctx.file !== linted.file ? ctx.file : undefined;
    for (const root of roots) {
      walk(root, (n) => {
        if (skip.has(n)) return false;
        const signal = pyIdentitySignal(n);
        if (signal) facts.identity.push({ node: n, file, signal });
        if (n.type !== 'call') return;
        const sink = matchPySink(ctx, n);
        if (sink) facts.sinks.push({ node: n, file, ...sink });
        if (depth >= MAX_DEPTH) return;
        const target = resolveFunction(ctx, child(n, 'function'));
        const body = target && functionBody(target.node);
        if (target && body && !visited.has(target.node)) {
          visited.add(target.node);
          scan([body], target.ctx, depth + 1, new Set());
        }
      });
    }
  };
  const handler = reg.handler;
  const body = handler && functionBody(handler);
  if (handler && body) {
    visited.add(handler);
    for (const dep of authDependencies(handler)) facts.identity.push({ node: dep, signal: DEPENDENCY_SIGNAL });
    const file = reg.handlerCtx.file && reg.handlerCtx.file !== linted.file ? reg.handlerCtx.file : undefined;
    if (file) for (const hit of facts.identity) hit.file = file;
    if (reg.caseBody) {
      // This tool's branch, plus the handler's code outside every branch (a check before the dispatch).
      scan(reg.caseBody, reg.handlerCtx, 0, new Set());
      scan([body], reg.handlerCtx, 0, branchStatements(all, handler));
    } else {
      scan([body], reg.handlerCtx, 0, new Set());
    }
  }
  cache.set(reg, facts);
  return facts;
}
