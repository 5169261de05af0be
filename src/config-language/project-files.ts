// Files beside a config that say something about the project it belongs to (its package.json, its lockfile), read as
// data and found from a folder upwards, never above the scan root.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Texts read, kept while the file's size and modification time stay the same (an editor session outlives edits). */
const texts = new Map<string, { stamp: string; text: string }>();

export function readProjectFile(path: string): string | null {
  let stamp: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) return null;
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    return null; // absent or unreadable
  }
  const known = texts.get(path);
  if (known?.stamp === stamp) return known.text;
  try {
    const text = readFileSync(path, 'utf8');
    texts.set(path, { stamp, text });
    return text;
  } catch {
    return null;
  }
}

/** The first of `names` present in `from` or a folder above it, up to `stopAt` (included). */
export function findUp(from: string, stopAt: string, names: readonly string[]): { path: string; text: string } | null {
  const top = resolve(stopAt);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of names) {
      const path = join(dir, name);
      const text = readProjectFile(path);
      if (text !== null) return { path, text };
    }
    if (dir === top || relative(top, dir).startsWith('..') || dirname(dir) === dir) return null;
  }
}

/** The `name` of the package a file belongs to (its nearest package.json up to `stopAt`), or null. */
export function ownPackageName(file: string, stopAt: string): string | null {
  const manifest = findUp(dirname(resolve(file)), stopAt, ['package.json']);
  if (!manifest) return null;
  try {
    const name = (JSON.parse(manifest.text) as { name?: unknown }).name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}
