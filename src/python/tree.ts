// The Python tree the rules read: tree-sitter's named nodes as plain objects (type names are tree-sitter-python's:
// `call`, `attribute`, `keyword_argument`, `decorated_definition`, …), and the helpers every Python rule shares.
import { lineOf } from './parser.js';

export interface PyNode {
  type: string;
  /** UTF-16 offsets into the module's text. */
  range: [number, number];
  parent: PyNode | null;
  /** Named children, in source order (comments are in the module's list instead). */
  children: PyNode[];
  /** The field under which the parent holds this node (`function`, `arguments`, `name`, `value`, …). */
  field: string | null;
  /** Source text, on leaves the model reads (identifiers, string parts, numbers, literals). */
  text?: string;
  /** Anonymous tokens the grammar gives a field: operators (`==`, `is not`, `and`, `+=`). */
  operators?: string[];
}

export interface PyModule extends PyNode {
  type: 'module';
  text: string;
  lineStarts: number[];
  comments: PyNode[];
}

export interface PyLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** ESTree-style location: 1-based lines, 0-based columns (what createRule's records and ESLint expect). */
export function locOf(module: PyModule, node: PyNode): PyLoc {
  const at = (offset: number) => {
    const line = lineOf(module.lineStarts, offset);
    return { line, column: offset - module.lineStarts[line - 1] };
  };
  return { start: at(node.range[0]), end: at(node.range[1]) };
}

export function moduleOf(node: PyNode): PyModule {
  let n = node;
  while (n.parent) n = n.parent;
  return n as PyModule;
}

export function sourceOf(node: PyNode): string {
  return moduleOf(node).text.slice(node.range[0], node.range[1]);
}

export function child(node: PyNode | null | undefined, field: string): PyNode | null {
  if (!node) return null;
  for (const c of node.children) if (c.field === field) return c;
  return null;
}

export function childrenOf(node: PyNode | null | undefined, field: string): PyNode[] {
  return node ? node.children.filter((c) => c.field === field) : [];
}

/** Preorder walk; `visit` returning false skips the node's children. */
export function walk(node: PyNode, visit: (n: PyNode) => boolean | void): void {
  const stack: PyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

const indexes = new WeakMap<PyModule, Map<string, PyNode[]>>();

/** Every node of the given types in the module, in source order (one walk per module, cached). */
export function nodesOf(module: PyModule, ...types: string[]): PyNode[] {
  let index = indexes.get(module);
  if (!index) {
    index = new Map();
    const byType = index;
    walk(module, (n) => {
      const list = byType.get(n.type);
      if (list) list.push(n);
      else byType.set(n.type, [n]);
    });
    indexes.set(module, index);
  }
  if (types.length === 1) return index.get(types[0]) ?? [];
  return types.flatMap((t) => index.get(t) ?? []).sort((a, b) => a.range[0] - b.range[0]);
}

/** `(x)` is `x`; `await x` is `x` (what a value is, for the model). */
export function unwrap(node: PyNode | null | undefined): PyNode | null {
  let n = node ?? null;
  while (n && (n.type === 'parenthesized_expression' || n.type === 'await') && n.children.length === 1) n = n.children[0];
  return n;
}

/** `a.b.c` → ['a', 'b', 'c']; a call in the chain keeps its name with `()` (`get_request().headers`); else null. */
export function memberPath(node: PyNode | null | undefined): string[] | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'identifier') return [n.text!];
  if (n.type === 'dotted_name') return n.children.every((c) => c.type === 'identifier') ? n.children.map((c) => c.text!) : null;
  if (n.type === 'attribute') {
    const object = memberPath(child(n, 'object'));
    const attr = child(n, 'attribute');
    return object && attr?.text ? [...object, attr.text] : null;
  }
  if (n.type === 'call') {
    const fn = memberPath(child(n, 'function'));
    if (!fn) return null;
    fn[fn.length - 1] += '()';
    return fn;
  }
  return null;
}

/** The called name: `f` of `f(x)` and of `a.b.f(x)`. */
export function calleeName(call: PyNode): string | null {
  const fn = unwrap(child(call, 'function'));
  if (fn?.type === 'identifier') return fn.text!;
  if (fn?.type === 'attribute') return child(fn, 'attribute')?.text ?? null;
  return null;
}

