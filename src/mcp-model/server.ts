// How a module serves MCP: transports, where it listens, which auth gates requests, host/origin validation,
// CORS, session ids and server instances. Computed once per module (cached on the AST).
import type { TSESTree } from '@typescript-eslint/types';
import { calleeName, findAncestor, isFunctionLike, literalBoolean, literalString, memberPath, objectProperty, propertyKeyName, unwrap, nodesOf, walk, type Node } from './ast.js';
import { resolveString, resolveValue, type ModuleCtx } from './resolve.js';
import { CREDENTIAL_HEADERS } from '../rule-kit/tables/identity-headers.js';

export type TransportKind = 'stdio' | 'streamable-http' | 'sse' | 'http-handler';

export interface TransportFact {
  kind: TransportKind;
  node: Node;
  /** Options object of an SDK transport constructor, if literal. */
  options: Node | null;
}

export interface ListenFact {
  node: Node;
  /** Literal host; null when none given (Node then binds every interface). */
  host: string | null;
  /** Host given but not statically known (env var without literal fallback). */
  hostUnknown: boolean;
  port: string | null;
}

export type AuthKind = 'bearer' | 'mcp-handler' | 'fastmcp' | 'oauth-provider' | 'mcp-framework' | 'middleware';
export interface AuthFact {
  kind: AuthKind;
  node: Node;
  /** False for gates that let anonymous requests through (`withMcpAuth` without `required: true`). */
  enforced: boolean;
  scopes: string[];
}

export interface CorsFact {
  node: Node;
  origin: 'any' | 'reflect' | 'list';
  credentials: boolean;
}

export interface ServerModel {
  transports: TransportFact[];
  listens: ListenFact[];
  auth: AuthFact[];
  /** Host/Origin validation (DNS-rebinding protection) in front of the MCP endpoint. */
  hostValidation: Node[];
  /** Validation that only admits localhost names: the server is unusable from other hosts whatever it binds. */
  localOnly: Node[];
  cors: CorsFact[];
  /** `sessionIdGenerator` values. */
  sessionIdGenerators: Node[];
  /** `new McpServer(…)` / `new Server(…)` and whether it sits at module level (shared by every request). */
  serverInstances: Array<{ node: Node; moduleLevel: boolean; name: string | null }>;
  /** Calls `x.connect(transport)` on a server instance, with the instance name. */
  connects: Array<{ node: TSESTree.CallExpression; server: string | null }>;
  /** `createMcpHandler(server)` given an instance instead of a factory. */
  handlerWithInstance: Node[];
  /**
   * `connectHttp(mcpServer, { app, port })`: a framework's HTTP connector handed one server instance at start-up, which
   * then serves every HTTP client (the instance-reuse shape of CVE-2026-25536).
   */
  connectors: Array<{ node: TSESTree.CallExpression; server: string }>;
  /** Routes of a web app at an MCP path (`app.post('/mcp', …)`, `/sse`, `/messages`), with or without an SDK transport. */
  mcpRoutes: TSESTree.CallExpression[];
}

/** Substrings of modules that wire transports or auth; other modules are never analysed for serving. */
export const SERVER_MARKERS = [
  'Transport', 'createMcpHandler', 'createMcpExpressApp', 'createMcpHonoApp', 'transportType', 'MCPServer', 'McpAgent',
  'OAuthProvider', '.listen(', 'withMcpAuth', 'requireBearerAuth', 'serve(', 'Http(', 'Sse(', 'SSE(',
];

const TRANSPORT_CLASSES: Record<string, TransportKind> = {
  StdioServerTransport: 'stdio',
  StreamableHTTPServerTransport: 'streamable-http',
  NodeStreamableHTTPServerTransport: 'streamable-http',
  WebStandardStreamableHTTPServerTransport: 'streamable-http',
  SSEServerTransport: 'sse',
  // @hono/mcp
  StreamableHTTPTransport: 'streamable-http',
};

/**
 * The kind of a transport class: the SDK's own, or one named after it (`FilteredStdioServerTransport extends
 * StdioServerTransport`, `CustomSSEServerTransport`): servers subclass the SDK transports and keep the name.
 */
