// How a Python module serves: MCP transports (`mcp.run(transport=…)`, `sse_app()`, `stdio_server()`, low-level
// session managers), web apps (FastAPI, Starlette, Flask) and where they listen (`uvicorn.run(host=…)`, the
// server's own host setting, defaults resolved), which auth gates them (FastMCP auth providers and token verifiers,
// auth middleware, FastAPI dependencies), CORS, and DNS-rebinding protection. Computed once per module (cached).
import type { TransportKind } from '../../mcp-model/server.js';
import { ALL_INTERFACES, LOCAL_HOSTS } from '../../mcp-model/server.js';
import { isIdentityHeader } from '../../rule-kit/tables/identity-headers.js';
import { booleanValue, calleeName, child, keywordArg, memberPath, nodesOf, positionalArgs, stringValue, unwrap, walk, type PyModule, type PyNode } from '../tree.js';
import { authDependencies } from './identity.js';
import { baseClasses, importedName, resolveValue, type PyCtx } from './scope.js';
import { isServerObject } from './tools.js';

export interface PyTransport {
  kind: TransportKind;
  node: PyNode;
}

export interface PyListen {
  node: PyNode;
  /** Literal host, after defaults (`uvicorn.run(app)` and FastMCP listen on 127.0.0.1 unless told otherwise). */
  host: string | null;
  /** Given, but not statically known (an env var without a literal fallback, a setting). */
  hostUnknown: boolean;
  port: string | null;
}

export type PyAuthKind = 'fastmcp-auth' | 'token-verifier' | 'middleware' | 'dependency';

export interface PyAuth {
  kind: PyAuthKind;
  node: PyNode;
  /** False for gates that let anyone through (a middleware that only checks an identity header is present). */
  enforced: boolean;
}

export interface PyCors {
  node: PyNode;
  origin: 'any' | 'list';
  credentials: boolean;
}

export interface PyServerModel {
  transports: PyTransport[];
  listens: PyListen[];
  auth: PyAuth[];
  /** Host/Origin validation in front of the server (TransportSecuritySettings with allow lists, TrustedHostMiddleware). */
  hostValidation: PyNode[];
  /** DNS-rebinding protection switched off (`enable_dns_rebinding_protection=False`). */
  rebindingOff: PyNode[];
  /** Low-level HTTP transports built without `security_settings` (they validate nothing by default). */
  unprotectedTransports: PyNode[];
  cors: PyCors[];
}

/** Substrings of modules that wire serving; others are not analysed for it. */
export const PY_SERVER_MARKERS = [
  '.run(', 'uvicorn', 'FastMCP', 'Server(', 'stdio_server', 'sse_app', 'streamable_http_app', 'http_app', 'FastAPI(', 'Starlette(',
  'Flask(', 'add_middleware', 'Middleware(', 'CORS', 'allow_origins', 'TransportSecuritySettings', 'SseServerTransport',
  'StreamableHTTPSessionManager', 'FastApiMCP', 'run_app', 'run_sse_async', 'run_streamable_http_async', 'run_http_async',
];

const TRANSPORT_NAMES: Record<string, TransportKind> = {
  stdio: 'stdio', sse: 'sse', 'streamable-http': 'streamable-http', streamable_http: 'streamable-http', http: 'streamable-http', 'streamable-https': 'streamable-http',
};
const RUN_METHODS: Record<string, TransportKind> = {
  run_stdio_async: 'stdio', run_sse_async: 'sse', run_streamable_http_async: 'streamable-http', run_http_async: 'streamable-http',
};
const APP_METHODS: Record<string, TransportKind> = { sse_app: 'sse', streamable_http_app: 'streamable-http', http_app: 'streamable-http' };
const WEB_APPS = new Set(['FastAPI', 'Starlette', 'Flask', 'Quart', 'Sanic']);
/** Middleware and dependencies whose name says they authenticate. */
const AUTH_NAME = /auth|bearer|jwt|token|api_?key|apikey|guard|protect|verif|oauth|credential/i;
const NOT_AUTH = /cors|gzip|trustedhost|session|proxyheaders|https?redirect|logging|timing|error/i;
/** Calls that verify a credential, in a middleware that would otherwise only look at headers. */
const VERIFIES = /verify|validate|compare_digest|introspect|authenticate|check_token|check_api_key|get_user_by_token|load_user|(^|\.)jwt\.decode$/i;

const cache = new WeakMap<PyModule, PyServerModel>();