/** The dotted path of what a call calls (`requests.post`, `mcp.run`), without the trailing call. */
export function calleePath(call: PyNode): string[] | null {
  return memberPath(child(call, 'function'));
}

/** Positional arguments of a call (not `*args`, `**kwargs` or keywords). */
export function positionalArgs(call: PyNode): PyNode[] {
  const list = child(call, 'arguments');
  if (!list || list.type !== 'argument_list') return list ? [list] : [];
  return list.children.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

/** The value of keyword argument `name` of a call, or null. */
export function keywordArg(call: PyNode, name: string): PyNode | null {
  const list = child(call, 'arguments');
  if (!list) return null;
  for (const a of list.children) {
    if (a.type === 'keyword_argument' && child(a, 'name')?.text === name) return child(a, 'value');
  }
  return null;
}

/** Every keyword argument of a call, by name. */
export function keywordArgs(call: PyNode): Map<string, PyNode> {
  const out = new Map<string, PyNode>();
  for (const a of child(call, 'arguments')?.children ?? []) {
    const name = a.type === 'keyword_argument' ? child(a, 'name')?.text : null;
    const value = name ? child(a, 'value') : null;
    if (name && value) out.set(name, value);
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/** Python's backslash escapes in a non-raw literal (`\x41`, `\u00e9`, `\n`; an unknown one stays as written). */
function decodeEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? whole;
  });
}

/**
 * The value of a string literal (implicit concatenations too) when it has no interpolation; with `holes`, an
 * f-string's `{…}` parts become `holes` (`f"{base}/search"` with holes `*` reads `* /search`, without the space).
 * Bytes literals count as strings.
 */
export function stringValue(node: PyNode | null | undefined, holes?: string): string | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'concatenated_string') {
    let out = '';
    for (const part of n.children) {
      const v = stringValue(part, holes);
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  if (n.type !== 'string') return null;
  const raw = /r/i.test(child(n, 'string_start')?.text ?? n.children[0]?.text ?? '');
  let out = '';
  for (const part of n.children) {
    if (part.type === 'string_content') out += raw ? part.text : decodeEscapes(part.text!);
    else if (part.type === 'interpolation') {
      if (holes === undefined) return null;
      out += holes;
    }
  }
  return out;
}

/** Is this a string literal (any prefix, interpolated or not)? */
export function isString(node: PyNode | null | undefined): boolean {
  const n = unwrap(node);
  return !!n && (n.type === 'string' || n.type === 'concatenated_string');
}

/** `True`/`False`, or null. */
export function booleanValue(node: PyNode | null | undefined): boolean | null {
  const n = unwrap(node);
  return n?.type === 'true' ? true : n?.type === 'false' ? false : null;
}

/** The innermost function (def or lambda) around a node. */
export function enclosingFunction(node: PyNode): PyNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return null;
}

/** Name of a `def`. */
export function functionName(fn: PyNode): string | null {
  return fn.type === 'function_definition' ? (child(fn, 'name')?.text ?? null) : null;
}

/** Parameter names of a def or lambda, in order (self included), with their default value and annotation. */
export function parameters(fn: PyNode): Array<{ name: string; node: PyNode; type: PyNode | null; default: PyNode | null }> {
  const params = child(fn, 'parameters');
  const out: Array<{ name: string; node: PyNode; type: PyNode | null; default: PyNode | null }> = [];
  for (const p of params?.children ?? []) {
    if (p.type === 'identifier') out.push({ name: p.text!, node: p, type: null, default: null });
    else if (p.type === 'typed_parameter') {
      const id = p.children.find((c) => c.type === 'identifier');
      if (id) out.push({ name: id.text!, node: id, type: child(p, 'type'), default: null });
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const id = child(p, 'name');
      if (id?.text) out.push({ name: id.text, node: id, type: child(p, 'type'), default: child(p, 'value') });
    }
  }
  return out;
}

/** The decorators of a def or class (`@mcp.tool()` → the `call` or the `attribute`). */
export function decoratorsOf(def: PyNode): PyNode[] {
  const parent = def.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.children.filter((c) => c.type === 'decorator').map((d) => d.children[0]).filter(Boolean);
}
