import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globby } from 'globby';
import picomatch from 'picomatch';
import type { Diagnostic } from './types.js';

/** Paths skipped unless a user names them: dependencies, build output, VCS data, lockfiles, bundles. */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.output/**',
  '**/.vercel/**',
  '**/.turbo/**',
  '**/.cache/**',
  '**/.wrangler/**',
  // Python virtual environments and caches: installed libraries, not the project's code.
  '**/.venv/**',
  '**/venv/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/.tox/**',
  '**/.nox/**',
  '**/*.min.js',
  '**/*.bundle.js',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lock',
];

export interface DiscoverOptions {
  root: string;
  paths: string[];
  /** Globs of the files some rule language reads (JS_FILES + CONFIG_FILES). */
  languageGlobs: string[];
  include?: string[];
  exclude?: string[];
}

export interface DiscoveredFile {
  abs: string;
  /** Relative to root, '/' separators. */
  rel: string;
}

export const toRel = (root: string, abs: string): string => relative(root, abs).split(sep).join('/');

/**
 * Walk the given paths with globby (honouring .gitignore), keep files some rule reads, apply include/exclude,
 * and refuse anything whose real path leaves the scan root (symlinks out, symlink loops).
 */
export async function discoverFiles(opts: DiscoverOptions, diagnostics: Diagnostic[]): Promise<DiscoveredFile[]> {
  const rootReal = realpathSync(opts.root);
  const isLanguageFile = picomatch(opts.languageGlobs, { dot: true });
  const isIncluded = opts.include?.length ? picomatch(opts.include, { dot: true }) : () => true;
  const isExcluded = opts.exclude?.length ? picomatch(opts.exclude, { dot: true }) : () => false;
  const found = new Map<string, DiscoveredFile>();

  const consider = (abs: string, explicit: boolean) => {
    const rel = toRel(opts.root, abs);
    if (!explicit && !isLanguageFile(rel)) return;
    if (!isIncluded(rel) || isExcluded(rel)) return;
    let st;
    try {
      st = lstatSync(abs);
    } catch (e) {
      diagnostics.push({ file: rel, kind: 'unreadable', message: `cannot stat file (${(e as NodeJS.ErrnoException).code})` });
      return;
    }
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        diagnostics.push({
          file: rel,
          kind: 'symlink',
          message: code === 'ELOOP' ? 'symlink loop; skipped' : `broken symlink (${code}); skipped`,
        });
        return;
      }
      if (real !== rootReal && !real.startsWith(rootReal + sep)) {
        diagnostics.push({ file: rel, kind: 'symlink', message: 'symlink points outside the scan root; not followed' });
        return;
      }
      if (!statSync(real).isFile()) return;
    } else if (!st.isFile()) return;
    found.set(abs, { abs, rel });
  };

  for (const p of opts.paths) {
    const abs = isAbsolute(p) ? p : resolve(process.cwd(), p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({
        file: toRel(opts.root, abs),
        kind: code === 'ELOOP' ? 'symlink' : 'unreadable',
        message: code === 'ENOENT' ? 'path does not exist' : `cannot read path (${code})`,
      });
      continue;
    }
    if (st.isFile()) {
      consider(abs, true);
      continue;
    }
    const entries = await globby(opts.languageGlobs, {
      cwd: abs,
      absolute: true,
      dot: true,
      gitignore: true,
      ignore: DEFAULT_IGNORES,
      followSymbolicLinks: false,
      onlyFiles: false,
      suppressErrors: true,
    });
    for (const e of entries) consider(e, false);
  }
  return [...found.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