function transportKind(name: string): TransportKind | null {
  if (name in TRANSPORT_CLASSES) return TRANSPORT_CLASSES[name];
  if (!/ServerTransport$/.test(name)) return null;
  if (/Stdio/.test(name)) return 'stdio';
  if (/StreamableHTTP|StreamableHttp/.test(name)) return 'streamable-http';
  if (/SSE|Sse/.test(name)) return 'sse';
  return null;
}

/**
 * What, spelled in a module, can give it an HTTP (non-stdio) transport fact: an SDK transport class or one named
 * after it (transportKind), a framework connector (HTTP_CONNECTOR), createMcpHandler, Cloudflare `serve`/`serveSSE`,
 * mcp-framework's MCPServer, fastmcp's `transportType`. Text gates of the serving rules.
 */
export const HTTP_TRANSPORT_MARKERS: readonly string[] = ['HTTP', 'Http', 'SSE', 'Sse', 'createMcpHandler', 'MCPServer', 'serve(', 'serveSSE(', 'transportType'];

/**
 * What, spelled in a module, can give it a listen fact (`app.listen(`, Hono `serve({ fetch })`, fastmcp
 * `start({ transportType })`, mcp-framework `MCPServer`): narrower than SERVER_MARKERS, so fewer files are parsed.
 */
export const LISTEN_MARKERS: readonly string[] = ['.listen(', 'serve(', 'serveSSE(', 'transportType', 'MCPServer'];

const HOST_VALIDATION_CALLS = new Set(['hostHeaderValidation', 'localhostHostValidation', 'originValidation', 'localhostOriginValidation']);
const MCP_APP_FACTORIES = new Set(['createMcpExpressApp', 'createMcpHonoApp', 'createMcpFastifyApp']);
export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
export const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);
/** Custom middleware whose name says it authenticates. */
const AUTH_MIDDLEWARE_NAME = /auth|bearer|jwt|token|apikey|api_key|guard|protect|verif|session|sso|oidc|saml|login/i;
const KNOWN_GATES = new Set(['requireBearerAuth', 'withMcpAuth', 'experimental_withMcpAuth']);
const ROUTE_METHODS = new Set(['use', 'all', 'post', 'get', 'delete', 'route', 'on']);

const cache = new WeakMap<Node, ServerModel>();

export function serverModel(ctx: ModuleCtx, text: string): ServerModel {
  const hit = cache.get(ctx.ast);
  if (hit) return hit;
  const model: ServerModel = {
    transports: [], listens: [], auth: [], hostValidation: [], localOnly: [], cors: [], sessionIdGenerators: [], serverInstances: [], connects: [], handlerWithInstance: [], connectors: [], mcpRoutes: [],
  };
  if (SERVER_MARKERS.some((m) => text.includes(m))) collect(ctx, model);
  cache.set(ctx.ast, model);
  return model;
}

function stringArray(ctx: ModuleCtx, node: Node | null): string[] {
  const v = node && resolveValue(ctx, node);
  if (!v || v.node.type !== 'ArrayExpression') return [];
  return v.node.elements.map((e) => (e && e.type !== 'SpreadElement' ? resolveString(v.ctx, e) : null)).filter((s): s is string => s !== null);
}

/** Literal host of `listen(port, host)` / `{ host }`: `process.env.HOST ?? '0.0.0.0'` gives the fallback. */
function hostValue(ctx: ModuleCtx, node: Node | null): { host: string | null; unknown: boolean } {
  if (!node) return { host: null, unknown: false };
  const n = unwrap(node);
  if (n.type === 'LogicalExpression') return hostValue(ctx, n.right);
  const s = resolveString(ctx, n);
  return s === null ? { host: null, unknown: true } : { host: s, unknown: false };
}

/** A port as written: `3000`, a constant, or the expression path (`process.env.PORT`). */
function portValue(ctx: ModuleCtx, node: Node | null | undefined): string | null {
  if (!node) return null;
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'number') return String(n.value);
  if (n.type === 'LogicalExpression') return portValue(ctx, n.right);
  if (n.type === 'CallExpression' && n.arguments[0]) return portValue(ctx, n.arguments[0]);
  return resolveString(ctx, n) ?? memberPath(n)?.join('.') ?? null;
}

function optionsOf(ctx: ModuleCtx, node: Node | undefined): Node | null {
  if (!node) return null;
  const v = resolveValue(ctx, node);
  return v && v.node.type === 'ObjectExpression' ? v.node : null;
}