export function pyServerModel(ctx: PyCtx): PyServerModel {
  const known = cache.get(ctx.module);
  if (known) return known;
  const model: PyServerModel = { transports: [], listens: [], auth: [], hostValidation: [], rebindingOff: [], unprotectedTransports: [], cors: [] };
  if (PY_SERVER_MARKERS.some((m) => ctx.module.text.includes(m))) collect(ctx, model);
  cache.set(ctx.module, model);
  return model;
}

/** A string, or the literal fallback of `os.getenv("X", "lit")` / `os.environ.get("X", "lit")`; unknown otherwise. */
export function stringSetting(ctx: PyCtx, node: PyNode | null): { value: string | null; unknown: boolean } {
  const v = resolveValue(ctx, node);
  const n = unwrap(v?.node ?? node);
  if (!n) return { value: null, unknown: false };
  const s = stringValue(n);
  if (s !== null) return { value: s, unknown: false };
  if (n.type === 'call') {
    const path = memberPath(child(n, 'function'))?.join('.') ?? '';
    if (/(^|\.)(getenv|environ\.get)$/.test(path)) {
      const fallback = positionalArgs(n)[1] ?? keywordArg(n, 'default');
      const f = fallback ? stringSetting(v?.ctx ?? ctx, fallback) : null;
      return f && f.value !== null ? f : { value: null, unknown: true };
    }
    // `str(x)`, `int(os.getenv("PORT", "8000"))`
    if (/^(str|int)$/.test(path) && positionalArgs(n)[0]) return stringSetting(v?.ctx ?? ctx, positionalArgs(n)[0]);
  }
  if (n.type === 'boolean_operator') return stringSetting(v?.ctx ?? ctx, child(n, 'right'));
  if (n.type === 'integer') return { value: n.text!, unknown: false };
  return { value: null, unknown: true };
}

function portOf(ctx: PyCtx, node: PyNode | null): string | null {
  if (!node) return null;
  const s = stringSetting(ctx, node);
  return s.value ?? memberPath(node)?.join('.') ?? null;
}

/** The constructor call that made a server object (`FastMCP("x", host=…)`), here or in an imported module. */
function constructorOf(ctx: PyCtx, model: PyServerModel, object: PyNode | null): PyNode | null {
  const v = resolveValue(ctx, object);
  const n = unwrap(v?.node);
  if (n?.type !== 'call') return null;
  // Its auth settings gate this run even when the server object is made in another module.
  if (v!.ctx.module !== ctx.module && SERVER_CONSTRUCTORS.has(calleeName(n) ?? '')) serverAuth(v!.ctx, model, n);
  return n;
}


/** `mcp.settings.host = "0.0.0.0"` anywhere in the module: the server's host setting. */
function settingsAssignment(ctx: PyCtx, key: string): PyNode | null {
  for (const a of nodesOf(ctx.module, 'assignment')) {
    const p = memberPath(child(a, 'left'));
    if (p && p.length >= 2 && p[p.length - 2] === 'settings' && p[p.length - 1] === key) return child(a, 'right');
  }
  return null;
}

function collect(ctx: PyCtx, model: PyServerModel): void {
  for (const call of nodesOf(ctx.module, 'call')) {
    const path = memberPath(child(call, 'function')) ?? [];
    const name = path[path.length - 1] ?? '';
    const object = child(child(call, 'function'), 'object');
    if (name === 'run' && path.length >= 2 && isServerObject(ctx, object)) serverRun(ctx, model, call, object);
    else if (name in RUN_METHODS && path.length >= 2) serverRunAsync(ctx, model, call, object, RUN_METHODS[name]);
    else if (name in APP_METHODS && path.length >= 2 && isServerObject(ctx, object)) model.transports.push({ kind: APP_METHODS[name], node: call });
    else if (name === 'stdio_server') model.transports.push({ kind: 'stdio', node: call });
    else if (name === 'SseServerTransport' || name === 'StreamableHTTPSessionManager') lowLevelTransport(ctx, model, call, name);
    else if (name === 'FastApiMCP') model.transports.push({ kind: 'streamable-http', node: call });
    else if (WEB_APPS.has(name) && path.length <= 2) webApp(ctx, model, call);
    else if (name === 'run' && path.length === 2 && importedName(ctx, path[0]) === 'uvicorn') listen(ctx, model, call, positionalArgs(call)[0], '127.0.0.1');
    else if (name === 'Config' && path.length === 2 && importedName(ctx, path[0]) === 'uvicorn') listen(ctx, model, call, positionalArgs(call)[0], '127.0.0.1');
    else if (name === 'run_app') listen(ctx, model, call, positionalArgs(call)[0], '0.0.0.0');
    else if (name === 'run' && path.length === 2 && isWebApp(ctx, object)) listen(ctx, model, call, object, '127.0.0.1');
    else if (name === 'add_middleware') middleware(ctx, model, call, positionalArgs(call)[0], call);
    else if (name === 'Middleware') middleware(ctx, model, call, positionalArgs(call)[0], call);
    else if (name === 'TransportSecuritySettings') transportSecurity(model, call);
    else if (name === 'TrustedHostMiddleware') model.hostValidation.push(call);
    else if (name === 'CORS' && path.length === 1) flaskCors(model, call);
    if (SERVER_CONSTRUCTORS.has(name)) serverAuth(ctx, model, call);
    if (name === 'APIRouter' || WEB_APPS.has(name)) appDependencies(model, call);
  }
  corsSettingsClasses(ctx, model);
  routeDependencies(ctx, model);
}

