// What a registered handler does: the sinks it reaches and whether it consults identity, following calls into
// helpers (same module, `this.method`, or a relative import) up to MAX_DEPTH levels.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunctionLike, unwrap, walk, type FunctionLike, type Node } from './ast.js';
import { identitySignal, type IdentitySignal } from './identity.js';
import { resolveFunction, type ModuleCtx } from './resolve.js';
import { matchSink, matchTaggedSql, type SinkMatch } from './sinks.js';
import { dispatchBranches, handlerModule, type ToolRegistration } from './tools.js';

const MAX_DEPTH = 2;

export interface Located {
  node: Node;
  /** Absolute path when the node is in another module than the registration. */
  file?: string;
}

export interface SinkHit extends Located, SinkMatch {}
export interface IdentityHit extends Located {
  signal: IdentitySignal;
}

export interface HandlerFacts {
  sinks: SinkHit[];
  identity: IdentityHit[];
}

const cache = new WeakMap<ToolRegistration, HandlerFacts>();

/** Sinks and identity evidence of one registration (cached). */
export function analyzeRegistration(reg: ToolRegistration, linted: ModuleCtx): HandlerFacts {
  const hit = cache.get(reg);
  if (hit) return hit;
  const facts: HandlerFacts = { sinks: [], identity: [] };
  const module = handlerModule(reg) ?? linted;
  const visited = new Set<Node>();
  const scan = (roots: Node[], ctx: ModuleCtx, depth: number, skip: Set<Node>): void => {
    const file = ctx.file && ctx.file !== linted.file ? ctx.file : undefined;
    for (const root of roots) {
      walk(root, (n) => {
        if (skip.has(n)) return false;
        const signal = identitySignal(n);
        if (signal) facts.identity.push({ node: n, file, signal });
        if (n.type === 'TaggedTemplateExpression') {
          const sql = matchTaggedSql(n);
          if (sql) facts.sinks.push({ node: n, file, ...sql });
        }
        if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
        const sink = matchSink(ctx, n);
        if (sink) facts.sinks.push({ node: n, file, ...sink });
        if (depth >= MAX_DEPTH) return;
        const target = calleeFunction(ctx, n);
        if (target && !visited.has(target.fn) && target.fn.body) {
          visited.add(target.fn);
          scan([target.fn.body], target.ctx, depth + 1, new Set());
        }
      });
    }
  };
  if (reg.handler?.body) {
    visited.add(reg.handler);
    // Parameters too: `async (args, { authInfo }) => …` consults identity in its signature.
    const whole = [...reg.handler.params, reg.handler.body];
    if (reg.caseBody) {
      // This tool's branch, plus the handler's code outside every dispatch branch (a check before the switch).
      scan(reg.caseBody, module, 0, new Set());
      scan(whole, module, 0, new Set(dispatchBranches(reg.handler)));
    } else {
      scan(whole, module, 0, new Set());
    }
  }
  cache.set(reg, facts);
  return facts;
}

/** A called function we can read: a same-module/imported function, an object-literal method, or `this.method()`. */
export function calleeFunction(ctx: ModuleCtx, call: TSESTree.CallExpression | TSESTree.NewExpression): { fn: FunctionLike; ctx: ModuleCtx } | null {
  const callee = unwrap(call.callee);
  if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && callee.property.type === 'Identifier') {
    const name = callee.property.name;
    for (let p: Node | undefined = call.parent; p; p = p.parent) {
      if (p.type !== 'ClassBody') continue;
      for (const m of p.body) {
        if ((m.type === 'MethodDefinition' || m.type === 'PropertyDefinition') && m.key.type === 'Identifier' && m.key.name === name) {
          const value = m.value && unwrap(m.value);
          if (isFunctionLike(value)) return { fn: value, ctx };
        }
      }
      break;
    }
    return null;
  }
  return resolveFunction(ctx, callee);
}
