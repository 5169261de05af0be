import type { Scope, SourceCode } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';

/**
 * Same-file data flow for rules that ask "where did this value come from?". It follows a value backwards through
 * variables (also `let` reassignments), destructuring, object fields, string transforms, template literals and the
 * return values of functions declared in the same file, and from a named function's parameters to the arguments of
 * its calls in the file. It does not follow values across files or through callbacks handed to libraries: a rule using
 * it under-reports rather than guesses.
 */

type Node = TSESTree.Node;

/** Where a tainted value was first read and what it is ("x-user-id", "authInfo.token"). */
export interface Origin {
  node: Node;
  label: string;
}

/**
 * Decides whether `node` is a source when the program reads `path` out of it: for `const { sub } = decode(t)`
 * the matcher sees the `decode(t)` call with path `['sub']`; for `req.headers['x-user-id']` it sees `req.headers`
 * with path `['x-user-id']`. Returns a label for messages, null to keep looking, or false to stop looking behind
 * this node (a sanitizer: `redact(headers)` carries nothing on).
 */
export type SourceMatcher = (node: Node, path: readonly string[]) => string | null | false;

/** Expression wrappers that do not change the value. */
const WRAPPERS = new Set([
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'ChainExpression',
  'AwaitExpression',
]);

/** String and Buffer methods whose result still carries the receiver's content (a trimmed header is the header). */
const CONTENT_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'valueOf', 'normalize', 'slice',
  'substring', 'substr', 'replace', 'replaceAll', 'split', 'at', 'padStart', 'padEnd', 'concat',
]);

/** Global functions that pass their first argument's content through. */
const CONTENT_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'decodeURIComponent', 'decodeURI', 'atob', 'btoa']);

/** `JSON.parse(x)`, `Buffer.from(x)`: object.method pairs that pass their first argument's content through. */
const CONTENT_STATIC_CALLS = new Set(['JSON.parse', 'JSON.stringify', 'Buffer.from']);

/** Methods that read one key of a collection: `Headers#get`, `Map#get`, Express `req.get`/`req.header`. */
const KEYED_READS = new Set(['get', 'header', 'getHeader']);

const MAX_DEPTH = 24;

export function unwrap(node: Node): Node {
  let n = node;
  while (WRAPPERS.has(n.type)) n = (n as { expression?: Node; argument?: Node }).expression ?? (n as { argument: Node }).argument;
  return n;
}

/** The name a member expression reads, when it is known statically: `a.b`, `a['b']`, `a[0]`. */
export function staticKey(member: TSESTree.MemberExpression): string | null {
  if (!member.computed) return member.property.type === 'Identifier' ? member.property.name : null;
  return literalString(member.property);
}

/** A string (or number) written literally: `'x'`, `` `x` ``, `0`. */
export function literalString(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === 'Literal' && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? null;
  return null;
}

/** The key of an object property when it is known statically. */
export function propertyKey(prop: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (!prop.computed && prop.key.type === 'Identifier') return prop.key.name;
  return literalString(prop.key);
}

/** `extra.requestInfo?.headers` → ['extra', 'requestInfo', 'headers']; null when a segment is not static. */
export function memberChain(node: Node): string[] | null {
  const n = unwrap(node);
  if (n.type === 'Identifier') return [n.name];
  if (n.type === 'ThisExpression') return ['this'];
  if (n.type === 'MemberExpression') {
    const key = staticKey(n);
    const head = memberChain(n.object);
    return key !== null && head ? [...head, key] : null;
  }
  return null;
}

/** The last name of a callee: `fetch`, `axios.get` → `get`, `jwt.verify` → `verify`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const c = unwrap(call.callee);
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return staticKey(c);
  return null;
}

/** Property of an object literal by static key; the last one wins, as at run time. */
export function findProperty(obj: TSESTree.ObjectExpression, key: string): TSESTree.Property | null {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (p.type === 'Property' && propertyKey(p) === key) return p;
  }
  return null;
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Visit every node under `root` (not entering nested functions when `skipFunctions`). */
export function walk(root: Node, visit: (node: Node) => void, skipFunctions = false): void {
  someNode(root, (n) => (visit(n), false), skipFunctions);
}

/** Does some node under `root` (itself included) pass `test`? Stops at the first that does. */
export function someNode(root: Node, test: (node: Node) => boolean, skipFunctions = false): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (test(node)) return true;
    const fields = node as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key] as Node | Node[] | null;
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      if (!Array.isArray(value)) {
        if (typeof value.type === 'string' && !(skipFunctions && isFunction(value))) stack.push(value);
        continue;
      }
      for (const child of value) {
        if (child && typeof child.type === 'string' && !(skipFunctions && isFunction(child))) stack.push(child);
      }
    }
  }
  return false;
}

