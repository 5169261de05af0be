// Small AST helpers shared by the MCP model. They work on ESLint's AST and on ASTs parsed from imported files.
import type { TSESTree } from '@typescript-eslint/types';

export type Node = TSESTree.Node;
export type FunctionLike = TSESTree.FunctionLike;

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments']);

/** Calls `visit` on every direct child node. Type annotations are skipped: they hold no behaviour. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const fields = node as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (SKIP_KEYS.has(key)) continue;
    const value = fields[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as Node).type === 'string') visit(item as Node);
    } else if (value && typeof (value as Node).type === 'string') {
      visit(value as Node);
    }
  }
}

/** Depth-first walk of a subtree; `visit` returning false skips the node's children. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  if (visit(node) === false) return;
  forEachChild(node, (child) => walk(child, visit));
}

export interface AstIndex {
  /** Every node of the AST in depth-first (source) order. */
  all: readonly Node[];
  byType: ReadonlyMap<string, readonly Node[]>;
}

const indexes = new WeakMap<Node, AstIndex>();

/**
 * The one whole-AST walk: every part of the model and every rule reads its node lists from here (cached on the
 * root, so each file is walked once whatever the number of rules). Sets missing `parent` links on the way (ASTs
 * from `parse()` have none).
 */
export function astIndex(root: Node): AstIndex {
  const known = indexes.get(root);
  if (known) return known;
  const all: Node[] = [];
  const byType = new Map<string, Node[]>();
  const stack: Node[] = [root];
  const children: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    all.push(node);
    const list = byType.get(node.type);
    if (list) list.push(node);
    else byType.set(node.type, [node]);
    children.length = 0;
    forEachChild(node, (child) => {
      if (!child.parent) (child as { parent?: Node }).parent = node;
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  const index = { all, byType };
  indexes.set(root, index);
  return index;
}

/** Node type names as strings ('CallExpression'), and the node interface a name stands for. */
type NodeType = `${Node['type']}`;
type NodeOfType<T extends NodeType> = Node extends infer N ? (N extends { type: infer K extends string } ? (`${K}` extends T ? N : never) : never) : never;

/** Nodes of the given types in source order, from the AST's index. */
export function nodesOf<T extends NodeType>(root: Node, ...types: T[]): Array<NodeOfType<T>> {
  const index = astIndex(root);
  if (types.length === 1) return (index.byType.get(types[0]) ?? []) as Array<NodeOfType<T>>;
  const wanted = new Set<string>(types);
  return index.all.filter((n) => wanted.has(n.type)) as Array<NodeOfType<T>>;
}

/** Sets `parent` on every node (ASTs from `parse()` have none); done by the index walk. */
export function setParents(root: Node): void {
  astIndex(root);
}

export function isFunctionLike(node: Node | null | undefined): node is FunctionLike {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration');
}

/** Drops TS wrappers, `await` and parentheses-equivalents that do not change what a value is. */
export function unwrap(node: Node): Node {
  let n = node;
  while (
    n.type === 'TSAsExpression' ||
    n.type === 'TSSatisfiesExpression' ||
    n.type === 'TSNonNullExpression' ||
    n.type === 'TSTypeAssertion' ||
    n.type === 'AwaitExpression' ||
    n.type === 'ChainExpression'
  ) {
    n = n.type === 'AwaitExpression' ? n.argument : n.expression;
  }
  return n;
}

export function propertyKeyName(key: Node, computed: boolean): string | null {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'PrivateIdentifier') return key.name;
  return null;
}

/** `a.b.c(...)` → 'c'; `c(...)` → 'c'. */
export function calleeName(callee: Node): string | null {
  const c = unwrap(callee);
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return propertyKeyName(c.property, c.computed);
  return null;
}

/** `a.b.c` → ['a','b','c'] (`this` as 'this'); null when a part is not a plain name. */
export function memberPath(node: Node): string[] | null {
  const n = unwrap(node);
  if (n.type === 'Identifier') return [n.name];
  if (n.type === 'ThisExpression') return ['this'];
  if (n.type === 'CallExpression') {
    const inner = memberPath(n.callee);
    return inner ? [...inner.slice(0, -1), `${inner[inner.length - 1]}()`] : null;
  }
  if (n.type === 'MemberExpression') {
    const obj = memberPath(n.object);
    const prop = propertyKeyName(n.property, n.computed);
    return obj && prop ? [...obj, prop] : null;
  }
  return null;
}

/** The value of property `name` of an object literal (methods give their function). */
export function objectProperty(obj: Node | null | undefined, name: string): Node | null {
  if (!obj) return null;
  const o = unwrap(obj);
  if (o.type !== 'ObjectExpression') return null;
  for (const p of o.properties) {
    if (p.type === 'Property' && propertyKeyName(p.key, p.computed) === name) return p.value;
  }
  return null;
}

export function literalString(node: Node | null | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked ?? null;
  return null;
}

export function literalBoolean(node: Node | null | undefined): boolean | null {
  if (!node) return null;
  const n = unwrap(node);
  return n.type === 'Literal' && typeof n.value === 'boolean' ? n.value : null;
}

/** Nearest enclosing node matching `test`. */
export function findAncestor(node: Node, test: (n: Node) => boolean): Node | null {
  for (let p = node.parent; p; p = p.parent) if (test(p)) return p;
  return null;
}