const SERVER_CONSTRUCTORS = new Set(['FastMCP', 'MCPServer']);

/** `mcp.run()` (stdio), `mcp.run(transport="sse", host=…, port=…)`; host from run(), the constructor, or settings. */
function serverRun(ctx: PyCtx, model: PyServerModel, call: PyNode, object: PyNode | null): void {
  // The low-level `server.run(read_stream, write_stream, options)` takes streams, not a transport name.
  const first = positionalArgs(call)[0];
  const given = keywordArg(call, 'transport') ?? (first && stringValue(first) !== null ? first : null);
  if (!given && first) return;
  const t = stringSetting(ctx, given);
  // A transport chosen at run time (`transport=args.transport`) is not known: no fact either way.
  const kind = t.value ? TRANSPORT_NAMES[t.value] : t.unknown ? undefined : 'stdio';
  if (!kind) return;
  model.transports.push({ kind, node: call });
  if (kind !== 'stdio') serverListen(ctx, model, call, object);
}

function serverRunAsync(ctx: PyCtx, model: PyServerModel, call: PyNode, object: PyNode | null, kind: TransportKind): void {
  if (!isServerObject(ctx, object)) return;
  model.transports.push({ kind, node: call });
  if (kind !== 'stdio') serverListen(ctx, model, call, object);
}

/** Where an MCP server object listens: run(host=…), then FastMCP(host=…), then `mcp.settings.host = …`; else 127.0.0.1. */
function serverListen(ctx: PyCtx, model: PyServerModel, call: PyNode, object: PyNode | null): void {
  const ctor = constructorOf(ctx, model, object);
  const hostNode = keywordArg(call, 'host') ?? (ctor && keywordArg(ctor, 'host')) ?? settingsAssignment(ctx, 'host');
  const portNode = keywordArg(call, 'port') ?? (ctor && keywordArg(ctor, 'port')) ?? settingsAssignment(ctx, 'port');
  const host = hostNode ? stringSetting(ctx, hostNode) : { value: '127.0.0.1', unknown: false };
  model.listens.push({ node: hostNode ?? call, host: host.value, hostUnknown: host.value === null && host.unknown, port: portOf(ctx, portNode) });
}

/** `uvicorn.run(app, host=…)`, `uvicorn.Config(app, host=…)`, `app.run(host=…)`, aiohttp `web.run_app(app)`. */
function listen(ctx: PyCtx, model: PyServerModel, call: PyNode, app: PyNode | null | undefined, defaultHost: string): void {
  const hostNode = keywordArg(call, 'host');
  const host = hostNode ? stringSetting(ctx, hostNode) : { value: defaultHost, unknown: false };
  model.listens.push({ node: hostNode ?? call, host: host.value, hostUnknown: host.value === null && host.unknown, port: portOf(ctx, keywordArg(call, 'port')) });
  // A served web app is an HTTP server even when it mounts nothing MCP-specific here.
  if (app && !model.transports.some((t) => t.kind !== 'stdio')) model.transports.push({ kind: 'http-handler', node: call });
}

function isWebApp(ctx: PyCtx, node: PyNode | null): boolean {
  const v = resolveValue(ctx, node);
  const n = unwrap(v?.node);
  return n?.type === 'call' && WEB_APPS.has(calleeName(n) ?? '');
}

function webApp(ctx: PyCtx, model: PyServerModel, call: PyNode): void {
  const path = memberPath(child(call, 'function')) ?? [];
  // `FastAPI()` from fastapi, `Starlette()`, `Flask(__name__)`: not a class of the project's own by that name
  if (ctx.index.classes.has(path[0])) return;
  model.transports.push({ kind: 'http-handler', node: call });
}

