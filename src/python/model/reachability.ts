// How a Python module's server is reached and gated: from the module itself when it wires a transport, otherwise
// from the modules of its project that do (read lazily, only when a rule asks).
import { existsSync, readFileSync } from 'node:fs';
import { pythonProjectFiles, pythonProjectRoot, loadPythonModule } from './project.js';
import { pyCtx, type PyCtx } from './scope.js';
import { PY_SERVER_MARKERS, pyServerModel, type PyAuth, type PyListen, type PyServerModel, type PyTransport } from './server.js';

export interface PyLocated<T> {
  fact: T;
  /** Absolute path when in another module. */
  file?: string;
}

export interface PyReachability {
  transports: Array<PyLocated<PyTransport>>;
  /** Enforced gates. */
  auth: Array<PyLocated<PyAuth>>;
  listens: Array<PyLocated<PyListen>>;
  http: boolean;
  stdio: boolean;
}

const projectModels = new Map<string, Array<{ file: string; model: PyServerModel }>>();

/** Server models of every module of the file's project that wires serving (cached per project root). */
export function pyProjectServerModels(file: string): Array<{ file: string; model: PyServerModel }> {
  const root = pythonProjectRoot(file);
  const known = projectModels.get(root);
  if (known) return known;
  const out: Array<{ file: string; model: PyServerModel }> = [];
  for (const path of pythonProjectFiles(root)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    if (!PY_SERVER_MARKERS.some((m) => text.includes(m))) continue;
    const module = loadPythonModule(path);
    if (module) out.push({ file: path, model: pyServerModel(pyCtx(module, path)) });
  }
  projectModels.set(root, out);
  return out;
}

export function clearPyReachabilityCache(): void {
  projectModels.clear();
}

function summarize(models: Array<{ file?: string; model: PyServerModel }>): PyReachability {
  const transports = models.flatMap(({ file, model }) => model.transports.map((fact) => ({ fact, file })));
  const auth = models.flatMap(({ file, model }) => model.auth.filter((a) => a.enforced).map((fact) => ({ fact, file })));
  const listens = models.flatMap(({ file, model }) => model.listens.map((fact) => ({ fact, file })));
  return { transports, auth, listens, http: transports.some((t) => t.fact.kind !== 'stdio'), stdio: transports.some((t) => t.fact.kind === 'stdio') };
}

/**
 * A module that wires its own transport is judged on its own wiring (auth elsewhere in a project may guard another
 * server: projects hold several). Modules that only register tools or hold helpers take the project's.
 */
export function pyReachability(ctx: PyCtx): PyReachability {
  const local = pyServerModel(ctx);
  if (local.transports.length > 0 || !ctx.file || !existsSync(ctx.file)) return summarize([{ model: local }]);
  return summarize(pyProjectServerModels(ctx.file).filter((m) => m.file !== ctx.file));
}

/** The server facts of the linted module only. */
export function localServing(ctx: PyCtx): PyServerModel {
  return pyServerModel(ctx);
}
