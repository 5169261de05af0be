// Names in a Python module and what they stand for: imports, top-level functions, classes and constants, and the
// assignments inside a function. One level of imports is followed into the project's own modules (project.ts).
import { child, childrenOf, memberPath, nodesOf, parameters, stringValue, unwrap, walk, type PyModule, type PyNode } from '../tree.js';
import { loadPythonModule, resolvePythonModule } from './project.js';

export interface PyImport {
  /** Dotted module as written, leading dots for relative imports (`.auth`, `mcp.server.fastmcp`). */
  module: string;
  /** The imported name (`from m import name`), or null for `import m` (the binding is the module). */
  name: string | null;
}

export interface PyIndex {
  imports: Map<string, PyImport>;
  /** Every module imported, as written (`fastmcp`, `mcp.server.fastmcp`, `.auth`). */
  importedModules: string[];
  functions: Map<string, PyNode>;
  classes: Map<string, PyNode>;
  /** Module-level `NAME = value` (the last assignment). */
  values: Map<string, PyNode>;
}

/** A module as the model sees it. */
export interface PyCtx {
  module: PyModule;
  /** Absolute path, when it is a file on disk. */
  file?: string;
  index: PyIndex;
}

const indexes = new WeakMap<PyModule, PyIndex>();

export function pyIndex(module: PyModule): PyIndex {
  const known = indexes.get(module);
  if (known) return known;
  const index: PyIndex = { imports: new Map(), importedModules: [], functions: new Map(), classes: new Map(), values: new Map() };
  for (const imp of nodesOf(module, 'import_statement', 'import_from_statement')) {
    if (imp.type === 'import_statement') {
      for (const n of imp.children) {
        const dotted = n.type === 'aliased_import' ? child(n, 'name') : n;
        const alias = n.type === 'aliased_import' ? child(n, 'alias')?.text : null;
        const name = dotted ? sourceText(module, dotted) : null;
        if (!name) continue;
        index.importedModules.push(name);
        // `import a.b` binds `a`; `import a.b as c` binds `c` to a.b
        index.imports.set(alias ?? name.split('.')[0], { module: alias ? name : name.split('.')[0], name: null });
      }
    } else {
      const from = child(imp, 'module_name');
      const mod = from ? sourceText(module, from) : '';
      index.importedModules.push(mod);
      for (const n of childrenOf(imp, 'name')) {
        const dotted = n.type === 'aliased_import' ? child(n, 'name') : n;
        const alias = n.type === 'aliased_import' ? child(n, 'alias')?.text : null;
        const name = dotted ? sourceText(module, dotted) : null;
        if (name) index.imports.set(alias ?? name, { module: mod, name });
      }
    }
  }
  for (const st of module.children) {
    const def = st.type === 'decorated_definition' ? child(st, 'definition') : st;
    if (def?.type === 'function_definition') {
      const name = child(def, 'name')?.text;
      if (name) index.functions.set(name, def);
    } else if (def?.type === 'class_definition') {
      const name = child(def, 'name')?.text;
      if (name) index.classes.set(name, def);
    } else if (st.type === 'expression_statement') {
      for (const a of st.children) {
        if (a.type !== 'assignment') continue;
        const left = child(a, 'left');
        const right = child(a, 'right');
        if (left?.type === 'identifier' && right) index.values.set(left.text!, right);
      }
    }
  }
  indexes.set(module, index);
  return index;
}

function sourceText(module: PyModule, node: PyNode): string {
  return module.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}

export function pyCtx(module: PyModule, file?: string): PyCtx {
  return {
    module,
    file,
    get index() {
      return pyIndex(module);
    },
  };
}

/** The full dotted name an imported binding stands for: `from fastmcp.server import dependencies as d` → d = `fastmcp.server.dependencies`. */
export function importedName(ctx: PyCtx, name: string): string | null {
  const imp = ctx.index.imports.get(name);
  if (!imp) return null;
  return imp.name ? `${imp.module}.${imp.name}` : imp.module;
}