/** The expressions a function can return (an arrow's expression body counts). Nested functions are not entered. */
export function returnedExpressions(fn: FunctionNode): Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  walk(fn.body, (n) => {
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
  }, true);
  return out;
}

/** Property names from a destructuring pattern's root down to `name`: `{ a: { b: x } }` gives ['a', 'b'] for x. */
function patternPath(name: Node, root: Node): string[] | null {
  const path: string[] = [];
  let child: Node = name;
  while (child !== root) {
    const parent = child.parent;
    if (!parent) return null;
    if (parent.type === 'Property' && parent.value === child) {
      const key = propertyKey(parent);
      if (key === null) return null;
      path.unshift(key);
    } else if (parent.type === 'ArrayPattern') {
      path.unshift(String(parent.elements.indexOf(child as TSESTree.DestructuringPattern)));
    } else if (!['ObjectPattern', 'AssignmentPattern', 'RestElement'].includes(parent.type)) {
      return null;
    }
    child = parent;
  }
  return path;
}

interface Definition {
  expr: Node;
  path: string[];
}

/**
 * A call being traced into: the function's parameters bound to that call's arguments (null: not passed), and the
 * bindings of the caller, in which those arguments are read. Without it, a parameter would stand for the arguments of
 * every call of the function in the file, and `resolve(flags.port)` would carry `resolve(flags.apiKey)`'s secret.
 */
interface CallContext {
  params: Map<Scope.Variable, Node | null>;
  caller: CallContext | undefined;
}

export class Flow {
  /** Per variable, its definitions (a variable referenced a thousand times is asked about a thousand times). */
  private readonly definitionsOf = new Map<Scope.Variable, readonly Definition[]>();

  constructor(private readonly sourceCode: SourceCode) {}

  /** The variable an identifier refers to, looked up through the enclosing scopes. */
  variable(id: TSESTree.Identifier): Scope.Variable | null {
    let scope: Scope.Scope | null = this.sourceCode.getScope(id as never);
    while (scope) {
      const v = scope.set.get(id.name);
      if (v) return v;
      scope = scope.upper;
    }
    return null;
  }

  /** Every expression assigned to the variable, with the property path it was destructured from. */
  definitions(id: TSESTree.Identifier): readonly Definition[] {
    const v = this.variable(id);
    if (!v) return [];
    let known = this.definitionsOf.get(v);
    if (!known) this.definitionsOf.set(v, (known = this.definitionsOfVariable(v)));
    return known;
  }

  private definitionsOfVariable(v: Scope.Variable): Definition[] {
    const out: Definition[] = [];
    for (const def of v.defs) {
      if (def.type === 'Parameter') {
        out.push(...this.argumentsFor(def.node as unknown as FunctionNode, def.name as unknown as Node));
        continue;
      }
      if (def.type !== 'Variable') continue;
      const declarator = def.node as unknown as TSESTree.VariableDeclarator;
      if (!declarator.init) continue;
      const path = patternPath(def.name as unknown as Node, declarator.id);
      if (path) out.push({ expr: declarator.init, path });
    }
    for (const ref of v.references) {
      const ident = ref.identifier as unknown as Node;
      const parent = ident.parent;
      if (ref.isWrite() && parent?.type === 'AssignmentExpression' && parent.left === ident && parent.operator === '=') {
        out.push({ expr: parent.right, path: [] });
      }
    }
    return out;
  }

  /**
   * The arguments a named same-file function is called with, for one of its parameters: `function allow(user) {…}`
   * called as `allow(req.headers['x-user'])`. Callbacks handed to a framework have no call sites here and yield none.
   */
  private argumentsFor(fn: FunctionNode, name: Node): Definition[] {
    const index = fn.params.findIndex((p) => p === name || (p.range[0] <= name.range[0] && name.range[1] <= p.range[1]));
    const param = fn.params[index];
    if (index < 0 || param.type === 'RestElement' || param.type === 'TSParameterProperty') return [];
    const path = patternPath(name, param);
    const id = fn.type === 'FunctionDeclaration' ? fn.id : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id : null;
    const v = id ? this.variable(id) : null;
    if (!v || !path) return [];
    const out: Definition[] = [];
    for (const ref of v.references) {
      const call = (ref.identifier as unknown as Node).parent;
      if (call?.type !== 'CallExpression' || call.callee !== (ref.identifier as unknown as Node)) continue;
      const arg = call.arguments[index];
      if (arg && arg.type !== 'SpreadElement') out.push({ expr: arg, path });
    }
    return out;
  }

