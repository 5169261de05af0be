// The cross-file part of the Python model: imported modules of the same project, read and parsed on demand (never
// executed, never imported), cached by absolute path. A project is the nearest directory with a Python project
// file (pyproject.toml, setup.py, requirements.txt, …); nothing outside it is read.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parsePython } from '../parser.js';
import type { PyModule } from '../tree.js';

const MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile', 'package.json'];

const roots = new Map<string, string>();
const modules = new Map<string, PyModule | null>();
const lookups = new Map<string, string | null>();

/** Nearest directory with a Python project file; the file's own directory when there is none. */
export function pythonProjectRoot(file: string): string {
  const start = dirname(resolve(file));
  const known = roots.get(start);
  if (known) return known;
  let dir = start;
  for (;;) {
    if (MARKERS.some((m) => existsSync(join(dir, m)))) break;
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/**
 * The file a `from <module> import …` / `import <module>` names, inside the importing file's project:
 * relative (`.auth`, `..utils.db`) from the file's package; absolute (`app.utils.tool_util`) from the file's
 * directory or any directory above it up to the project root, and from the root's `src/` (src layout).
 */
export function resolvePythonModule(fromFile: string, dotted: string): string | null {
  const root = pythonProjectRoot(fromFile);
  const key = `${fromFile}\0${dotted}`;
  const known = lookups.get(key);
  if (known !== undefined) return known;
  const level = /^\.*/.exec(dotted)![0].length;
  const parts = dotted.slice(level).split('.').filter(Boolean);
  const bases: string[] = [];
  if (level > 0) {
    let base = dirname(resolve(fromFile));
    for (let i = 1; i < level; i++) base = dirname(base);
    bases.push(base);
  } else {
    for (let dir = dirname(resolve(fromFile)); inside(root, dir); dir = dirname(dir)) {
      bases.push(dir);
      if (dir === root) break;
    }
    bases.push(join(root, 'src'));
  }
  let found: string | null = null;
  for (const base of bases) {
    if (!inside(root, base)) continue;
    const stem = join(base, ...parts);
    const candidates = parts.length ? [`${stem}.py`, join(stem, '__init__.py')] : [join(stem, '__init__.py')];
    found = candidates.find(isFile) ?? null;
    if (found) break;
  }
  lookups.set(key, found);
  return found;
}

/** Reads and parses a Python file once per absolute path; null when unreadable or the parser is not loaded. */
export function loadPythonModule(path: string): PyModule | null {
  if (modules.has(path)) return modules.get(path) ?? null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    modules.set(path, null);
    return null;
  }
  const parsed = parsePython(text);
  modules.set(path, parsed?.module ?? null);
  return parsed?.module ?? null;
}

/** The linted module stands for its file, so imports of it from elsewhere find the same tree. */
export function rememberPythonModule(path: string, module: PyModule): void {
  const known = modules.get(path);
  if (!known || known.text !== module.text) modules.set(path, module);
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', '.venv', 'venv', 'site-packages', '__pycache__', '.tox', '.nox']);
const MAX_FILES = 5000;
const projectFileCache = new Map<string, string[]>();

/** Python files of a project (not of nested projects), listed once per root. */
export function pythonProjectFiles(root: string): string[] {
  const known = projectFileCache.get(root);
  if (known) return known;
  const out: string[] = [];
  const visit = (dir: string, top: boolean): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (!top && MARKERS.some((m) => entries.some((e) => e.name === m && e.isFile()))) return; // a project of its own
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) visit(join(dir, e.name), false);
      } else if (e.isFile() && e.name.endsWith('.py')) out.push(join(dir, e.name));
    }
  };
  visit(root, true);
  out.sort();
  projectFileCache.set(root, out);
  return out;
}

/** Forget cached modules and lookups (tests that rewrite files). */
export function clearPythonProjectCache(): void {
  roots.clear();
  modules.clear();
  lookups.clear();
  projectFileCache.clear();
}

/**
 * Per project, a hash of its Python files (relative paths and contents): a Python module's findings can depend on
 * any module of its project (imported helpers, the module that wires the transport), so a cached result stays
 * good only while none of them changed.
 */
export function pythonProjectKeys(read: (absPath: string) => string | null, hash: (s: string) => string): (absFile: string) => string {
  const byRoot = new Map<string, string>();
  return (absFile) => {
    const root = pythonProjectRoot(absFile);
    let key = byRoot.get(root);
    if (key === undefined) {
      key = hash(pythonProjectFiles(root).map((path) => `${path.slice(root.length)}\0${hash(read(path) ?? '')}`).join('\0'));
      byRoot.set(root, key);
    }
    return key;
  };
}