function lowLevelTransport(ctx: PyCtx, model: PyServerModel, call: PyNode, name: string): void {
  model.transports.push({ kind: name === 'SseServerTransport' ? 'sse' : 'streamable-http', node: call });
  const settings = keywordArg(call, 'security_settings');
  if (!settings || unwrap(settings)?.type === 'none') model.unprotectedTransports.push(call);
}

function transportSecurity(model: PyServerModel, call: PyNode): void {
  const enabled = booleanValue(keywordArg(call, 'enable_dns_rebinding_protection'));
  const lists = ['allowed_hosts', 'allowed_origins'].some((k) => {
    const v = unwrap(keywordArg(call, k));
    return v?.type === 'list' && v.children.length > 0;
  });
  if (enabled === false) model.rebindingOff.push(call);
  else if (lists) model.hostValidation.push(call);
}

/** FastMCP(auth=…), FastMCP(token_verifier=…, auth=AuthSettings(…)), FastMCP(auth_server_provider=…). */
function serverAuth(ctx: PyCtx, model: PyServerModel, call: PyNode): void {
  const auth = unwrap(keywordArg(call, 'auth'));
  const verifier = unwrap(keywordArg(call, 'token_verifier') ?? keywordArg(call, 'auth_server_provider'));
  const gate = verifier ?? auth;
  if (!gate || gate.type === 'none') return;
  const provider = unwrap(resolveValue(ctx, gate)?.node ?? gate);
  // fastmcp's DebugTokenVerifier accepts any token (no-presence-only-auth says so)
  const accepts = provider?.type === 'call' && calleeName(provider) === 'DebugTokenVerifier' && !keywordArg(provider, 'validate');
  model.auth.push({ kind: verifier ? 'token-verifier' : 'fastmcp-auth', node: gate, enforced: !accepts });
}

/** `app.add_middleware(AuthMiddleware, …)`, `Middleware(AuthenticationMiddleware, backend=…)`, fastmcp `mcp.add_middleware(X())`. */
function middleware(ctx: PyCtx, model: PyServerModel, call: PyNode, first: PyNode | undefined, at: PyNode): void {
  const target = unwrap(first);
  if (!target) return;
  const cls = target.type === 'call' ? child(target, 'function') : target;
  const name = memberPath(cls)?.at(-1) ?? '';
  if (name === 'CORSMiddleware') {
    corsMiddleware(ctx, model, call);
    return;
  }
  if (name === 'TrustedHostMiddleware') {
    model.hostValidation.push(call);
    return;
  }
  if (!AUTH_NAME.test(name) || NOT_AUTH.test(name)) return;
  const local = ctx.index.classes.get(name);
  model.auth.push({ kind: 'middleware', node: at, enforced: !local || !headerPresenceOnly(local) });
}

/**
 * A middleware class that reads an identity header and never verifies anything: whoever sends the header passes.
 * (no-unverified-identity reports the header; here it only means the middleware is no gate.)
 */
export function headerPresenceOnly(cls: PyNode): boolean {
  let identityHeader = false;
  let verifies = false;
  walk(cls, (n) => {
    if (n.type === 'string' && isIdentityHeader(stringValue(n) ?? '')) identityHeader = true;
    if (n.type === 'call' && VERIFIES.test(memberPath(child(n, 'function'))?.join('.') ?? '')) verifies = true;
  });
  return identityHeader && !verifies;
}

function originKind(ctx: PyCtx, origins: PyNode | null, regex: PyNode | null): PyCors['origin'] {
  const r = regex ? stringValue(regex) : null;
  if (r !== null && /^\^?\.[*+]\$?$/.test(r)) return 'any';
  const v = unwrap(resolveValue(ctx, origins)?.node ?? origins);
  if (!v) return 'list';
  if (stringValue(v) === '*') return 'any';
  // `field(default_factory=lambda: ["*"])`, `Field(default=["*"])`
  const inner = v.type === 'call' ? unwrap(keywordArg(v, 'default') ?? keywordArg(v, 'default_factory') ?? positionalArgs(v)[0]) : v;
  const list = inner?.type === 'lambda' ? unwrap(child(inner, 'body')) : inner;
  return list?.type === 'list' && list.children.some((e) => stringValue(e) === '*') ? 'any' : 'list';
}

function corsMiddleware(ctx: PyCtx, model: PyServerModel, call: PyNode): void {
  const origin = originKind(ctx, keywordArg(call, 'allow_origins'), keywordArg(call, 'allow_origin_regex'));
  const cred = keywordArg(call, 'allow_credentials');
  const credentials = booleanValue(resolveValue(ctx, cred)?.node ?? cred) === true || (cred !== null && settingIsTrue(ctx, cred));
  model.cors.push({ node: call, origin, credentials });
}

