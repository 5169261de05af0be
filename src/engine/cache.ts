import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import picomatch from 'picomatch';
import { projectFiles, projectRoot } from '../mcp-model/project.js';
import { SERVER_MARKERS } from '../mcp-model/server.js';
import { JS_FILES } from '../plugin/files.js';
import type { FileResult } from './analyse.js';
import { RELATIVE_IMPORT } from './changed.js';
import type { FileFacts } from './severity-policy.js';

/** What a scan remembers of one file: exactly what analysing it produced (findings are already masked). */
export type CachedFileResult = FileResult;

const FILE_NAME = 'cache-v1.json';
const FORMAT = 2;

interface Entry {
  k: string;
  r: CachedFileResult;
}

/**
 * `--cache`: per-file results of earlier runs, reused when nothing a file's result depends on has changed. A
 * cache is advisory: whatever is wrong with it (missing, corrupt, another tool's, another scope) means start empty,
 * and failing to write it means no cache next time, never a failed scan.
 */
export class ScanCache {
  /** This run's entries: those reused (get hits) and those stored (set). Only they are saved. */
  private readonly next = new Map<string, Entry>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly scope: string,
    private readonly previous: Map<string, Entry>,
  ) {}

  /**
   * Load (or start empty) `<dir>/cache-v1.json`. `scope` is everything that changes results for every file (tool
   * version, enabled rule ids and their severities, maxFileSize); a different scope means an empty cache.
   */
  static load(dir: string, scope: unknown): ScanCache {
    const file = join(dir, FILE_NAME);
    const scopeKey = sha256(JSON.stringify(canonical(scope)));
    return new ScanCache(file, scopeKey, readEntries(file, scopeKey));
  }

  /** The cached result for a file, when its key matches. */
  get(rel: string, key: string): CachedFileResult | undefined {
    const entry = this.previous.get(rel);
    if (entry?.k !== key) return undefined;
    this.next.set(rel, entry);
    return entry.r;
  }

  /** Remember a file's result (kept by reference: do not mutate it before save()). */
  set(rel: string, key: string, result: CachedFileResult): void {
    this.next.set(rel, { k: key, r: result });
    this.changed = true;
  }

  /**
   * Write atomically (temp file + rename), keeping only files seen this run. Skipped when that is what is on disk
   * already. Never throws.
   */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const tmp = `${this.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ tool: 'mcp-audit', format: FORMAT, scope: this.scope, files: Object.fromEntries(this.next) }));
      renameSync(tmp, this.file);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing more to do: a stray temp file is harmless.
      }
    }
  }
}

function readEntries(file: string, scope: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return entries;
  }
  if (!isObject(raw) || raw.tool !== 'mcp-audit' || raw.format !== FORMAT || raw.scope !== scope || !isObject(raw.files)) return entries;
  for (const [rel, e] of Object.entries(raw.files)) {
    if (isObject(e) && typeof e.k === 'string' && isResult(e.r)) entries.set(rel, { k: e.k, r: e.r });
  }
  return entries;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isResult(v: unknown): v is CachedFileResult {
  return (
    isObject(v) &&
    typeof v.parsed === 'boolean' &&
    [v.findings, v.suppressed, v.heldBack, v.diagnostics].every((list) => Array.isArray(list) && list.every(isObject))
  );
}

/** Same value, same JSON: object keys sorted, so `{a, b}` and `{b, a}` are one scope. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical(v[k])]),
  );
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const isJsFile = picomatch(JS_FILES, { dot: true });

/**
 * Where `./x.js` may live, in the order the model resolves it (src/mcp-model/project.ts resolveRelative): as
 * written, a TS source behind a JS specifier, extensionless, a directory's index.
 */
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
function importCandidates(path: string): string[] {
  const stem = path.replace(/\.[cm]?js$/, '');
  return [path, ...RESOLVE_EXTENSIONS.map((e) => stem + e), ...RESOLVE_EXTENSIONS.map((e) => `${path}/index${e}`)];
}

interface ModuleFacts {
  text: string;
  digest: string;
  /** Relative import targets as written, joined to the importing file's directory (not yet resolved). */
  imports: string[];
}

/**
 * Digest and imports per module, reused while its text is the same, so a file's import closure costs one Map
 * lookup per module (readImport handing back the same string makes the comparison a pointer check).
 */
const moduleFacts = new Map<string, ModuleFacts>();
const MAX_REMEMBERED_MODULES = 20_000;

function factsOf(rel: string, text: string): ModuleFacts {
  const known = moduleFacts.get(rel);
  if (known?.text === text) return known;
  if (moduleFacts.size >= MAX_REMEMBERED_MODULES) moduleFacts.clear();
  const dir = posix.dirname(rel);
  const imports = text.includes('./') ? [...text.matchAll(RELATIVE_IMPORT)].map((m) => posix.normalize(posix.join(dir, m[1]))) : [];
  const facts = { text, digest: sha256(text), imports };
  moduleFacts.set(rel, facts);
  return facts;
}

/**
 * The key of one file: sha256 over its content, its file facts (git status changes severity; the file class derives from its path and content),
 * `project` (see projectKeys; '' when not wanted) and the content of every module it reaches through relative
 * imports. Transitively, not one level: the model resolves a name inside an imported module through that module's
 * own imports (src/mcp-model/resolve.ts), so a changed helper's helper changes the tool file's findings. An import
 * that resolves to nothing is part of the key too, so the file appearing re-analyses its importers.
 * `readImport(rel)` returns the text of a root-relative path, or null (missing, a directory, unreadable).
 */
export function fileCacheKey(
  rel: string,
  text: string,
  facts: FileFacts,
  readImport: (rel: string) => string | null,
  project = '',
): string {
  const hash = createHash('sha256');
  const part = (s: string) => hash.update(`${Buffer.byteLength(s)}:`).update(s);
  part(text);
  part(facts.git);
  part(project);
  if (!isJsFile(rel)) return hash.digest('hex');
  const seen = new Set([rel]);
  const queue = [...factsOf(rel, text).imports];
  for (let i = 0; i < queue.length; i++) {
    const wanted = queue[i];
    let target: { rel: string; text: string } | null = null;
    for (const candidate of importCandidates(wanted)) {
      const t = readImport(candidate);
      if (t !== null) {
        target = { rel: candidate, text: t };
        break;
      }
    }
    const id = target?.rel ?? `?${wanted}`;
    if (seen.has(id)) continue;
    seen.add(id);
    part(id);
    if (!target) continue;
    const module = factsOf(target.rel, target.text);
    part(module.digest);
    queue.push(...module.imports);
  }
  return hash.digest('hex');
}

/**
 * One per scan: `projectKey(absFile)` digests the serving modules (transport wiring, auth gates) of the file's
 * package. A tool file that wires no transport is judged by them (src/mcp-model/reachability.ts), though it does not
 * import them, so an edit to the server entry must re-analyse its tool files. Pass it to fileCacheKey for JS files.
 * `read(absPath)` lets the scan share the texts it reads anyway (null = unreadable).
 */
export function projectKeys(read: (absPath: string) => string | null = readOrNull): (absFile: string) => string {
  const byRoot = new Map<string, string>();
  return (absFile) => {
    const root = projectRoot(absFile);
    let key = byRoot.get(root);
    if (key === undefined) {
      const hash = createHash('sha256');
      for (const path of projectFiles(root)) {
        const text = read(path);
        // Paths relative to the package: a checkout restored elsewhere (CI caches) keeps its keys.
        if (text !== null && SERVER_MARKERS.some((m) => text.includes(m))) hash.update(`${path.slice(root.length)}\0${sha256(text)}\0`);
      }
      key = hash.digest('hex');
      byRoot.set(root, key);
    }
    return key;
  };
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