function collect(ctx: ModuleCtx, model: ServerModel): void {
  for (const node of nodesOf(ctx.ast, 'NewExpression', 'CallExpression', 'Property')) {
    if (node.type === 'NewExpression' && node.callee.type === 'Identifier') newExpression(ctx, model, node, node.callee.name);
    if (node.type === 'CallExpression') callExpression(ctx, model, node);
    if (node.type === 'Property' && propertyKeyName(node.key, node.computed) === 'sessionIdGenerator') model.sessionIdGenerators.push(node.value);
  }
}

function newExpression(ctx: ModuleCtx, model: ServerModel, node: TSESTree.NewExpression, name: string): void {
  const options = optionsOf(ctx, transportKind(name) === 'sse' ? node.arguments[2] : node.arguments[0]);
  const kind = transportKind(name);
  if (kind) {
    model.transports.push({ kind, node, options });
    const enabled = literalBoolean(objectProperty(options, 'enableDnsRebindingProtection'));
    const lists = stringArray(ctx, objectProperty(options, 'allowedHosts')).length + stringArray(ctx, objectProperty(options, 'allowedOrigins')).length;
    // Enabled with empty lists skips the checks (SDK behaviour).
    if (enabled && lists > 0) model.hostValidation.push(node);
  } else if (name === 'McpServer' || name === 'Server' || name === 'FastMCP' || name === 'MCPServer') {
    const moduleLevel = !findAncestor(node, (n) => isFunctionLike(n) || n.type === 'ClassBody');
    const decl = node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' ? node.parent.id.name : null;
    if (name === 'McpServer' || name === 'Server') model.serverInstances.push({ node, moduleLevel, name: decl });
    if (name === 'FastMCP') fastmcpServer(model, options);
    if (name === 'MCPServer') mcpFrameworkServer(ctx, model, node, options);
  } else if (name === 'OAuthProvider' && (objectProperty(options, 'apiRoute') || objectProperty(options, 'apiHandlers') || objectProperty(options, 'apiHandler'))) {
    model.auth.push({ kind: 'oauth-provider', node, enforced: true, scopes: stringArray(ctx, objectProperty(options, 'scopesSupported')) });
  }
}

function fastmcpServer(model: ServerModel, options: Node | null): void {
  const gate = objectProperty(options, 'authenticate') ?? objectProperty(options, 'auth');
  if (gate) model.auth.push({ kind: 'fastmcp', node: gate, enforced: true, scopes: [] });
}

function mcpFrameworkServer(ctx: ModuleCtx, model: ServerModel, node: Node, options: Node | null): void {
  const transport = optionsOf(ctx, objectProperty(options, 'transport') ?? undefined);
  const type = resolveString(ctx, objectProperty(transport, 'type'));
  const opts = optionsOf(ctx, objectProperty(transport, 'options') ?? undefined);
  if (!transport || !type || type === 'stdio') {
    model.transports.push({ kind: 'stdio', node, options: null });
    return;
  }
  model.transports.push({ kind: type === 'sse' ? 'sse' : 'streamable-http', node, options: opts });
  const host = hostValue(ctx, objectProperty(opts, 'host'));
  model.listens.push({ node, host: host.host, hostUnknown: host.unknown, port: portValue(ctx, objectProperty(opts, 'port')) });
  const auth = optionsOf(ctx, objectProperty(opts, 'auth') ?? undefined);
  if (objectProperty(auth, 'provider')) model.auth.push({ kind: 'mcp-framework', node: auth!, enforced: true, scopes: [] });
  corsOption(model, opts);
}

/** fastmcp / mcp-framework `cors: true | { origin, credentials }` option. */
function corsOption(model: ServerModel, opts: Node | null): void {
  const cors = objectProperty(opts, 'cors');
  if (!cors) return;
  if (literalBoolean(cors) === true) model.cors.push({ node: cors, origin: 'any', credentials: false });
  else if (unwrap(cors).type === 'ObjectExpression') corsFromOptions(model, cors, cors);
}