/** Does the module import any of these packages (or a submodule of one)? */
export function importsAny(ctx: PyCtx, packages: readonly string[]): boolean {
  return ctx.index.importedModules.some((m) => packages.some((p) => m === p || m.startsWith(p + '.')));
}

/** The project module an import binding names, and the name inside it (null = the binding is the module itself). */
function importTarget(ctx: PyCtx, name: string): { ctx: PyCtx; name: string | null } | null {
  const imp = ctx.index.imports.get(name);
  if (!imp || !ctx.file) return null;
  // `from . import auth` / `from pkg import submodule`: the name may be a module of its own
  if (imp.name) {
    const sub = resolvePythonModule(ctx.file, imp.module.endsWith('.') ? imp.module + imp.name : `${imp.module}.${imp.name}`);
    const subModule = sub && loadPythonModule(sub);
    if (subModule) return { ctx: pyCtx(subModule, sub!), name: null };
  }
  const path = resolvePythonModule(ctx.file, imp.module);
  const module = path && loadPythonModule(path);
  return module ? { ctx: pyCtx(module, path!), name: imp.name } : null;
}

export interface Resolved {
  node: PyNode;
  ctx: PyCtx;
}

/** The `def` (or lambda) a name or dotted path calls: a nested or top-level function, a method, or an imported one. */
export function resolveFunction(ctx: PyCtx, callee: PyNode | null, depth = 0): Resolved | null {
  const n = unwrap(callee);
  if (!n || depth > 3) return null;
  if (n.type === 'lambda' || n.type === 'function_definition') return { node: n, ctx };
  if (n.type === 'identifier') {
    const name = n.text!;
    // a def nested in an enclosing function, then the module's own, then an import
    for (let p = n.parent; p; p = p.parent) {
      if (p.type !== 'function_definition' && p.type !== 'module') continue;
      const body = p.type === 'module' ? p : child(p, 'body');
      for (const st of body?.children ?? []) {
        const def = st.type === 'decorated_definition' ? child(st, 'definition') : st;
        if (def?.type === 'function_definition' && child(def, 'name')?.text === name) return { node: def, ctx };
      }
    }
    const value = ctx.index.values.get(name);
    if (value && unwrap(value)?.type === 'lambda') return { node: unwrap(value)!, ctx };
    const target = importTarget(ctx, name);
    if (target?.name) {
      const fn = target.ctx.index.functions.get(target.name);
      if (fn) return { node: fn, ctx: target.ctx };
    }
    return null;
  }
  if (n.type === 'attribute') {
    const object = unwrap(child(n, 'object'));
    const attr = child(n, 'attribute')?.text;
    if (!object || !attr) return null;
    if (object.type === 'identifier' && (object.text === 'self' || object.text === 'cls')) {
      const cls = enclosingClass(n);
      const method = cls && classMethod(cls, attr);
      return method ? { node: method, ctx } : null;
    }
    if (object.type === 'identifier') {
      // `auth.get_user_id(ctx)` with `from . import auth`, or a class's static method
      const target = importTarget(ctx, object.text!);
      if (target && target.name === null) {
        const fn = target.ctx.index.functions.get(attr);
        if (fn) return { node: fn, ctx: target.ctx };
      }
      const cls = ctx.index.classes.get(object.text!);
      const method = cls && classMethod(cls, attr);
      if (method) return { node: method, ctx };
    }
  }
  return null;
}

export function enclosingClass(node: PyNode): PyNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'class_definition') return p;
  return null;
}

/** A method of a class body by name. */
export function classMethod(cls: PyNode, name: string): PyNode | null {
  for (const st of child(cls, 'body')?.children ?? []) {
    const def = st.type === 'decorated_definition' ? child(st, 'definition') : st;
    if (def?.type === 'function_definition' && child(def, 'name')?.text === name) return def;
  }
  return null;
}