/** `allow_credentials=settings.cors_credentials` where the settings class says `cors_credentials: bool = True`. */
function settingIsTrue(ctx: PyCtx, node: PyNode): boolean {
  const field = memberPath(node)?.at(-1);
  if (!field) return false;
  for (const cls of ctx.index.classes.values()) {
    for (const st of child(cls, 'body')?.children ?? []) {
      const a = st.type === 'expression_statement' ? st.children[0] : null;
      if (a?.type === 'assignment' && child(a, 'left')?.text === field && booleanValue(child(a, 'right')) === true) return true;
    }
  }
  return false;
}

/** Flask-CORS: `CORS(app)` admits every origin; `supports_credentials=True` adds credentials. */
function flaskCors(model: PyServerModel, call: PyNode): void {
  const origins = keywordArg(call, 'origins') ?? keywordArg(call, 'resources');
  const any = !origins || stringValue(origins) === '*';
  model.cors.push({ node: call, origin: any ? 'any' : 'list', credentials: booleanValue(keywordArg(call, 'supports_credentials')) === true });
}

/**
 * A settings class for CORS (dataclass, pydantic model): `allow_origins` defaulting to `["*"]` next to
 * `allow_credentials = True`. The app that reads it admits any origin with credentials by default.
 */
function corsSettingsClasses(ctx: PyCtx, model: PyServerModel): void {
  if (!ctx.module.text.includes('allow_origins')) return;
  for (const cls of nodesOf(ctx.module, 'class_definition')) {
    let origins: PyNode | null = null;
    let credentials = false;
    for (const st of child(cls, 'body')?.children ?? []) {
      const a = st.type === 'expression_statement' ? st.children[0] : null;
      if (a?.type !== 'assignment') continue;
      const key = child(a, 'left')?.text;
      if (key === 'allow_origins' || key === 'cors_origins') origins = a;
      if ((key === 'allow_credentials' || key === 'cors_allow_credentials') && booleanValue(child(a, 'right')) === true) credentials = true;
    }
    if (origins && originKind(ctx, child(origins, 'right'), null) === 'any') model.cors.push({ node: origins, origin: 'any', credentials });
  }
}

/** `FastAPI(dependencies=[Depends(verify_api_key)])`, `APIRouter(dependencies=[…])`: every route behind the dependency. */
function appDependencies(model: PyServerModel, call: PyNode): void {
  const deps = unwrap(keywordArg(call, 'dependencies'));
  if (deps?.type !== 'list') return;
  for (const d of deps.children) {
    const inner = unwrap(d);
    const dep = inner?.type === 'call' ? positionalArgs(inner)[0] : null;
    if (AUTH_NAME.test(memberPath(dep)?.at(-1) ?? '')) model.auth.push({ kind: 'dependency', node: d, enforced: true });
  }
}

/**
 * Routes that each take an auth dependency (`user = Depends(get_api_key_user)`): when every route of the module
 * that is not a health or docs probe does, the app is gated.
 */
function routeDependencies(ctx: PyCtx, model: PyServerModel): void {
  const routes: PyNode[] = [];
  for (const dec of nodesOf(ctx.module, 'decorator')) {
    const expr = unwrap(dec.children[0]);
    const fn = expr?.type === 'call' ? child(expr, 'function') : null;
    const method = fn?.type === 'attribute' ? child(fn, 'attribute')?.text : null;
    if (!method || !/^(get|post|put|patch|delete|api_route|route)$/.test(method)) continue;
    const path = stringValue(positionalArgs(expr!)[0]) ?? '';
    if (/^\/?(health|healthz|ready|readyz|livez|status|ping|docs|openapi\.json)?\/?$/.test(path)) continue;
    const def = child(dec.parent!, 'definition');
    if (def?.type === 'function_definition') routes.push(def);
  }
  if (routes.length > 0 && routes.every((r) => authDependencies(r).length > 0)) {
    model.auth.push({ kind: 'dependency', node: routes[0], enforced: true });
  }
}

export function pyBindsAllInterfaces(l: PyListen): boolean {
  return !l.hostUnknown && l.port !== '0' && l.host !== null && ALL_INTERFACES.has(l.host);
}

export function pyMayBeLocal(l: PyListen): boolean {
  return l.port !== '0' && (l.hostUnknown || (l.host !== null && LOCAL_HOSTS.has(l.host)));
}

/** Base classes that make a class a middleware. */
export function isMiddlewareClass(cls: PyNode): boolean {
  return baseClasses(cls).some((b) => /Middleware$/.test(b));
}
