// `--changed` for Python: the Python files that import a changed Python module (one level, found textually, as for
// JS in src/engine/changed.ts), because a tool's findings depend on the helpers it calls.
import { readFileSync } from 'node:fs';
import type { DiscoveredFile } from '../engine/discover.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ways to name a module file in an import: `x`, `b.x`, `a.b.x` (for `a/b/x.py`; a package by its directory). */
function dottedNames(rel: string): string[] {
  const parts = rel.replace(/\.pyi?$/, '').replace(/\/__init__$/, '').split('/');
  return parts.map((_, i) => parts.slice(i).join('.'));
}

export function pythonImporters(files: readonly DiscoveredFile[], changed: ReadonlySet<string>): DiscoveredFile[] {
  const names = [...changed].filter((r) => /\.pyi?$/.test(r)).flatMap(dottedNames);
  if (names.length === 0) return [];
  const alternatives = [...new Set(names)].map(escape).join('|');
  // `from .x import …`, `from a.b.x import …`, `import a.b.x`, and `from a.b import x` (the last name imported)
  const direct = new RegExp(`^\\s*(?:from\\s+\\.*(?:${alternatives})\\s+import|import\\s+(?:${alternatives})\\b)`, 'm');
  const lastNames = [...new Set(names.map((n) => n.split('.').pop()!))].map(escape).join('|');
  const member = new RegExp(`^\\s*from\\s+[\\w.]*\\s+import\\s+[^\\n]*\\b(?:${lastNames})\\b`, 'm');
  return files.filter((f) => {
    if (changed.has(f.rel) || !/\.pyi?$/.test(f.rel)) return false;
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      return false;
    }
    return direct.test(text) || member.test(text);
  });
}
