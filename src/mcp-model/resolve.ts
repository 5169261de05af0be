// Resolving names to what they stand for, in the same module or one relative import away.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunctionLike, literalString, objectProperty, unwrap, type FunctionLike, type Node } from './ast.js';
import { localString, moduleIndex, type ModuleIndex } from './module-index.js';
import { importedModule } from './project.js';

/** A module as the model sees it: its AST, its symbol index and (when known) its absolute path. */
export interface ModuleCtx {
  ast: TSESTree.Program;
  index: ModuleIndex;
  file?: string;
}

/** The symbol index is built on first use (one AST walk, cached): files that bail out early never pay for it. */
export function moduleCtx(ast: TSESTree.Program, file?: string): ModuleCtx {
  return {
    ast,
    file,
    get index() {
      return moduleIndex(ast);
    },
  };
}

/** The module an imported identifier comes from (relative imports we can read) and the name it has there. */
function importTarget(ctx: ModuleCtx, name: string): { ctx: ModuleCtx; name: string } | null {
  const binding = ctx.index.imports.get(name);
  if (!binding) return null;
  const mod = importedModule(ctx.file, binding.source);
  return mod ? { ctx: { ast: mod.ast, index: mod.index, file: mod.path }, name: binding.imported } : null;
}

/** A function exported by a module under `name` ('default' included). */
function exportedFunction(ctx: ModuleCtx, name: string): FunctionLike | null {
  if (name === 'default') {
    const d = ctx.index.defaultExport && unwrap(ctx.index.defaultExport);
    if (!d) return null;
    if (isFunctionLike(d)) return d;
    return d.type === 'Identifier' ? (ctx.index.functions.get(d.name) ?? null) : null;
  }
  return ctx.index.functions.get(name) ?? null;
}

/** A static string: literal, same-file constant, constant-object member, or the same from a relative import. */
export function resolveString(ctx: ModuleCtx, node: Node | null | undefined): string | null {
  if (!node) return null;
  const local = localString(ctx.index, node);
  if (local !== null) return local;
  const n = unwrap(node);
  if (n.type === 'Identifier') {
    const target = importTarget(ctx, n.name);
    return target ? literalString(target.ctx.index.values.get(target.name)) : null;
  }
  if (n.type === 'MemberExpression' && n.object.type === 'Identifier' && !n.computed && n.property.type === 'Identifier') {
    const target = importTarget(ctx, n.object.name);
    if (!target) return null;
    // `import * as NAMES from './names.js'; NAMES.DELETE` or `import { NAMES } …; NAMES.DELETE`
    if (target.name === '*') return literalString(target.ctx.index.values.get(n.property.name));
    return literalString(objectProperty(target.ctx.index.values.get(target.name), n.property.name));
  }
  return null;
}

/** The value a name is initialised with (same module or a relative import), with the module it lives in. */
export function resolveValue(ctx: ModuleCtx, node: Node): { node: Node; ctx: ModuleCtx } | null {
  const n = unwrap(node);
  if (n.type !== 'Identifier') return { node: n, ctx };
  const local = ctx.index.values.get(n.name);
  if (local) return { node: unwrap(local), ctx };
  const fn = ctx.index.functions.get(n.name);
  if (fn) return { node: fn, ctx };
  const target = importTarget(ctx, n.name);
  if (!target) return null;
  const value =
    target.name === 'default'
      ? target.ctx.index.defaultExport
      : (target.ctx.index.values.get(target.name) ?? target.ctx.index.functions.get(target.name));
  return value ? { node: unwrap(value), ctx: target.ctx } : null;
}

/** A function a callee or callback expression refers to, with its module. */
export function resolveFunction(ctx: ModuleCtx, node: Node | null | undefined): { fn: FunctionLike; ctx: ModuleCtx } | null {
  if (!node) return null;
  const n = unwrap(node);
  if (isFunctionLike(n)) return { fn: n, ctx };
  if (n.type === 'Identifier') {
    const fn = ctx.index.functions.get(n.name);
    if (fn) return { fn, ctx };
    const target = importTarget(ctx, n.name);
    const imported = target && exportedFunction(target.ctx, target.name);
    return imported && target ? { fn: imported, ctx: target.ctx } : null;
  }
  if (n.type === 'MemberExpression' && n.object.type === 'Identifier' && !n.computed && n.property.type === 'Identifier') {
    // `ops.remove()` with `import * as ops from './ops.js'`.
    const ns = importTarget(ctx, n.object.name);
    if (ns?.name === '*') {
      const fn = exportedFunction(ns.ctx, n.property.name);
      return fn ? { fn, ctx: ns.ctx } : null;
    }
    // `helpers.deleteAll` where `helpers` is an object literal of functions.
    const obj = resolveValue(ctx, n.object);
    const member = obj ? objectProperty(obj.node, n.property.name) : null;
    return member && isFunctionLike(unwrap(member)) ? { fn: unwrap(member) as FunctionLike, ctx: obj!.ctx } : null;
  }
  return null;
}
