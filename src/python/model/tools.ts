// What a Python module registers as MCP tools, resources and prompts, in the shapes real servers use: official SDK
// `FastMCP` / `MCPServer` decorators (`@mcp.tool()`, `@mcp.resource(uri)`, `@mcp.prompt()`), `add_tool(fn)`; the
// low-level `Server` with `@server.call_tool()` dispatching on the tool name (if/elif, match, a table of handlers);
// jlowin/PrefectHQ fastmcp 2.x (`@mcp.tool`, `mcp.tool(fn)`, `Tool.from_function`); and FastAPI routes that
// fastapi-mcp (`FastApiMCP(app)`) or fastmcp (`FastMCP.from_fastapi(app)`) expose as tools. Computed once per
// module (cached).
import { existsSync, readFileSync } from 'node:fs';
import type { RegistrationKind } from '../../mcp-model/tools.js';
import { booleanValue, calleeName, child, decoratorsOf, keywordArg, memberPath, nodesOf, parameters, positionalArgs, stringValue, unwrap, walk, type PyModule, type PyNode } from '../tree.js';
import { pythonProjectFiles, pythonProjectRoot } from './project.js';
import { importsAny, resolveFunction, resolveString, resolveValue, type PyCtx } from './scope.js';

export type PyFramework = 'py-sdk' | 'py-sdk-lowlevel' | 'py-fastmcp' | 'fastapi-mcp' | 'py-unknown';

export interface PyToolRegistration {
  name: string | null;
  /** Where to report (in the registering module). */
  nameNode: PyNode;
  framework: PyFramework;
  kind: RegistrationKind;
  /** The handler `def` (or lambda). */
  handler: PyNode | null;
  /** The module the handler is in. */
  handlerCtx: PyCtx;
  /** Low-level dispatch: the statements of this tool's branch. */
  caseBody?: PyNode[];
  annotations: { destructiveHint?: boolean; readOnlyHint?: boolean };
  registration: PyNode;
  /** A per-tool authorization check declared where it is registered (fastmcp `auth=require_scopes(…)`). */
  authorizedAtRegistration: boolean;
}

/** Constructors of an MCP server object. */
export const SERVER_CLASSES = new Set(['FastMCP', 'MCPServer', 'Server', 'LowLevelServer']);
/** Packages whose import makes `@x.tool()` an MCP registration. */
export const MCP_PACKAGES = ['mcp', 'fastmcp', 'fastapi_mcp', 'mcp_server'];
/** Substrings one of which a registering module contains (the cheap bail-out for other modules). */
export const PY_REGISTRATION_MARKERS = ['.tool', '.resource', '.prompt', 'call_tool', 'add_tool', 'read_resource', 'get_prompt', 'FastApiMCP', 'from_fastapi'];

const DECORATOR_KINDS: Record<string, RegistrationKind> = { tool: 'tool', resource: 'resource', prompt: 'prompt' };
const LOWLEVEL_KINDS: Record<string, RegistrationKind> = { call_tool: 'tool', read_resource: 'resource', get_prompt: 'prompt' };
const ADD_METHODS: Record<string, RegistrationKind> = { add_tool: 'tool', add_resource_fn: 'resource', add_prompt: 'prompt' };
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'api_route']);
/** fastmcp's per-tool authorization callables (3.x `auth=`). */
const PER_TOOL_AUTH = /^(require_scopes|require_auth|restrict_tag|require_role|require_roles|require_any|require_all)$/;

/** Which family a module's registrations belong to, from what it imports. */
function frameworkOf(ctx: PyCtx): PyFramework {
  if (importsAny(ctx, ['fastmcp'])) return 'py-fastmcp';
  if (ctx.index.importedModules.some((m) => /^mcp\.server\.(lowlevel|lowlevel\.server)$/.test(m))) return 'py-sdk-lowlevel';
  if (importsAny(ctx, ['mcp'])) return 'py-sdk';
  return 'py-unknown';
}

const cache = new WeakMap<PyModule, PyToolRegistration[]>();

export function pyToolRegistrations(ctx: PyCtx): PyToolRegistration[] {
  const known = cache.get(ctx.module);
  if (known) return known;
  const text = ctx.module.text;
  const regs = PY_REGISTRATION_MARKERS.some((m) => text.includes(m)) || exposesRoutes(ctx) ? collect(ctx) : [];
  cache.set(ctx.module, regs);
  return regs;
}

/** Is this expression an MCP server object: `FastMCP(…)`, `Server(…)`, or a name bound to one (here or imported)? */
export function isServerObject(ctx: PyCtx, node: PyNode | null): boolean {
  const v = resolveValue(ctx, node);
  const n = unwrap(v?.node);
  if (n?.type !== 'call') return false;
  const path = memberPath(child(n, 'function')) ?? [];
  const last = path[path.length - 1] ?? '';
  return SERVER_CLASSES.has(last) || (path[0] === 'FastMCP' && /^(from_fastapi|from_openapi|as_proxy)$/.test(last));
}

