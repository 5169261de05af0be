// Which version of a dependency a package's lockfile installs: package-lock.json (v1-v3, npm-shrinkwrap.json),
// pnpm-lock.yaml, yarn.lock (v1 and berry) and bun.lock. Lockfiles are data: read as text and parsed, never run.
// Looked up from the package.json's folder upwards (workspaces keep one lockfile at their root), never above `stopAt`.
import { dirname, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findUp } from './project-files.js';

/** Lockfile names in the order a folder is searched; the first one present answers. */
export const LOCKFILE_NAMES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

type Lockfile = NonNullable<ReturnType<typeof findUp>>;

/** The lockfile that governs the package whose manifest is `packageJson`: in its folder or the nearest one above. */
export function findLockfile(packageJson: string, stopAt: string): Lockfile | null {
  return findUp(dirname(resolve(packageJson)), stopAt, LOCKFILE_NAMES);
}

/** The version of `name` the lockfile installs for the package at `packageDir`; null when it does not say. */
export function lockedVersion(lock: Lockfile, packageDir: string, name: string): string | null {
  const importer = relative(dirname(lock.path), packageDir).split(sep).join('/');
  const base = lock.path.slice(dirname(lock.path).length + 1);
  try {
    if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return fromNpm(lock.text, importer, name);
    if (base === 'pnpm-lock.yaml') return fromPnpm(lock.text, importer, name);
    if (base === 'yarn.lock') return fromYarn(lock.text, name);
    if (base === 'bun.lock') return fromBun(lock.text, name);
  } catch {
    // a lockfile we cannot parse says nothing
  }
  return null;
}

function fromNpm(text: string, importer: string, name: string): string | null {
  const lock = JSON.parse(text) as {
    packages?: Record<string, { version?: string }>;
    dependencies?: Record<string, { version?: string }>;
  };
  if (lock.packages) {
    // v2/v3: the copy nearest the importing package wins, as Node resolves it
    const prefix = importer ? `${importer}/` : '';
    return lock.packages[`${prefix}node_modules/${name}`]?.version ?? lock.packages[`node_modules/${name}`]?.version ?? null;
  }
  return lock.dependencies?.[name]?.version ?? null;
}

function fromPnpm(text: string, importer: string, name: string): string | null {
  const lock = parseYaml(text) as {
    importers?: Record<string, Record<string, Record<string, { version?: string } | string>>>;
    dependencies?: Record<string, { version?: string } | string>;
  };
  const sections = lock.importers?.[importer || '.'] ?? { dependencies: lock.dependencies ?? {} };
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const entry = sections[field]?.[name];
    const version = typeof entry === 'string' ? entry : entry?.version;
    // `1.25.2(zod@3.25.76)`: peer suffixes follow the version
    if (version) return version.replace(/\(.*$/, '').replace(/^\//, '');
  }
  return null;
}

function fromYarn(text: string, name: string): string | null {
  // `"@scope/pkg@^1.0.0", "@scope/pkg@^1.2.0":` then `  version "1.25.2"` (v1) or `  version: 1.25.2` (berry)
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s/.test(line) || !line.endsWith(':')) continue;
    const specs = line.slice(0, -1).split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!specs.some((s) => s.startsWith(`${name}@`))) continue;
    for (let j = i + 1; j < lines.length && /^\s/.test(lines[j]); j++) {
      const m = /^\s+version:?\s+"?([^"\s]+)"?/.exec(lines[j]);
      if (m) return m[1];
    }
  }
  return null;
}

function fromBun(text: string, name: string): string | null {
  // JSONC with trailing commas: "packages": { "<name>": ["<name>@<version>", …] }
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`"${escaped}":\\s*\\[\\s*"${escaped}@([^"]+)"`).exec(text);
  return m ? m[1] : null;
}

