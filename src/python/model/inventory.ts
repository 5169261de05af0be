// The inventory of Python MCP servers: per project, how it is served, which auth pattern it follows, and its tools
// with risk class, sinks and whether they look at their caller. Same shape as the JS inventory (src/mcp-model).
import { relative, resolve, sep } from 'node:path';
import { authPattern, type InventoryServer, type InventoryTool, type RiskClass } from '../../mcp-model/inventory.js';
import { ALL_INTERFACES } from '../../mcp-model/server.js';
import { isSecretName } from '../../rule-kit/tables/auth-primitives.js';
import { parsePython } from '../parser.js';
import { child, locOf, memberPath, moduleOf, nodesOf, positionalArgs, stringValue, type PyModule } from '../tree.js';
import { analyzePyRegistration } from './analysis.js';
import { pythonProjectRoot, rememberPythonModule } from './project.js';
import { pyCtx, type PyCtx } from './scope.js';
import { pyServerModel } from './server.js';
import { pyToolRegistrations } from './tools.js';

/** `os.environ["GITHUB_TOKEN"]`, `os.getenv("STRIPE_API_KEY")`: credentials the server itself holds. */
function envCredentials(module: PyModule): string[] {
  const out = new Set<string>();
  for (const n of nodesOf(module, 'call', 'subscript')) {
    let name: string | null = null;
    if (n.type === 'subscript' && memberPath(child(n, 'value'))?.join('.').endsWith('environ')) name = stringValue(child(n, 'subscript'));
    if (n.type === 'call' && /(^|\.)(getenv|environ\.get)$/.test(memberPath(child(n, 'function'))?.join('.') ?? '')) name = stringValue(positionalArgs(n)[0]);
    if (name && isSecretName(name)) out.add(name);
  }
  return [...out];
}

/** Python servers among `files` (absolute paths and texts); the parser must be loaded. */
export function buildPythonInventory(files: Array<{ path: string; text: string }>, options: { scanRoot?: string } = {}): InventoryServer[] {
  const scanRoot = options.scanRoot && resolve(options.scanRoot);
  const byRoot = new Map<string, Array<{ path: string; ctx: PyCtx }>>();
  for (const f of files) {
    const module = parsePython(f.text)?.module;
    if (!module) continue;
    rememberPythonModule(f.path, module);
    const project = pythonProjectRoot(f.path);
    const root = scanRoot && scanRoot.startsWith(project + sep) ? scanRoot : project;
    const list = byRoot.get(root) ?? [];
    list.push({ path: f.path, ctx: pyCtx(module, f.path) });
    byRoot.set(root, list);
  }
  const servers: InventoryServer[] = [];
  for (const [root, mods] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = (p: string) => relative(root, p) || p;
    const tools: InventoryTool[] = [];
    for (const m of mods) {
      const regs = pyToolRegistrations(m.ctx);
      for (const reg of regs) {
        const facts = analyzePyRegistration(reg, m.ctx, regs);
        const risk: RiskClass = facts.sinks.length > 0 ? 'mutating' : reg.annotations.destructiveHint || reg.annotations.readOnlyHint === false ? 'declared-destructive' : 'read-only';
        tools.push({
          name: reg.name,
          kind: reg.kind,
          framework: reg.framework,
          file: rel(m.path),
          line: locOf(m.ctx.module, reg.nameNode).start.line,
          risk,
          sinks: facts.sinks.map((s) => ({ label: s.label, category: s.def.category, file: rel(s.file ?? m.path), line: locOf(moduleOf(s.node), s.node).start.line })),
          identityChecked: facts.identity.length > 0 || reg.authorizedAtRegistration,
          audit: null,
        });
      }
    }
    const models = mods.map((m) => ({ m, model: pyServerModel(m.ctx) }));
    const transports = [...new Set(models.flatMap(({ model }) => model.transports.map((t) => t.kind)))].sort();
    if (tools.length === 0 && transports.length === 0) continue;
    const auth = [...new Set(models.flatMap(({ model }) => model.auth.filter((a) => a.enforced).map((a) => a.kind)))].sort();
    const creds = [...new Set(mods.flatMap((m) => envCredentials(m.ctx.module)))].sort();
    servers.push({
      root,
      transports,
      listens: models.flatMap(({ m, model }) =>
        model.listens.map((l) => ({
          host: l.host ?? '(from configuration)',
          port: l.port,
          allInterfaces: !l.hostUnknown && l.host !== null && ALL_INTERFACES.has(l.host),
          file: rel(m.path),
          line: locOf(m.ctx.module, l.node).start.line,
        })),
      ),
      auth,
      envCredentials: creds,
      authPattern: authPattern(transports.some((t) => t !== 'stdio'), auth.length > 0, creds.length > 0),
      tools,
      // The audit trail and credential posture are read from JS/TS servers only, so far.
      audit: null,
      credentials: null,
    });
  }
  return servers;
}