  /** The function a callee names, when it is declared in this file. */
  functionOf(callee: Node): FunctionNode | null {
    const c = unwrap(callee);
    if (isFunction(c)) return c;
    if (c.type !== 'Identifier') return null;
    const v = this.variable(c);
    if (!v) return null;
    for (const def of v.defs) {
      const n = def.node as unknown as Node;
      if (def.type === 'FunctionName' && isFunction(n)) return n;
      if (def.type === 'Variable' && n.type === 'VariableDeclarator' && n.init && isFunction(unwrap(n.init))) {
        return unwrap(n.init) as FunctionNode;
      }
    }
    return null;
  }

  /** Where the value of `node` (read at `path`) comes from, if from a source `match` accepts. */
  origin(node: Node, match: SourceMatcher, path: readonly string[] = [], context?: CallContext): Origin | null {
    return this.trace(node, match, path, new Set(), 0, context);
  }

  /** The context of tracing into `fn` from `call`: its plain and defaulted parameters bound to the call's arguments. */
  private enter(fn: FunctionNode, call: TSESTree.CallExpression, caller: CallContext | undefined): CallContext {
    const params = new Map<Scope.Variable, Node | null>();
    const declared = this.sourceCode.getDeclaredVariables(fn as never);
    fn.params.forEach((param, i) => {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type !== 'Identifier') return; // destructured: left to every call site, as before
      const v = declared.find((d) => d.defs.some((def) => (def.name as unknown as Node) === id));
      const arg = call.arguments[i];
      if (!v || arg?.type === 'SpreadElement') return;
      params.set(v, arg ?? (param.type === 'AssignmentPattern' ? param.right : null));
    });
    return { params, caller };
  }

  /** The argument a parameter is bound to in this context, with the context it is read in; undefined when unbound. */
  private bound(id: TSESTree.Identifier, context: CallContext | undefined): { arg: Node | null; context: CallContext | undefined } | undefined {
    if (!context) return undefined;
    const v = this.variable(id);
    if (!v || !context.params.has(v)) return undefined;
    return { arg: context.params.get(v)!, context: context.caller };
  }

  /**
   * Like `origin`, but also looks inside object and array literals and template parts: a value that *contains*
   * a source (`{ clientId: userId }`, `` `Bearer ${token}` ``).
   */
  contained(node: Node, match: SourceMatcher, depth = 0, context?: CallContext): Origin | null {
    const direct = this.origin(node, match, [], context);
    const n = unwrap(node);
    if (direct || depth > 6 || match(n, []) === false) return direct;
    const inner = (child: Node | null | undefined, ctx = context): Origin | null => (child ? this.contained(child, match, depth + 1, ctx) : null);
    switch (n.type) {
      case 'Identifier': {
        const b = this.bound(n, context);
        if (b) return b.arg ? inner(b.arg, b.context) : null;
        for (const d of this.definitions(n)) {
          if (d.path.length) continue;
          const r = inner(d.expr);
          if (r) return r;
        }
        return null;
      }
      case 'ObjectExpression':
        for (const p of n.properties) {
          const r = inner(p.type === 'Property' ? p.value : p.argument);
          if (r) return r;
        }
        return null;
      case 'ArrayExpression':
        for (const e of n.elements) {
          const r = inner(e && e.type === 'SpreadElement' ? e.argument : e);
          if (r) return r;
        }
        return null;
      case 'TemplateLiteral':
        for (const e of n.expressions) {
          const r = inner(e);
          if (r) return r;
        }
        return null;
      case 'LogicalExpression':
      case 'BinaryExpression':
        return inner(n.left) ?? inner(n.right);
      case 'ConditionalExpression':
        return inner(n.consequent) ?? inner(n.alternate);
      case 'CallExpression': {
        if (this.passesContent(n)) return inner(n.arguments[0]);
        const fn = this.functionOf(n.callee);
        if (!fn) return null;
        const ctx = this.enter(fn, n, context);
        for (const r of returnedExpressions(fn)) {
          const hit = inner(r, ctx);
          if (hit) return hit;
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** `String(x)`, `JSON.stringify(x)`, `Buffer.from(x)`: calls whose result carries their first argument. */
  private passesContent(call: TSESTree.CallExpression): boolean {
    if (call.arguments.length === 0) return false;
    const c = unwrap(call.callee);
    if (c.type === 'Identifier') return CONTENT_FUNCTIONS.has(c.name);
    const chain = memberChain(c);
    return chain !== null && chain.length === 2 && CONTENT_STATIC_CALLS.has(chain.join('.'));
  }

  /**
   * The string a node always evaluates to when the file spells it out: a literal, a template or `+` of such parts, or
   * a variable assigned exactly once from one (`const TEST_TOKEN = 'abc'`). Null when any part is only known at run time.
   */
  staticString(node: Node, depth = 0): string | null {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return null;
    const literal = literalString(n);
    if (literal !== null) return literal;
    if (n.type === 'TemplateLiteral') {
      let out = n.quasis[0].value.cooked ?? '';
      for (let i = 0; i < n.expressions.length; i++) {
        const part = this.staticString(n.expressions[i], depth + 1);
        if (part === null) return null;
        out += part + (n.quasis[i + 1].value.cooked ?? '');
      }
      return out;
    }
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      const left = this.staticString(n.left, depth + 1);
      const right = left === null ? null : this.staticString(n.right, depth + 1);
      return left !== null && right !== null ? left + right : null;
    }
    if (n.type === 'Identifier') {
      const defs = this.definitions(n);
      return defs.length === 1 && defs[0].path.length === 0 ? this.staticString(defs[0].expr, depth + 1) : null;
    }
    return null;
  }

  private trace(
    node: Node,
    match: SourceMatcher,
    path: readonly string[],
    seen: Set<string>,
    depth: number,
    context: CallContext | undefined,
  ): Origin | null {
    const n = unwrap(node);
    const key = `${n.range[0]}:${n.range[1]}:${path.join('\u0000')}`;
    if (depth > MAX_DEPTH || seen.has(key)) return null;
    seen.add(key);
    const label = match(n, path);
    if (label) return { node: n, label };
    if (label === false) return null;
    const next = (child: Node | null | undefined, p: readonly string[] = path, ctx = context): Origin | null =>
      child ? this.trace(child, match, p, seen, depth + 1, ctx) : null;
    switch (n.type) {
      case 'Identifier': {
        const b = this.bound(n, context);
        if (b) return next(b.arg, path, b.context);
        for (const d of this.definitions(n)) {
          const r = next(d.expr, [...d.path, ...path]);
          if (r) return r;
        }
        return null;
      }
      case 'MemberExpression': {
        const k = staticKey(n);
        return k === null ? null : next(n.object, [k, ...path]);
      }
      case 'ObjectExpression': {
        if (path.length === 0) return null;
        for (let i = n.properties.length - 1; i >= 0; i--) {
          const p = n.properties[i];
          if (p.type === 'SpreadElement') {
            const r = next(p.argument);
            if (r) return r;
          } else if (propertyKey(p) === path[0]) {
            return next(p.value, path.slice(1));
          }
        }
        return null;
      }
      case 'ArrayExpression': {
        const index = path.length ? Number(path[0]) : NaN;
        const el = Number.isInteger(index) ? n.elements[index] : null;
        return el && el.type !== 'SpreadElement' ? next(el, path.slice(1)) : null;
      }
      case 'TemplateLiteral':
        for (const e of n.expressions) {
          const r = next(e, []);
          if (r) return r;
        }
        return null;
      case 'BinaryExpression':
        return n.operator === '+' ? (next(n.left as Node, []) ?? next(n.right, [])) : null;
      case 'LogicalExpression':
        return next(n.left) ?? next(n.right);
      case 'ConditionalExpression':
        return next(n.consequent) ?? next(n.alternate);
      case 'AssignmentExpression':
        return next(n.right);
      case 'SequenceExpression':
        return next(n.expressions[n.expressions.length - 1]);
      case 'CallExpression': {
        const callee = unwrap(n.callee);
        if (callee.type === 'MemberExpression' && CONTENT_METHODS.has(staticKey(callee) ?? '')) return next(callee.object);
        // `headers.get('x-user-id')`, `map.get('k')`: a keyed read, like `headers['x-user-id']`
        const key = n.arguments.length === 1 ? literalString(n.arguments[0]) : null;
        if (callee.type === 'MemberExpression' && key !== null && KEYED_READS.has(staticKey(callee) ?? '')) {
          return next(callee.object, [key, ...path]);
        }
        if (this.passesContent(n)) return next(n.arguments[0]);
        const fn = this.functionOf(callee);
        if (!fn) return null;
        const ctx = this.enter(fn, n, context);
        for (const r of returnedExpressions(fn)) {
          const hit = next(r, path, ctx);
          if (hit) return hit;
        }
        return null;
      }
      default:
        return null;
    }
  }
}

/** One Flow per file, shared by every rule that asks (keyed by the AST root, like eslint-plugin-regexp's cache). */
const flows = new WeakMap<object, Flow>();

export function flowOf(sourceCode: SourceCode): Flow {
  let f = flows.get(sourceCode.ast);
  if (!f) {
    f = new Flow(sourceCode);
    flows.set(sourceCode.ast, f);
  }
  return f;
}

/** Accepts a node if any of the matchers does. */
export function anyOf(...matchers: SourceMatcher[]): SourceMatcher {
  return (node, path) => {
    let result: string | null | false = null;
    for (const m of matchers) {
      const label = m(node, path);
      if (label) return label;
      if (label === false) result = false;
    }
    return result;
  };
}

/** 1-based line of a node, for "read at L12" messages. */
export function lineOf(node: Node): number {
  return node.loc.start.line;
}