function corsFromOptions(model: ServerModel, node: Node, options: Node | null): void {
  const origin = objectProperty(options, 'origin') ?? objectProperty(options, 'allowOrigin');
  const credentials = literalBoolean(objectProperty(options, 'credentials')) === true;
  const o = origin && unwrap(origin);
  let kind: CorsFact['origin'] = 'list';
  if (!o || literalString(o) === '*') kind = 'any';
  else if (literalBoolean(o) === true || isFunctionLike(o)) kind = isFunctionLike(o) && !reflects(o) ? 'list' : 'reflect';
  model.cors.push({ node, origin: kind, credentials });
}

/** An origin callback that accepts every origin: `(o, cb) => cb(null, true)` or `(o) => o`. */
function reflects(fn: TSESTree.FunctionLike): boolean {
  if (!fn.body) return false;
  if (fn.body.type !== 'BlockStatement') {
    const b = unwrap(fn.body);
    if (b.type === 'Identifier' && fn.params[0]?.type === 'Identifier' && b.name === fn.params[0].name) return true;
    if (b.type === 'CallExpression' && b.arguments.length === 2 && literalBoolean(b.arguments[1]) === true) return true;
    return false;
  }
  // Block bodies that only ever call back with `true` (no condition) reflect too.
  const stmts = fn.body.body;
  return stmts.length === 1 && stmts[0].type === 'ExpressionStatement' && stmts[0].expression.type === 'CallExpression' && literalBoolean(stmts[0].expression.arguments[1]) === true;
}

function callExpression(ctx: ModuleCtx, model: ServerModel, node: TSESTree.CallExpression): void {
  const name = calleeName(node.callee);
  if (!name) return;
  const args = node.arguments;
  if (name === 'createMcpHandler') {
    model.transports.push({ kind: 'http-handler', node, options: null });
    const first = args[0] && resolveValue(ctx, args[0]);
    if (first && first.node.type === 'NewExpression') model.handlerWithInstance.push(args[0]);
    else if (args[0]?.type === 'Identifier' && model.serverInstances.some((s) => s.name === (args[0] as TSESTree.Identifier).name)) model.handlerWithInstance.push(args[0]);
  } else if (MCP_APP_FACTORIES.has(name)) {
    const options = optionsOf(ctx, args[0]);
    const host = resolveString(ctx, objectProperty(options, 'host')) ?? '127.0.0.1';
    const allowed = stringArray(ctx, objectProperty(options, 'allowedHosts'));
    if (LOCAL_HOSTS.has(host) || allowed.length > 0) model.hostValidation.push(node);
    if (allowed.length > 0 ? allowed.every((h) => LOCAL_HOSTS.has(h)) : LOCAL_HOSTS.has(host)) model.localOnly.push(node);
  } else if (HOST_VALIDATION_CALLS.has(name)) {
    model.hostValidation.push(node);
    if (name.startsWith('localhost')) model.localOnly.push(node);
  } else if (name === 'requireBearerAuth') {
    const options = optionsOf(ctx, args[0]);
    model.auth.push({ kind: 'bearer', node, enforced: true, scopes: stringArray(ctx, objectProperty(options, 'requiredScopes')) });
  } else if (name === 'withMcpAuth' || name === 'experimental_withMcpAuth') {
    const options = optionsOf(ctx, args[2]);
    // `required` defaults to false: requests without a token reach the handler.
    const enforced = literalBoolean(objectProperty(options, 'required')) === true;
    model.auth.push({ kind: 'mcp-handler', node, enforced, scopes: stringArray(ctx, objectProperty(options, 'requiredScopes')) });
  } else if (name === 'cors' && node.callee.type === 'Identifier') {
    corsFromOptions(model, node, optionsOf(ctx, args[0]));
  } else if ((name === 'setHeader' || name === 'header' || name === 'set') && literalString(args[0])?.toLowerCase() === 'access-control-allow-origin' && args[1]) {
    const value = unwrap(args[1]);
    const origin = literalString(value) === '*' ? 'any' : readsHeader(value, 'origin') ? 'reflect' : 'list';
    model.cors.push({ node, origin, credentials: setsCredentials(ctx) });
  } else if (name === 'listen' && node.callee.type === 'MemberExpression') {
    listen(ctx, model, node);
  } else if (name === 'serve' || name === 'serveSSE') {
    serve(ctx, model, node, name);
  } else if (name === 'start' && node.callee.type === 'MemberExpression') {
    fastmcpStart(ctx, model, node);
  } else if (HTTP_CONNECTOR.test(name) && args[0]?.type === 'Identifier' && isServerInstance(ctx, args[0])) {
    model.transports.push({ kind: /sse/i.test(name) ? 'sse' : 'streamable-http', node, options: optionsOf(ctx, args[1]) });
    model.connectors.push({ node, server: args[0].name });
  } else if (name === 'connect' && node.callee.type === 'MemberExpression') {
    const server = memberPath(node.callee.object);
    model.connects.push({ node, server: server ? server[server.length - 1] : null });
  }
  if (ROUTE_METHODS.has(name) && node.callee.type === 'MemberExpression') routeMiddleware(ctx, model, node);
}

