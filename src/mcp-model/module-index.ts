// Per-module symbol facts (declared constants, functions, classes, imports), computed once per AST.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunctionLike, literalString, nodesOf, objectProperty, unwrap, type FunctionLike, type Node } from './ast.js';

export interface ImportBinding {
  source: string;
  /** Exported name in the source module ('default' for default imports, '*' for namespaces). */
  imported: string;
}

export interface ModuleIndex {
  /** Initialisers of variables by name (first declaration wins; shadowing is rare in registration code). */
  values: Map<string, Node>;
  functions: Map<string, FunctionLike>;
  classes: Map<string, TSESTree.ClassDeclaration | TSESTree.ClassExpression>;
  imports: Map<string, ImportBinding>;
  /** Import sources of the module, for framework detection. */
  importSources: string[];
  /** `export default <expr>` / `export default function …`. */
  defaultExport: Node | null;
}

const cache = new WeakMap<Node, ModuleIndex>();

export function moduleIndex(ast: TSESTree.Program): ModuleIndex {
  let index = cache.get(ast);
  if (index) return index;
  index = { values: new Map(), functions: new Map(), classes: new Map(), imports: new Map(), importSources: [], defaultExport: null };
  cache.set(ast, index);
  const idx = index;
  for (const stmt of ast.body) {
    if (stmt.type === 'ExportDefaultDeclaration') idx.defaultExport = stmt.declaration;
    if (stmt.type !== 'ImportDeclaration') continue;
    idx.importSources.push(stmt.source.value);
    for (const s of stmt.specifiers) {
      const imported =
        s.type === 'ImportDefaultSpecifier'
          ? 'default'
          : s.type === 'ImportNamespaceSpecifier'
            ? '*'
            : s.imported.type === 'Identifier'
              ? s.imported.name
              : String(s.imported.value);
      idx.imports.set(s.local.name, { source: stmt.source.value, imported });
    }
  }
  for (const n of nodesOf(ast, 'VariableDeclarator', 'FunctionDeclaration', 'ClassDeclaration', 'CallExpression')) {
    if (n.type === 'VariableDeclarator' && n.init) indexRequire(idx, n);
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && !idx.values.has(n.id.name)) {
      idx.values.set(n.id.name, n.init);
      const init = unwrap(n.init);
      if (isFunctionLike(init) && !idx.functions.has(n.id.name)) idx.functions.set(n.id.name, init);
      if (init.type === 'ClassExpression') idx.classes.set(n.id.name, init);
    } else if (n.type === 'FunctionDeclaration' && n.id && !idx.functions.has(n.id.name)) {
      idx.functions.set(n.id.name, n);
    } else if (n.type === 'ClassDeclaration' && n.id) {
      idx.classes.set(n.id.name, n);
    } else if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require') {
      const src = literalString(n.arguments[0]);
      if (src) idx.importSources.push(src);
    }
  }
  return index;
}

/** A string a name stands for in this module: `'x'`, `const X = 'x'`, `NAMES.X` of a const object literal. */
export function localString(index: ModuleIndex, node: Node): string | null {
  const direct = literalString(node);
  if (direct !== null) return direct;
  const n = unwrap(node);
  if (n.type === 'Identifier') {
    const init = index.values.get(n.name);
    return init ? literalString(init) : null;
  }
  if (n.type === 'MemberExpression' && n.object.type === 'Identifier' && !n.computed && n.property.type === 'Identifier') {
    return literalString(objectProperty(index.values.get(n.object.name), n.property.name));
  }
  return null;
}

/** `const cp = require('child_process')` and `const { exec } = require('node:child_process')` count as imports. */
function indexRequire(idx: ModuleIndex, decl: TSESTree.VariableDeclarator): void {
  const init = decl.init && unwrap(decl.init);
  if (!init || init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return;
  const source = literalString(init.arguments[0]);
  if (!source) return;
  if (decl.id.type === 'Identifier') idx.imports.set(decl.id.name, { source, imported: '*' });
  if (decl.id.type === 'ObjectPattern') {
    for (const p of decl.id.properties) {
      if (p.type === 'Property' && p.key.type === 'Identifier' && p.value.type === 'Identifier') idx.imports.set(p.value.name, { source, imported: p.key.name });
    }
  }
}