/** Base class names of a class (`class A(Middleware, Base)` → ['Middleware', 'Base']; dotted ones by last part). */
export function baseClasses(cls: PyNode): string[] {
  const list = child(cls, 'superclasses');
  return (list?.children ?? []).map((b) => memberPath(b)?.at(-1) ?? '').filter(Boolean);
}

/** A module-level constant, or one imported from a project module. */
export function resolveValue(ctx: PyCtx, node: PyNode | null, depth = 0): Resolved | null {
  const n = unwrap(node);
  if (!n || depth > 3) return null;
  if (n.type !== 'identifier') return { node: n, ctx };
  const local = localAssignments(n).at(-1);
  if (local) return resolveValue(ctx, local, depth + 1);
  const value = ctx.index.values.get(n.text!);
  if (value) return resolveValue(ctx, value, depth + 1);
  const target = importTarget(ctx, n.text!);
  const imported = target?.name ? target.ctx.index.values.get(target.name) : null;
  return imported ? resolveValue(target!.ctx, imported, depth + 1) : null;
}

/** A string literal, or a constant that holds one (same module or imported), or a class's (`Tools.STATUS`, enums). */
export function resolveString(ctx: PyCtx, node: PyNode | null): string | null {
  const direct = stringValue(node);
  if (direct !== null) return direct;
  const path = memberPath(node);
  if (path?.length === 2) {
    const cls = ctx.index.classes.get(path[0]);
    for (const st of (cls && child(cls, 'body')?.children) ?? []) {
      const a = st.type === 'expression_statement' ? st.children[0] : null;
      if (a?.type === 'assignment' && child(a, 'left')?.text === path[1]) return stringValue(child(a, 'right'));
    }
  }
  const v = resolveValue(ctx, node);
  return v && v.node !== unwrap(node) ? stringValue(v.node) : null;
}

/** The body statements of a def, or the expression of a lambda. */
export function functionBody(fn: PyNode): PyNode | null {
  return child(fn, 'body');
}

/** The statements of a function body, without nested defs and classes (their code runs elsewhere). */
export function walkOwn(fn: PyNode, visit: (n: PyNode) => void): void {
  const body = functionBody(fn);
  if (!body) return;
  walk(body, (n) => {
    if (n !== body && (n.type === 'function_definition' || n.type === 'class_definition')) return false;
    visit(n);
  });
}

/** Values assigned to the identifier's name in its function (or module), in source order, before or after it. */
export function localAssignments(id: PyNode): PyNode[] {
  const name = id.text!;
  let scope: PyNode | null = null;
  for (let p = id.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') {
      scope = p;
      break;
    }
  }
  const out: PyNode[] = [];
  const visit = (n: PyNode) => {
    if (n.type === 'assignment' || n.type === 'named_expression') {
      const left = child(n, n.type === 'assignment' ? 'left' : 'name');
      const right = child(n, n.type === 'assignment' ? 'right' : 'value');
      if (left?.type === 'identifier' && left.text === name && right) out.push(right);
    }
  };
  if (scope) walkOwn(scope, visit);
  return out;
}

/** The parameter of the enclosing function an identifier names, if it is one. */
export function parameterOf(id: PyNode): { fn: PyNode; index: number; param: ReturnType<typeof parameters>[number] } | null {
  if (id.type !== 'identifier') return null;
  for (let p = id.parent; p; p = p.parent) {
    if (p.type !== 'function_definition' && p.type !== 'lambda') continue;
    const params = parameters(p);
    const index = params.findIndex((x) => x.name === id.text);
    if (index >= 0 && localAssignments(id).length === 0) return { fn: p, index, param: params[index] };
    return null;
  }
  return null;
}

/** Return values of a def (its own `return x` statements) or the body of a lambda. */
export function returnedValues(fn: PyNode): PyNode[] {
  if (fn.type === 'lambda') return child(fn, 'body') ? [child(fn, 'body')!] : [];
  const out: PyNode[] = [];
  walkOwn(fn, (n) => {
    if (n.type === 'return_statement' && n.children[0]) out.push(n.children[0]);
  });
  return out;
}