/** Connectors of MCP frameworks that serve a server instance over HTTP: `connectHttp`, `startSse`, `serveStreamableHttp`. */
const HTTP_CONNECTOR = /^(connect|serve|start|run|mount|attach)(Streamable)?(Http|Sse|SSE)\w*$/;

function isServerInstance(ctx: ModuleCtx, id: TSESTree.Identifier): boolean {
  const value = resolveValue(ctx, id);
  const n = value && unwrap(value.node);
  return n?.type === 'NewExpression' && ['McpServer', 'Server'].includes(calleeName(n.callee) ?? '');
}

/** `setHeader('Access-Control-Allow-Credentials', 'true')` anywhere in the module. */
function setsCredentials(ctx: ModuleCtx): boolean {
  return nodesOf(ctx.ast, 'CallExpression').some(
    (n) => literalString(n.arguments[0])?.toLowerCase() === 'access-control-allow-credentials' && (literalString(n.arguments[1]) === 'true' || literalBoolean(n.arguments[1]) === true),
  );
}

/** `req.headers.origin`, `req.headers['origin']`, `req.get('origin')`, `c.req.header('Origin')`. */
export function readsHeader(node: Node, header: string): boolean {
  let found = false;
  walk(node, (n) => {
    if (!found && isHeaderRead(n, header)) found = true;
  });
  return found;
}

/** This node itself reads the header: `req.headers.authorization`, `c.req.header('authorization')`. */
export function isHeaderRead(n: Node, header: string): boolean {
  if (n.type === 'MemberExpression') {
    const p = memberPath(n);
    return !!p && p.length >= 2 && p[p.length - 2] === 'headers' && p[p.length - 1].toLowerCase() === header;
  }
  return n.type === 'CallExpression' && ['get', 'header', 'getHeader'].includes(calleeName(n.callee) ?? '') && literalString(n.arguments[0])?.toLowerCase() === header;
}

function listen(ctx: ModuleCtx, model: ServerModel, node: TSESTree.CallExpression): void {
  const [first, second] = node.arguments;
  if (!first) return;
  const options = optionsOf(ctx, first);
  if (options) {
    // `client.listen({ toolsListChanged: true })` (SDK v2 subscriptions) opens no socket: a network listen names
    // where (port, host or a socket path).
    if (!['port', 'host', 'hostname', 'path'].some((k) => objectProperty(options, k))) return;
    const host = hostValue(ctx, objectProperty(options, 'host') ?? objectProperty(options, 'hostname'));
    model.listens.push({ node, host: host.host, hostUnknown: host.unknown, port: portValue(ctx, objectProperty(options, 'port')) });
    return;
  }
  const hostArg = second && !isFunctionLike(unwrap(second)) ? second : null;
  const host = hostValue(ctx, hostArg);
  model.listens.push({
    node,
    host: host.host,
    hostUnknown: host.unknown,
    port: portValue(ctx, first),
  });
}

/** Cloudflare `MyMcp.serve('/mcp')` and Hono/node `serve({ fetch, port, hostname })`. */
function serve(ctx: ModuleCtx, model: ServerModel, node: TSESTree.CallExpression, name: string): void {
  if (node.callee.type === 'MemberExpression' && literalString(node.arguments[0])?.startsWith('/')) {
    model.transports.push({ kind: name === 'serveSSE' ? 'sse' : 'http-handler', node, options: null });
    return;
  }
  const options = optionsOf(ctx, node.arguments[0]);
  if (node.callee.type === 'Identifier' && objectProperty(options, 'fetch')) {
    const host = hostValue(ctx, objectProperty(options, 'hostname'));
    model.listens.push({ node, host: host.host, hostUnknown: host.unknown, port: portValue(ctx, objectProperty(options, 'port')) });
  }
}

