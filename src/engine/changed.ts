import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { DiscoveredFile } from './discover.js';

/** A relative import, require or dynamic import specifier (group 1), found textually. */
export const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const stripExt = (p: string) => p.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');

/**
 * The files `--changed` scans: those changed, plus files that import a changed file (one level), because a tool
 * handler's findings depend on the helpers it calls. Imports are found textually — nothing is parsed or executed.
 */
export function selectChanged(files: readonly DiscoveredFile[], changed: ReadonlySet<string>): DiscoveredFile[] {
  const changedModules = new Set([...changed].map(stripExt));
  return files.filter((f) => {
    if (changed.has(f.rel)) return true;
    if (!/\.[cm]?[jt]sx?$/.test(f.rel)) return false;
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      return false;
    }
    if (!text.includes('./')) return false;
    const dir = posix.dirname(f.rel);
    RELATIVE_IMPORT.lastIndex = 0;
    for (let m = RELATIVE_IMPORT.exec(text); m; m = RELATIVE_IMPORT.exec(text)) {
      if (changedModules.has(stripExt(posix.normalize(posix.join(dir, m[1]))))) return true;
    }
    return false;
  });
}
