// How a tool's server is reached and gated, from the registering module or, when that module wires no transport,
// from the modules of its project that do (read lazily, only for files that register risky tools).
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { classifyFile } from '../rule-kit/file-class.js';
import { loadModule, projectFiles, projectRoot, resolveRelative } from './project.js';
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
    const mod = loadIfContains(path, SERVER_MARKERS, root);
    if (mod) out.push({ file: path, model: serverModel({ ast: mod.ast, index: mod.index, file: path }, mod.text) });
  }
  projectModels.set(root, out);
  return out;
}

/** How the package whose manifest is `packageJson` serves MCP, from its source (test code aside). */
export interface PackageServing {
  /** Creates or wires an MCP server at all (a client sample or a library of helpers does not). */
  server: boolean;
  http: boolean;
  /** Serves HTTP behind an enforced auth gate (a page in the user's browser has no token to send). */
  authenticated: boolean;
  /** Over HTTP, with a server instance created once at module level (shared by every request or client). */
  sharedInstance: boolean;
  /** Registers resources from URI templates (the SDK's UriTemplate parser runs on client input). */
  resourceTemplates: boolean;
}

/** `new ResourceTemplate('notes://{id}', …)` or the UriTemplate parser itself; not `ListResourceTemplatesRequestSchema`. */
const RESOURCE_TEMPLATE_MARKERS = ['new ResourceTemplate', 'UriTemplate(', 'UriTemplate.'];

export function packageServing(packageJson: string): PackageServing {
  const root = projectRoot(packageJson);
  const models = projectServerModels(packageJson).map((m) => m.model);
  const http = models.some((m) => m.transports.some((t) => t.kind !== 'stdio'));
  return {
    server: models.some((m) => m.transports.length > 0 || m.serverInstances.length > 0),
    http,
    authenticated: http && models.some((m) => m.auth.some((a) => a.enforced)),
    sharedInstance: http && models.some((m) => m.serverInstances.some((i) => i.moduleLevel) || m.connectors.length > 0),
    resourceTemplates: projectFiles(root).some((path) => loadIfContains(path, RESOURCE_TEMPLATE_MARKERS, root) !== null),
  };
}

/** A scope membership check: `authInfo.scopes.includes(…)`, `requiredScopes`, `hasScope(…)`, an `insufficient_scope` answer. */
const SCOPE_CHECK = /(?:scopes?|scp)\??\.(?:includes|has|some|every|indexOf)\(|requiredScopes|hasScopes?\(|checkScopes?\(|requireScopes?\(|insufficient_scope/;
const scopeChecks = new Map<string, boolean>();

/**
 * Does any module of the file's project (test code aside) check a scope? Where nothing does, the scopes a server
 * grants are labels: echoing what a client asked for escalates nothing.
 */
export function projectChecksScopes(file: string): boolean {
  const root = projectRoot(file);
  let known = scopeChecks.get(root);
  if (known === undefined) {
    known = projectFiles(root).some((path) => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return false;
      }
      return SCOPE_CHECK.test(text) && classifyFile(relative(root, path).split(sep).join('/'), text).cls === 'source';
    });
    scopeChecks.set(root, known);
  }
  return known;
}

const listeningModules = new Map<string, Array<{ file: string; listens: ListenFact[]; imports: Set<string> }>>();

/**
 * Where the servers that use this module listen: the listens of the project's modules it imports (a base class that
 * starts the web server) or that import it directly (the entry point that mounts its routes). A fragment no listening
 * module is linked to (docs snippets, one example of many in a folder) borrows no listen.
 */
export function listensOfLinked(file: string): ListenFact[] {
  const root = projectRoot(file);
  let modules = listeningModules.get(root);
  if (!modules) {
    modules = [];
    for (const path of projectFiles(root)) {
      const mod = loadIfContains(path, LISTEN_MARKERS, root);
      if (!mod) continue;
      const imports = new Set(mod.index.importSources.map((s) => resolveRelative(path, s)).filter((p): p is string => p !== null));
      modules.push({ file: path, listens: serverModel({ ast: mod.ast, index: mod.index, file: path }, mod.text).listens, imports });
    }
    listeningModules.set(root, modules);
  }
  const own = loadModule(file);
  const imported = new Set(own ? own.index.importSources.map((s) => resolveRelative(file, s)).filter((p): p is string => p !== null) : []);
  return modules.filter((m) => m.imports.has(file) || imported.has(m.file)).flatMap((m) => m.listens);
}

/**
 * Parses a project file only when its text contains a marker (most files cost one read). Test, generated and vendored
 * code is not how the project serves: a test that starts an HTTP transport does not make a stdio server an HTTP one.
 */
function loadIfContains(path: string, markers: readonly string[], root: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  if (!markers.some((m) => text.includes(m))) return null;
  const cls = classifyFile(relative(root, path).split(sep).join('/'), text).cls;
  return cls === 'source' || cls === 'example' ? loadModule(path) : null;
}

export function clearReachabilityCache(): void {
  projectModels.clear();
  listeningModules.clear();
  scopeChecks.clear();
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

