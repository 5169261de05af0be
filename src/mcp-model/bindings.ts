// Where a name used inside a function was declared: a `const`/`let` (with its initialiser and the destructuring path
// that leads to it) or a parameter. Lets model code follow `const token = req.headers.authorization` or
// `const { clientId } = extra.authInfo` on trees the model parsed itself, where ESLint's scope manager is absent.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunctionLike, propertyKeyName, type FunctionLike, type Node } from './ast.js';

export type Binding =
  /**
   * `const x = init` (path []), `const { a: { x } } = init` (path ['a', 'x']); init null for `let x;`. `of`: the
   * list a `for (const x of list)` takes x from.
   */
  | { kind: 'var'; init: Node | null; path: string[]; of?: Node }
  /** Parameter `index` of `fn`, reached through `path` when destructured (`async (args, { authInfo })`: 1, ['authInfo']). */
  | { kind: 'param'; fn: FunctionLike; index: number; path: string[] };

/** The path through a binding pattern to `name`, or null when the pattern does not bind it. */
export function patternPath(pattern: Node, name: string): string[] | null {
  switch (pattern.type) {
    case 'Identifier':
      return pattern.name === name ? [] : null;
    case 'AssignmentPattern':
      return patternPath(pattern.left, name);
    case 'RestElement':
      return patternPath(pattern.argument, name);
    case 'ObjectPattern':
      for (const p of pattern.properties) {
        if (p.type === 'RestElement') {
          if (patternPath(p.argument, name)) return [];
          continue;
        }
        const inner = patternPath(p.value, name);
        const key = propertyKeyName(p.key, p.computed);
        if (inner && key !== null) return [key, ...inner];
      }
      return null;
    case 'ArrayPattern':
      for (const [i, el] of pattern.elements.entries()) {
        const inner = el && patternPath(el, name);
        if (inner) return [String(i), ...inner];
      }
      return null;
    default:
      return null;
  }
}

function declaredIn(statements: readonly Node[], name: string): Binding | null {
  for (const st of statements) {
    const decl = st.type === 'ExportNamedDeclaration' ? st.declaration : st;
    if (decl?.type !== 'VariableDeclaration') continue;
    for (const d of decl.declarations) {
      const path = patternPath(d.id, name);
      if (path) return { kind: 'var', init: d.init ?? null, path };
    }
  }
  return null;
}

/** The nearest declaration of `id`'s name in the functions and blocks around it (module level included). */
export function localBinding(id: TSESTree.Identifier): Binding | null {
  const name = id.name;
  for (let p: Node | undefined = id.parent; p; p = p.parent) {
    if (isFunctionLike(p)) {
      for (const [index, param] of p.params.entries()) {
        const path = patternPath(param, name);
        if (path) return { kind: 'param', fn: p, index, path };
      }
    } else if (p.type === 'BlockStatement' || p.type === 'Program' || p.type === 'StaticBlock') {
      const hit = declaredIn(p.body as Node[], name);
      if (hit) return hit;
    } else if (p.type === 'SwitchCase') {
      const hit = declaredIn(p.consequent, name);
      if (hit) return hit;
    } else if ((p.type === 'ForOfStatement' || p.type === 'ForInStatement') && p.left.type === 'VariableDeclaration') {
      const path = patternPath(p.left.declarations[0].id, name);
      if (path) return { kind: 'var', init: null, path, of: p.right };
    } else if (p.type === 'CatchClause' && p.param && patternPath(p.param, name)) {
      return { kind: 'var', init: null, path: [] };
    }
  }
  return null;
}
