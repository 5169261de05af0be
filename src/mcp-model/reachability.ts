// How a tool's server is reached and gated, from the registering module or, when that module wires no transport,
// from the modules of its project that do (read lazily, only for files that register risky tools).
import { existsSync, readFileSync } from 'node:fs';
import { loadModule, projectFiles, projectRoot } from './project.js';
import type { ModuleCtx } from './resolve.js';
import { LISTEN_MARKERS, SERVER_MARKERS, serverModel, type AuthFact, type ListenFact, type ServerModel, type TransportFact } from './server.js';

export interface Located<T> {
  fact: T;
  /** Absolute path when in another module. */
  file?: string;
}

export interface Reachability {
  transports: Array<Located<TransportFact>>;
  /** Enforced request gates (identity at the transport). */
  auth: Array<Located<AuthFact>>;
  http: boolean;
  stdio: boolean;
}

const projectModels = new Map<string, Array<{ file: string; model: ServerModel }>>();

/** Server models of every module in the file's project that wires serving (cached per project root). */
export function projectServerModels(file: string): Array<{ file: string; model: ServerModel }> {
  const root = projectRoot(file);
  const known = projectModels.get(root);
  if (known) return known;
  const out: Array<{ file: string; model: ServerModel }> = [];
  for (const path of projectFiles(root)) {
    const mod = loadIfContains(path, SERVER_MARKERS);
    if (mod) out.push({ file: path, model: serverModel({ ast: mod.ast, index: mod.index, file: path }, mod.text) });
  }
  projectModels.set(root, out);
  return out;
}

const projectListenFacts = new Map<string, ListenFact[]>();

/** Where the file's project listens (cached per project root; reuses the project's server models when known). */
export function projectListens(file: string): ListenFact[] {
  const root = projectRoot(file);
  const known = projectListenFacts.get(root) ?? projectModels.get(root)?.flatMap((m) => m.model.listens);
  if (known) return known;
  const out: ListenFact[] = [];
  for (const path of projectFiles(root)) {
    const mod = loadIfContains(path, LISTEN_MARKERS);
    if (mod) out.push(...serverModel({ ast: mod.ast, index: mod.index, file: path }, mod.text).listens);
  }
  projectListenFacts.set(root, out);
  return out;
}

/** Parses a project file only when its text contains a marker (most files cost one read). */
function loadIfContains(path: string, markers: readonly string[]) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  return markers.some((m) => text.includes(m)) ? loadModule(path) : null;
}

export function clearReachabilityCache(): void {
  projectModels.clear();
  projectListenFacts.clear();
}

function summarize(models: Array<{ file?: string; model: ServerModel }>): Reachability {
  const transports = models.flatMap(({ file, model }) => model.transports.map((fact) => ({ fact, file })));
  const auth = models.flatMap(({ file, model }) => model.auth.filter((a) => a.enforced).map((fact) => ({ fact, file })));
  return { transports, auth, http: transports.some((t) => t.fact.kind !== 'stdio'), stdio: transports.some((t) => t.fact.kind === 'stdio') };
}

export function reachability(ctx: ModuleCtx, text: string): Reachability {
  const local = summarize([{ model: serverModel(ctx, text) }]);
  // A module that wires its own transport is judged on its own wiring: auth elsewhere in a package may guard a
  // different server. Tools registered apart from the wiring (tool files, agent classes) take the project's.
  // Files not on disk (editor buffers, stdin, virtual docs examples) have no project to read.
  if (local.transports.length > 0 || !ctx.file || !existsSync(ctx.file)) return local;
  return summarize(projectServerModels(ctx.file).filter((m) => m.file !== ctx.file));
}