/** fastmcp `server.start({ transportType, httpStream: { port, host } })`; host defaults to localhost. */
function fastmcpStart(ctx: ModuleCtx, model: ServerModel, node: TSESTree.CallExpression): void {
  const options = optionsOf(ctx, node.arguments[0]);
  const type = resolveString(ctx, objectProperty(options, 'transportType'));
  if (!type) return;
  if (type === 'stdio') {
    model.transports.push({ kind: 'stdio', node, options });
    return;
  }
  const http = optionsOf(ctx, objectProperty(options, 'httpStream') ?? objectProperty(options, 'sse') ?? undefined);
  model.transports.push({ kind: type === 'sse' ? 'sse' : 'streamable-http', node, options: http });
  const hostNode = objectProperty(http, 'host');
  const host = hostNode ? hostValue(ctx, hostNode) : { host: 'localhost', unknown: false };
  model.listens.push({ node, host: host.host, hostUnknown: host.unknown, port: portValue(ctx, objectProperty(http, 'port')) });
  corsOption(model, http);
}

/** `app.use(requireAuth)`, `app.post('/mcp', bearer, handler)`: middleware named like auth, or host/origin checks. */
/** Paths MCP clients are pointed at: Streamable HTTP's `/mcp`, the legacy SSE pair `/sse` + `/messages`. */
const MCP_PATH = /^\/(?:[\w-]+\/)*(?:mcp|sse|messages?)\/?$/;

function routeMiddleware(ctx: ModuleCtx, model: ServerModel, node: TSESTree.CallExpression): void {
  const path = literalString(node.arguments[0] ?? node);
  if (path !== null && MCP_PATH.test(path) && calleeName(node.callee) !== 'use') model.mcpRoutes.push(node);
  const args = node.arguments.filter((a) => literalString(a) === null);
  // The last argument of a route is its handler; every argument of `use` is middleware.
  const middleware = calleeName(node.callee) === 'use' ? args : args.slice(0, -1);
  for (const m of middleware) {
    const u = unwrap(m);
    const label = u.type === 'CallExpression' ? calleeName(u.callee) : u.type === 'Identifier' ? u.name : null;
    // `const bearer = requireBearerAuth(…)` is already recorded where it is created.
    const value = u.type === 'Identifier' ? resolveValue(ctx, u)?.node : u;
    const knownGate = value?.type === 'CallExpression' && KNOWN_GATES.has(calleeName(value.callee) ?? '');
    if (label && !knownGate && !/^cors$|json|urlencoded|static|helmet|logger|morgan/i.test(label) && AUTH_MIDDLEWARE_NAME.test(label)) {
      model.auth.push({ kind: 'middleware', node: m, enforced: true, scopes: [] });
    }
    const fn = value;
    if (fn && isFunctionLike(fn) && fn.body && (readsHeader(fn.body, 'host') || readsHeader(fn.body, 'origin'))) model.hostValidation.push(m);
    // An inline gate: reads the credential and turns the request away (401/403) without it.
    if (fn && isFunctionLike(fn) && fn.body && !model.auth.some((a) => a.node === m) && rejectsWithoutCredential(fn.body)) {
      model.auth.push({ kind: 'middleware', node: m, enforced: true, scopes: [] });
    }
  }
}

/** Reads a credential header and answers 401/403 (or throws an Unauthorized error) on some path. */
function rejectsWithoutCredential(body: Node): boolean {
  if (!CREDENTIAL_HEADERS.some((h) => readsHeader(body, h))) return false;
  let rejects = false;
  walk(body, (n) => {
    if (rejects) return;
    if (n.type === 'Literal' && (n.value === 401 || n.value === 403 || (typeof n.value === 'string' && /^(unauthori[sz]ed|forbidden)$/i.test(n.value)))) rejects = true;
    if (n.type === 'NewExpression' && /Unauthori[sz]ed|Forbidden|Auth\w*Error/.test(calleeName(n.callee) ?? '')) rejects = true;
  });
  return rejects;
}