function annotationsOf(call: PyNode | null): PyToolRegistration['annotations'] {
  const out: PyToolRegistration['annotations'] = {};
  const a = call && unwrap(keywordArg(call, 'annotations'));
  if (!a) return out;
  const read = (key: string): boolean | null => {
    if (a.type === 'call') return booleanValue(keywordArg(a, key) ?? keywordArg(a, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
    if (a.type === 'dictionary') {
      for (const pair of a.children) if (pair.type === 'pair' && stringValue(child(pair, 'key')) === key) return booleanValue(child(pair, 'value'));
    }
    return null;
  };
  const d = read('destructiveHint');
  const r = read('readOnlyHint');
  if (d !== null) out.destructiveHint = d;
  if (r !== null) out.readOnlyHint = r;
  return out;
}

function collect(ctx: PyCtx): PyToolRegistration[] {
  const out: PyToolRegistration[] = [];
  const framework = frameworkOf(ctx);
  const mcpModule = importsAny(ctx, MCP_PACKAGES);
  const routesAreTools = exposesRoutes(ctx);
  for (const dec of nodesOf(ctx.module, 'decorator')) {
    const expr = dec.children[0];
    const call = expr?.type === 'call' ? expr : null;
    const fnExpr = call ? child(call, 'function') : expr;
    if (fnExpr?.type !== 'attribute') continue;
    const method = child(fnExpr, 'attribute')?.text ?? '';
    const object = child(fnExpr, 'object');
    const def = child(dec.parent!, 'definition');
    if (def?.type !== 'function_definition') continue;
    const name = child(def, 'name');
    if (method in DECORATOR_KINDS) {
      if (!mcpModule && !isServerObject(ctx, object) && memberPath(object)?.at(-1) !== 'mcp') continue;
      const kind = DECORATOR_KINDS[method];
      // `@mcp.tool(name="x")`, `@mcp.tool("x")`; a resource's first argument is its URI
      const explicit = call ? (keywordArg(call, 'name') ?? (kind === 'resource' ? null : positionalArgs(call)[0] ?? null)) : null;
      const uri = call && kind === 'resource' ? positionalArgs(call)[0] : null;
      const nameValue = explicit ? resolveString(ctx, explicit) : null;
      out.push({
        name: nameValue ?? (uri ? resolveString(ctx, uri) : null) ?? name?.text ?? null,
        nameNode: name ?? dec,
        framework,
        kind,
        handler: def,
        handlerCtx: ctx,
        annotations: annotationsOf(call),
        registration: dec,
        authorizedAtRegistration: perToolAuth(call),
      });
    } else if (method in LOWLEVEL_KINDS) {
      if (!mcpModule && !isServerObject(ctx, object)) continue;
      lowLevel(ctx, def, LOWLEVEL_KINDS[method], dec, out);
    } else if (routesAreTools && ROUTE_METHODS.has(method)) {
      const opId = call ? keywordArg(call, 'operation_id') : null;
      out.push({
        name: (opId && resolveString(ctx, opId)) ?? name?.text ?? null,
        nameNode: name ?? dec,
        framework: 'fastapi-mcp',
        kind: 'tool',
        handler: def,
        handlerCtx: ctx,
        annotations: {},
        registration: dec,
        authorizedAtRegistration: false,
      });
    }
  }
  for (const call of nodesOf(ctx.module, 'call')) {
    const fn = child(call, 'function');
    if (fn?.type === 'attribute') {
      const method = child(fn, 'attribute')?.text ?? '';
      const object = child(fn, 'object');
      const kind = ADD_METHODS[method] ?? (method in DECORATOR_KINDS && positionalArgs(call).length > 0 ? DECORATOR_KINDS[method] : undefined);
      if (kind && (mcpModule || isServerObject(ctx, object))) added(ctx, call, kind, framework, out);
    } else if (fn?.type === 'call') {
      // `mcp.tool()(fn)`, `mcp.tool(name="x")(fn)`
      const inner = child(fn, 'function');
      const method = inner?.type === 'attribute' ? (child(inner, 'attribute')?.text ?? '') : '';
      if (method in DECORATOR_KINDS && (mcpModule || isServerObject(ctx, child(inner!, 'object')))) added(ctx, call, DECORATOR_KINDS[method], framework, out, fn);
    }
  }
  return out;
}

function perToolAuth(call: PyNode | null): boolean {
  const auth = call ? unwrap(keywordArg(call, 'auth')) : null;
  if (!auth) return false;
  let found = false;
  walk(auth, (n) => {
    if (n.type === 'call' && PER_TOOL_AUTH.test(calleeName(n) ?? '')) found = true;
  });
  return found;
}

/** `mcp.add_tool(fn)`, `mcp.add_tool(Tool.from_function(fn, name="x"))`, `mcp.tool(fn)`, `mcp.tool()(fn)`. */
function added(ctx: PyCtx, call: PyNode, kind: RegistrationKind, framework: PyFramework, out: PyToolRegistration[], options: PyNode = call): void {
  let target = positionalArgs(call)[0];
  let named = keywordArg(options, 'name');
  const inner = unwrap(target);
  if (inner?.type === 'call' && /^from_function$/.test(calleeName(inner) ?? '')) {
    target = positionalArgs(inner)[0] ?? keywordArg(inner, 'fn');
    named ??= keywordArg(inner, 'name');
  }
  const fn = target ? resolveFunction(ctx, target) : null;
  if (!fn) return;
  out.push({
    name: (named && resolveString(ctx, named)) ?? (fn.node.type === 'function_definition' ? (child(fn.node, 'name')?.text ?? null) : null),
    nameNode: target ?? call,
    framework,
    kind,
    handler: fn.node,
    handlerCtx: fn.ctx,
    annotations: annotationsOf(options),
    registration: call,
    authorizedAtRegistration: perToolAuth(options),
  });
}

/**
 * `@server.call_tool()` handlers get the tool's name as their first parameter and dispatch on it: `if name ==
 * "x":` / `elif`, `match name: case "x":` (enum members too), or a table of handlers (`HANDLERS[name](args)`).
 * One registration per branch; a handler without a readable dispatch is one registration with no name.
 */
function lowLevel(ctx: PyCtx, def: PyNode, kind: RegistrationKind, dec: PyNode, out: PyToolRegistration[]): void {
  const base = { framework: 'py-sdk-lowlevel' as const, kind, handler: def, handlerCtx: ctx, annotations: {}, registration: dec, authorizedAtRegistration: false };
  const nameParam = parameters(def).find((p) => p.name !== 'self')?.name;
  let found = 0;
  if (nameParam && kind === 'tool') {
    const isName = (n: PyNode | null) => unwrap(n)?.type === 'identifier' && unwrap(n)!.text === nameParam;
    walk(child(def, 'body')!, (n) => {
      if (n.type === 'if_statement' || n.type === 'elif_clause') {
        const test = unwrap(child(n, 'condition'));
        if (test?.type === 'comparison_operator' && test.operators?.[0] === '==' && test.children.length === 2) {
          const [l, r] = test.children;
          const literal = isName(l) ? r : isName(r) ? l : null;
          const name = literal && resolveString(ctx, literal);
          const body = child(n, 'consequence');
          if (literal && name !== null && body) {
            out.push({ ...base, name, nameNode: literal, caseBody: body.children });
            found++;
          }
        }
      } else if (n.type === 'match_statement' && isName(child(n, 'subject'))) {
        for (const c of child(n, 'body')?.children ?? []) {
          if (c.type !== 'case_clause') continue;
          const pattern = c.children.find((x) => x.type === 'case_pattern');
          const value = pattern?.children[0];
          const name = value ? (stringValue(value) ?? resolveString(ctx, value)) : null;
          const body = child(c, 'consequence');
          if (value && name !== null && body) {
            out.push({ ...base, name, nameNode: value, caseBody: body.children });
            found++;
          }
        }
      } else if (n.type === 'subscript' && isName(child(n, 'subscript'))) {
        found += tableDispatch(ctx, child(n, 'value'), n, base, out);
      } else if (n.type === 'call' && calleeName(n) === 'get' && isName(positionalArgs(n)[0])) {
        found += tableDispatch(ctx, child(child(n, 'function'), 'object'), n, base, out);
      }
    });
  }
  if (found === 0) out.push({ ...base, name: null, nameNode: child(def, 'name') ?? dec });
}

/** `TOOLS[name](arguments)` / `HANDLERS.get(name)`: one registration per entry of the dict of handlers. */
function tableDispatch(ctx: PyCtx, table: PyNode | null, at: PyNode, base: Omit<PyToolRegistration, 'name' | 'nameNode'>, out: PyToolRegistration[]): number {
  const v = resolveValue(ctx, table);
  if (v?.node.type !== 'dictionary') return 0;
  let n = 0;
  for (const pair of v.node.children) {
    if (pair.type !== 'pair') continue;
    const name = resolveString(v.ctx, child(pair, 'key'));
    const fn = resolveFunction(v.ctx, child(pair, 'value'));
    out.push({ ...base, name, nameNode: v.ctx === ctx ? child(pair, 'key')! : at, handler: fn?.node ?? null, handlerCtx: fn?.ctx ?? v.ctx });
    n++;
  }
  return n;
}

const exposing = new Map<string, boolean>();

/** Does the module's project hand its FastAPI routes to MCP (`FastApiMCP(app)`, `FastMCP.from_fastapi(app)`)? */
export function exposesRoutes(ctx: PyCtx): boolean {
  const here = /FastApiMCP\(|from_fastapi\(/.test(ctx.module.text);
  if (here || !ctx.file || !existsSync(ctx.file)) return here;
  const root = pythonProjectRoot(ctx.file);
  let known = exposing.get(root);
  if (known === undefined) {
    known = pythonProjectFiles(root).some((f) => {
      try {
        return /FastApiMCP\(|from_fastapi\(/.test(readFileSync(f, 'utf8'));
      } catch {
        return false;
      }
    });
    exposing.set(root, known);
  }
  return known;
}

export function clearPyToolCaches(): void {
  exposing.clear();
}
