// The cross-file part of the model: relatively imported modules, read and parsed on demand (never executed),
// cached by absolute path. Only files inside the importing file's package (nearest package.json) are read.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { parseWithOxc } from '../parser/index.js';
import { typescriptParser } from '../parser/typescript.js';
import { setParents } from './ast.js';
import { moduleIndex, type ModuleIndex } from './module-index.js';

export interface LoadedModule {
  path: string;
  ast: TSESTree.Program;
  index: ModuleIndex;
  text: string;
}

const modules = new Map<string, LoadedModule | null>();
const roots = new Map<string, string>();
const resolved = new Map<string, string | null>();

/** Nearest directory with a package.json (the project the file belongs to); the file's directory if none. */
export function projectRoot(file: string): string {
  const start = dirname(resolve(file));
  const known = roots.get(start);
  if (known) return known;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) break;
    const up = dirname(dir);
    if (up === dir) {
      dir = start;
      break;
    }
    dir = up;
  }
  roots.set(start, dir);
  return dir;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `./tools.js` from `src/index.ts` → `src/tools.ts` (NodeNext style `.js` for a `.ts` source), extensionless, index. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const root = projectRoot(fromFile);
  if (base !== root && !base.startsWith(root + sep)) return null;
  // Up to 17 stat calls per specifier: remember the answer per absolute target.
  const known = resolved.get(base);
  if (known !== undefined) return known;
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  const found = candidates.find(isFile) ?? null;
  resolved.set(base, found);
  return found;
}

/** Reads and parses a source file, once per absolute path. Unparsable or unreadable files give null. */
export function loadModule(path: string): LoadedModule | null {
  if (modules.has(path)) return modules.get(path) ?? null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    modules.set(path, null);
    return null;
  }
  return parseModule(path, text);
}

/** Parses a module whose text the caller already has (cached by path like loadModule). */
export function parseModule(path: string, text: string): LoadedModule | null {
  const known = modules.get(path);
  if (known && known.text === text) return known;
  let loaded: LoadedModule | null = null;
  try {
    const ast =
      parseWithOxc(path, text) ??
      (typescriptParser.parse(text, { loc: true, range: true, sourceType: 'module', ecmaVersion: 'latest', jsx: /\.[jt]sx$/.test(path) }) as TSESTree.Program);
    setParents(ast);
    loaded = { path, ast, index: moduleIndex(ast), text };
  } catch {
    loaded = null;
  }
  modules.set(path, loaded);
  return loaded;
}

/** The module an import binding points at, when it is a relative import inside the project. */
export function importedModule(fromFile: string | undefined, source: string): LoadedModule | null {
  if (!fromFile) return null;
  const path = resolveRelative(fromFile, source);
  return path ? loadModule(path) : null;
}

/** Forget cached modules (tests that rewrite fixture files). */
export function clearProjectCache(): void {
  modules.clear();
  roots.clear();
  resolved.clear();
  projectFileCache.clear();
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.turbo', '.wrangler', 'out']);
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const MAX_FILES = 5000;
const projectFileCache = new Map<string, string[]>();

/** Source files of a project (its package, not nested packages or dependencies), listed once per root. */
export function projectFiles(root: string): string[] {
  const known = projectFileCache.get(root);
  if (known) return known;
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.') && !existsSync(join(full, 'package.json'))) visit(full);
      } else if (SOURCE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) {
        out.push(full);
      }
    }
  };
  visit(root);
  out.sort();
  projectFileCache.set(root, out);
  return out;
}
