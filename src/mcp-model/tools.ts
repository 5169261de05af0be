/**
 * STABLE API — used by other rules (identity, secrets-in-results, …). Change only by adding optional fields.
 *
 * `getToolRegistrations(sourceCode, filename?)` lists every tool, resource and prompt a file registers, in every
 * shape real servers use: SDK v1 `registerTool` and the deprecated variadic `tool()/resource()/prompt()`, SDK v2
 * `registerTool`, low-level `setRequestHandler(CallToolRequestSchema | 'tools/call', …)` with switch/if/table dispatch
 * on `request.params.name`, fastmcp `addTool({ execute })`, mcp-handler `createMcpHandler((server) => …)`,
 * Cloudflare `McpAgent.init()`, mcp-framework `MCPTool` classes, registration loops over a tool table, and tool
 * tables handed to a server factory (`createMcpServer({ tools: { name: tool({ description, execute }) } })`).
 * Computed once per AST (cached). Pass `filename` to resolve names and tables imported from relative modules.
 */
import type { SourceCode } from 'eslint';
import type { Keyword } from '../rule-kit/create-rule.js';
import type { TSESTree } from '@typescript-eslint/types';
import {
  calleeName,
  findAncestor,
  isFunctionLike,
  literalBoolean,
  memberPath,
  nodesOf,
  objectProperty,
  propertyKeyName,
  unwrap,
  walk,
  type FunctionLike,
  type Node,
} from './ast.js';
import { moduleCtx, resolveFunction, resolveString, resolveValue, type ModuleCtx } from './resolve.js';

export type Framework =
  | 'sdk-v1'
  | 'sdk-v1-lowlevel'
  | 'sdk-v2'
  | 'sdk-v2-lowlevel'
  | 'fastmcp'
  | 'mcp-handler'
  | 'cloudflare-agent'
  | 'mcp-framework'
  | 'unknown';

export type RegistrationKind = 'tool' | 'resource' | 'prompt';

export interface ToolRegistration {
  /** Literal name, or resolved from a same-file/imported constant; null if unknown. */
  name: string | null;
  /** Where to report (in the linted file). */
  nameNode: TSESTree.Node;
  framework: Framework;
  kind: RegistrationKind;
  /** The callback / execute / dispatching request handler. */
  handler: TSESTree.FunctionLike | null;
  /** For low-level switch/if dispatch: the branch of this tool. */
  caseBody?: TSESTree.Statement[];
  annotations: { destructiveHint?: boolean; readOnlyHint?: boolean };
  /** The call/object/class that registers it. */
  registration: TSESTree.Node;
  /** Absolute path of the module the handler lives in, when it is not the linted file (imported tool tables). */
  handlerFile?: string;
}

/** Module each registration's handler lives in (for following its calls); internal to the model. */
const handlerModules = new WeakMap<ToolRegistration, ModuleCtx>();
export function handlerModule(reg: ToolRegistration): ModuleCtx | undefined {
  return handlerModules.get(reg);
}

/** Per low-level handler: the statements of all its dispatch branches (so a branch's analysis can skip the others). */
const branches = new WeakMap<FunctionLike, Set<Node>>();
export function dispatchBranches(handler: FunctionLike): ReadonlySet<Node> {
  return branches.get(handler) ?? new Set();
}

/** Substrings one of which every registering file contains: the cheap bail-out for non-MCP files. */
export const REGISTRATION_MARKERS = [
  'registerTool', 'registerResource', 'registerPrompt', '.tool(', '.resource(', '.prompt(',
  'setRequestHandler', 'addTool', 'addResource', 'addPrompt', 'MCPTool', 'MCPResource', 'MCPPrompt', 'tools',
];

/**
 * REGISTRATION_MARKERS as prefilter keywords (src/engine/prefilter.ts), for rules that need a registration: where
 * `tools` is the only marker in a file, a registration can only be a tool table handed to a server factory, whose
 * callee names `mcp` or `server` (SERVER_FACTORY); every other shape names one of the other markers.
 */
export const REGISTRATION_KEYWORDS: Keyword[] = REGISTRATION_MARKERS.flatMap((m): Keyword[] =>
  m === 'tools' ? [{ all: ['tools', 'mcp'] }, { all: ['tools', 'server'] }] : [m.toLowerCase()],
);

/**
 * The model's own bail-out (getToolRegistrations) as a text gate: a registration marker as written, and a lone
 * `tools` only beside a server factory's name.
 */
export function mayRegister(text: string): boolean {
  return OTHER_MARKERS.test(text) || (text.includes('tools') && SERVER_FACTORY.test(text));
}
const OTHER_MARKERS = new RegExp(REGISTRATION_MARKERS.filter((m) => m !== 'tools').map((m) => m.replace(/[.(]/g, '\\$&')).join('|'));

/** Package imports → framework family. */
export const FRAMEWORK_IMPORTS: ReadonlyArray<{ source: string; framework: Framework }> = [
  { source: '@modelcontextprotocol/sdk', framework: 'sdk-v1' },
  { source: '@modelcontextprotocol/server', framework: 'sdk-v2' },
  { source: '@modelcontextprotocol/node', framework: 'sdk-v2' },
  { source: '@modelcontextprotocol/express', framework: 'sdk-v2' },
  { source: 'fastmcp', framework: 'fastmcp' },
  { source: 'mcp-handler', framework: 'mcp-handler' },
  { source: '@vercel/mcp-adapter', framework: 'mcp-handler' },
  { source: 'agents', framework: 'cloudflare-agent' },
  { source: 'mcp-framework', framework: 'mcp-framework' },
];

export function importedFrameworks(sources: readonly string[]): Set<Framework> {
  const out = new Set<Framework>();
  for (const s of sources) {
    for (const f of FRAMEWORK_IMPORTS) if (s === f.source || s.startsWith(f.source + '/')) out.add(f.framework);
  }
  return out;
}

/** High-level SDK methods: kind, and whether it is the deprecated variadic overload (handler = last argument). */
const SDK_METHODS: Record<string, { kind: RegistrationKind; variadic: boolean }> = {
  registerTool: { kind: 'tool', variadic: false },
  registerResource: { kind: 'resource', variadic: false },
  registerPrompt: { kind: 'prompt', variadic: false },
  tool: { kind: 'tool', variadic: true },
  resource: { kind: 'resource', variadic: true },
  prompt: { kind: 'prompt', variadic: true },
};

/** Low-level request schemas (v1) and method strings (v2) that dispatch to tools, resources and prompts. */
const LOWLEVEL_REQUESTS: Record<string, RegistrationKind> = {
  CallToolRequestSchema: 'tool',
  'tools/call': 'tool',
  ReadResourceRequestSchema: 'resource',
  'resources/read': 'resource',
  GetPromptRequestSchema: 'prompt',
  'prompts/get': 'prompt',
};

/** fastmcp registration methods: kind and the property holding the handler. */
const FASTMCP_METHODS: Record<string, { kind: RegistrationKind; handler: string; many: boolean }> = {
  addTool: { kind: 'tool', handler: 'execute', many: false },
  addTools: { kind: 'tool', handler: 'execute', many: true },
  addResource: { kind: 'resource', handler: 'load', many: false },
  addPrompt: { kind: 'prompt', handler: 'load', many: false },
};

/** mcp-framework base classes: kind and the method that runs. */
const FRAMEWORK_CLASSES: Record<string, { kind: RegistrationKind; method: string }> = {
  MCPTool: { kind: 'tool', method: 'execute' },
  MCPResource: { kind: 'resource', method: 'read' },
  MCPPrompt: { kind: 'prompt', method: 'generateMessages' },
};

/**
 * Server factories that take a tool table (`createMcpServer({ tools })`, `new McpServer({ tools })`): named for an
 * MCP server, so that LLM-client calls with the same option (`generateText({ tools })`, `new Agent({ tools })`) stay out.
 */
const SERVER_FACTORY = /mcp|server/i;
/** Properties of a tool-table entry that hold its handler. */
const TABLE_HANDLER_PROPS = ['execute', 'handler'];

const cache = new WeakMap<object, { file?: string; regs: ToolRegistration[] }>();

export function getToolRegistrations(sourceCode: SourceCode, filename?: string): ToolRegistration[] {
  const ast = sourceCode.ast as unknown as TSESTree.Program;
  const hit = cache.get(ast);
  if (hit && (hit.file === filename || !filename)) return hit.regs;
  const text = sourceCode.text;
  const regs = REGISTRATION_MARKERS.some((m) => text.includes(m)) ? collect(moduleCtx(ast, filename)) : [];
  cache.set(ast, { file: filename, regs });
  return regs;
}

/** Same as getToolRegistrations for a module the model parsed itself (cross-file inventory). */
export function registrationsOf(ctx: ModuleCtx, text: string): ToolRegistration[] {
  const hit = cache.get(ctx.ast);
  if (hit) return hit.regs;
  const regs = REGISTRATION_MARKERS.some((m) => text.includes(m)) ? collect(ctx) : [];
  cache.set(ctx.ast, { file: ctx.file, regs });
  return regs;
}

function collect(ctx: ModuleCtx): ToolRegistration[] {
  const frameworks = importedFrameworks(ctx.index.importSources);
  const out: ToolRegistration[] = [];
  const add = (reg: ToolRegistration, module: ModuleCtx = ctx): void => {
    if (module !== ctx && module.file) reg.handlerFile = module.file;
    handlerModules.set(reg, module);
    out.push(reg);
  };
  for (const node of nodesOf(ctx.ast, 'CallExpression', 'NewExpression', 'ClassDeclaration', 'ClassExpression')) {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const factory = calleeName(node.callee);
      if (factory && SERVER_FACTORY.test(factory)) factoryTable(ctx, frameworks, node, add);
    }
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const method = propertyKeyName(node.callee.property, node.callee.computed);
      if (!method) continue;
      if (method in SDK_METHODS) sdkRegistration(ctx, frameworks, node, SDK_METHODS[method], add);
      else if (method === 'setRequestHandler') lowLevelRegistrations(ctx, node, add);
      else if (method in FASTMCP_METHODS) fastmcpRegistrations(ctx, frameworks, node, FASTMCP_METHODS[method], add);
    } else if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.superClass?.type === 'Identifier') {
      const base = FRAMEWORK_CLASSES[node.superClass.name];
      if (base) frameworkClass(ctx, node, base, add);
    }
  }
  return out;
}

type Add = (reg: ToolRegistration, module?: ModuleCtx) => void;

function annotationsOf(node: Node | null | undefined): ToolRegistration['annotations'] {
  const out: ToolRegistration['annotations'] = {};
  const d = literalBoolean(objectProperty(node, 'destructiveHint'));
  const r = literalBoolean(objectProperty(node, 'readOnlyHint'));
  if (d !== null) out.destructiveHint = d;
  if (r !== null) out.readOnlyHint = r;
  return out;
}

/** Which framework a high-level registration belongs to, from where it sits and what the file imports. */
function sdkFramework(frameworks: Set<Framework>, call: Node): Framework {
  const inHandlerFactory = findAncestor(call, (n) => n.type === 'CallExpression' && calleeName(n.callee) === 'createMcpHandler');
  if (inHandlerFactory && frameworks.has('mcp-handler')) return 'mcp-handler';
  const agentClass = findAncestor(
    call,
    (n) => (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.superClass?.type === 'Identifier' && n.superClass.name === 'McpAgent',
  );
  if (agentClass || frameworks.has('cloudflare-agent')) return 'cloudflare-agent';
  if (frameworks.has('mcp-handler')) return 'mcp-handler';
  if (frameworks.has('sdk-v2')) return 'sdk-v2';
  if (frameworks.has('sdk-v1')) return 'sdk-v1';
  return 'unknown';
}

function sdkRegistration(
  ctx: ModuleCtx,
  frameworks: Set<Framework>,
  call: TSESTree.CallExpression,
  method: { kind: RegistrationKind; variadic: boolean },
  add: Add,
): void {
  const args = call.arguments;
  if (args.length < 2) return;
  // `.tool(` / `.resource(` are common method names: only count them in files that import an MCP framework.
  if (method.variadic && frameworks.size === 0) return;
  const last = args[args.length - 1];
  const framework = sdkFramework(frameworks, call);
  const loop = loopTable(ctx, call, args[0]);
  if (loop) {
    for (const entry of loop.entries) {
      const handlerValue = loop.handlerProp ? objectProperty(entry.node, loop.handlerProp) : null;
      const handler = resolveFunction(entry.ctx, handlerValue);
      const name = resolveString(entry.ctx, objectProperty(entry.node, loop.nameProp));
      const config = objectProperty(entry.node, 'config') ?? entry.node;
      add(
        {
          name,
          nameNode: entry.ctx === ctx ? (objectProperty(entry.node, loop.nameProp) ?? entry.node) : args[0],
          framework,
          kind: method.kind,
          handler: handler?.fn ?? null,
          annotations: annotationsOf(objectProperty(config, 'annotations')),
          registration: call,
        },
        handler?.ctx ?? entry.ctx,
      );
    }
    return;
  }
  const name = resolveString(ctx, args[0]);
  if (name === null && method.variadic && args[0].type !== 'Identifier' && args[0].type !== 'MemberExpression') return;
  const handler = resolveFunction(ctx, last);
  if (method.variadic && !handler && last.type !== 'Identifier' && last.type !== 'MemberExpression') return;
  const annotations = method.variadic
    ? Object.assign({}, ...args.slice(1, -1).map((a) => annotationsOf(a)))
    : annotationsOf(objectProperty(args[1], 'annotations'));
  add(
    { name, nameNode: args[0], framework, kind: method.kind, handler: handler?.fn ?? null, annotations, registration: call },
    handler?.ctx ?? ctx,
  );
}

interface LoopTable {
  entries: Array<{ node: Node; ctx: ModuleCtx }>;
  nameProp: string;
  handlerProp: string | null;
}

/**
 * `for (const t of TOOLS) server.registerTool(t.name, …, t.handler)` and `TOOLS.forEach((t) => …)`: the entries of
 * the table (same module or imported) and which properties hold the name and the handler.
 */
function loopTable(ctx: ModuleCtx, call: TSESTree.CallExpression, nameArg: Node): LoopTable | null {
  const path = memberPath(nameArg);
  if (!path) return null;
  // Binding of the loop variable: `t` (→ t.name) or a destructured `{ name, handler }`.
  let iterable: Node | null = null;
  let binding: Node | null = null;
  for (let p: Node | undefined = call.parent; p; p = p.parent) {
    if (p.type === 'ForOfStatement' && p.left.type === 'VariableDeclaration') {
      iterable = p.right;
      binding = p.left.declarations[0].id;
      break;
    }
    if (isFunctionLike(p) && p.parent?.type === 'CallExpression' && p.parent.callee.type === 'MemberExpression') {
      const m = propertyKeyName(p.parent.callee.property, p.parent.callee.computed);
      if ((m === 'forEach' || m === 'map') && p.params[0]) {
        iterable = p.parent.callee.object;
        binding = p.params[0];
        break;
      }
    }
    if (isFunctionLike(p)) return null;
  }
  if (!iterable || !binding) return null;
  const propOf = (expr: Node): string | null => {
    const ep = memberPath(expr);
    if (!ep) return null;
    if (binding!.type === 'Identifier') return ep.length === 2 && ep[0] === binding!.name ? ep[1] : null;
    if (binding!.type === 'ObjectPattern' && ep.length === 1) {
      for (const prop of binding!.properties) {
        if (prop.type === 'Property' && prop.value.type === 'Identifier' && prop.value.name === ep[0]) return propertyKeyName(prop.key, prop.computed);
      }
    }
    return null;
  };
  const nameProp = propOf(nameArg);
  if (!nameProp) return null;
  const last = call.arguments[call.arguments.length - 1];
  let handlerProp = propOf(last);
  if (!handlerProp && isFunctionLike(last)) {
    walk(last.body, (n) => {
      if (!handlerProp && n.type === 'CallExpression') handlerProp = propOf(n.callee);
    });
  }
  const table = resolveValue(ctx, iterable);
  if (!table || table.node.type !== 'ArrayExpression') return null;
  const entries: LoopTable['entries'] = [];
  for (const el of table.node.elements) {
    if (!el || el.type === 'SpreadElement') continue;
    const value = resolveValue(table.ctx, el);
    if (value && value.node.type === 'ObjectExpression') entries.push(value);
  }
  return { entries, nameProp, handlerProp };
}

/** Expressions that stand for the called tool's name inside a low-level handler. */
function nameExpressions(handler: FunctionLike): (n: Node) => boolean {
  const names = new Set<string>();
  const isParamsName = (n: Node): boolean => {
    const p = memberPath(n);
    return !!p && p.length >= 2 && p[p.length - 1] === 'name' && p[p.length - 2] === 'params';
  };
  const isParams = (n: Node): boolean => {
    const p = memberPath(n);
    return !!p && p[p.length - 1] === 'params';
  };
  if (handler.body) walk(handler.body, (n) => {
    if (n.type !== 'VariableDeclarator' || !n.init) return;
    if (n.id.type === 'Identifier' && isParamsName(n.init)) names.add(n.id.name);
    if (n.id.type === 'ObjectPattern' && isParams(n.init)) {
      for (const prop of n.id.properties) {
        if (prop.type === 'Property' && propertyKeyName(prop.key, prop.computed) === 'name' && prop.value.type === 'Identifier') names.add(prop.value.name);
      }
    }
  });
  return (n) => {
    const u = unwrap(n);
    return isParamsName(u) || (u.type === 'Identifier' && names.has(u.name));
  };
}

function lowLevelRegistrations(ctx: ModuleCtx, call: TSESTree.CallExpression, add: Add): void {
  const [schema, handlerArg] = call.arguments;
  if (!schema || !handlerArg) return;
  const key = schema.type === 'Literal' ? resolveString(ctx, schema) : memberPath(schema)?.pop();
  const kind = key ? LOWLEVEL_REQUESTS[key] : undefined;
  if (!kind) return;
  const framework: Framework = schema.type === 'Literal' ? 'sdk-v2-lowlevel' : 'sdk-v1-lowlevel';
  const resolved = resolveFunction(ctx, handlerArg);
  const handler = resolved?.fn ?? null;
  const base = { framework, kind, annotations: {}, registration: call };
  const module = resolved?.ctx ?? ctx;
  let found = 0;
  if (handler?.body && kind === 'tool' && module === ctx) {
    const isName = nameExpressions(handler);
    const branchSet = new Set<Node>();
    branches.set(handler, branchSet);
    walk(handler.body, (n) => {
      if (n.type === 'SwitchStatement' && isName(n.discriminant)) {
        n.cases.forEach((c, i) => {
          const name = c.test ? resolveString(ctx, c.test) : null;
          if (!c.test || name === null) return;
          // Fall-through cases (`case 'a': case 'b': …`) share the next non-empty body.
          const body = n.cases.slice(i).find((k) => k.consequent.length > 0)?.consequent ?? [];
          add({ ...base, name, nameNode: c.test, handler, caseBody: body });
          body.forEach((st) => branchSet.add(st));
          found++;
        });
      } else if (n.type === 'IfStatement' && n.test.type === 'BinaryExpression' && (n.test.operator === '===' || n.test.operator === '==')) {
        const { left, right } = n.test;
        const literal = isName(left) ? right : isName(right) ? left : null;
        const name = literal ? resolveString(ctx, literal) : null;
        if (literal && name !== null) {
          const body = n.consequent.type === 'BlockStatement' ? n.consequent.body : [n.consequent];
          add({ ...base, name, nameNode: literal, handler, caseBody: body });
          body.forEach((st) => branchSet.add(st));
          found++;
        }
      } else if (n.type === 'MemberExpression' && n.computed && isName(n.property)) {
        // `HANDLERS[name](args)`: a dispatch table of functions.
        const table = resolveValue(ctx, n.object);
        if (table?.node.type === 'ObjectExpression') {
          for (const prop of table.node.properties) {
            if (prop.type !== 'Property') continue;
            const name = propertyKeyName(prop.key, prop.computed);
            const fn = resolveFunction(table.ctx, prop.value);
            add({ ...base, name, nameNode: table.ctx === ctx ? prop.key : n, handler: fn?.fn ?? null }, fn?.ctx ?? table.ctx);
            found++;
          }
        }
      }
    });
  }
  if (found === 0) add({ ...base, name: null, nameNode: schema, handler }, module);
}

function fastmcpRegistrations(
  ctx: ModuleCtx,
  frameworks: Set<Framework>,
  call: TSESTree.CallExpression,
  method: { kind: RegistrationKind; handler: string; many: boolean },
  add: Add,
): void {
  const arg = call.arguments[0];
  if (!arg) return;
  const value = resolveValue(ctx, arg);
  if (!value) return;
  const defs = method.many && value.node.type === 'ArrayExpression' ? value.node.elements : [value.node];
  for (const def of defs) {
    if (!def || def.type === 'SpreadElement') continue;
    const obj = resolveValue(value.ctx, def);
    const handlerNode = obj ? objectProperty(obj.node, method.handler) : null;
    // Other libraries have `addTool` too: a fastmcp definition always carries its handler property.
    if (!obj || !handlerNode) continue;
    const fn = resolveFunction(obj.ctx, handlerNode);
    const nameValue = objectProperty(obj.node, 'name');
    add(
      {
        name: resolveString(obj.ctx, nameValue),
        nameNode: obj.ctx === ctx && nameValue ? nameValue : def,
        framework: frameworks.has('fastmcp') ? 'fastmcp' : 'unknown',
        kind: method.kind,
        handler: fn?.fn ?? null,
        annotations: annotationsOf(objectProperty(obj.node, 'annotations')),
        registration: obj.ctx === ctx ? obj.node : call,
      },
      fn?.ctx ?? obj.ctx,
    );
  }
}

/**
 * The `tools` option of a server factory: a map (`{ name: def }`, spreads of imported or returned maps included) or
 * an array of definitions. A definition is an object with an `execute`/`handler` function and a name or description,
 * written plainly or wrapped in a builder call (`tool({…})`, `defineTool({…})`, `injectableTool({…})`).
 */
function factoryTable(ctx: ModuleCtx, frameworks: Set<Framework>, call: TSESTree.CallExpression | TSESTree.NewExpression, add: Add): void {
  const options = call.arguments.map((a) => resolveValue(ctx, a)).find((v) => v && objectProperty(v.node, 'tools'));
  const tools = options && resolveValue(options.ctx, objectProperty(options.node, 'tools')!);
  if (!tools) return;
  const framework = sdkFramework(frameworks, call);
  const entry = (def: Node, defCtx: ModuleCtx, key: Node | null, at: Node): void => {
    const found = toolDefinition(defCtx, def);
    if (!found) return;
    const nameValue = objectProperty(found.obj.node, 'name');
    const name = (key && propertyKeyName(key, false)) ?? resolveString(found.obj.ctx, nameValue);
    if (name === null && !objectProperty(found.obj.node, 'description')) return;
    const local = defCtx === ctx;
    add(
      {
        name,
        nameNode: local && key ? key : local && nameValue && found.obj.ctx === ctx ? nameValue : at,
        framework,
        kind: 'tool',
        handler: found.handler?.fn ?? null,
        annotations: annotationsOf(objectProperty(found.obj.node, 'annotations')),
        registration: call,
      },
      found.handler?.ctx ?? found.obj.ctx,
    );
  };
  const visit = (table: { node: Node; ctx: ModuleCtx }, at: Node, depth: number): void => {
    if (depth > 3) return;
    const node = table.node;
    if (isFunctionLike(node)) {
      // `tools: async () => { …; return tools; }`: the map the option's function builds.
      for (const part of builtTable(table.ctx, node)) visit(part.value, table.ctx === ctx ? part.at : at, depth + 1);
      return;
    }
    if (node.type === 'ArrayExpression') {
      for (const el of node.elements) if (el && el.type !== 'SpreadElement') entry(el, table.ctx, null, table.ctx === ctx ? el : at);
      return;
    }
    if (node.type !== 'ObjectExpression') return;
    for (const prop of node.properties) {
      const here = table.ctx === ctx ? prop : at;
      if (prop.type === 'Property') entry(prop.value, table.ctx, prop.computed ? null : prop.key, here);
      else {
        // `...getStorageTools(opts)` or `...storageTools`: the map a helper returns, or a named one.
        const inner = returnedValue(table.ctx, prop.argument);
        if (inner) visit(inner, here, depth + 1);
      }
    }
  };
  visit(tools, objectProperty(options.node, 'tools')!, 0);
}

/** The expression a function returns: its expression body or its first top-level `return`. */
function returnOf(fn: FunctionLike): Node | null {
  if (!fn.body) return null;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const ret = fn.body.body.find((st): st is TSESTree.ReturnStatement => st.type === 'ReturnStatement' && !!st.argument);
  return ret?.argument ?? null;
}

/** A value, or for a call of a known function, the object it returns (`() => ({…})` or `return {…}`). */
function returnedValue(ctx: ModuleCtx, node: Node): { node: Node; ctx: ModuleCtx } | null {
  const n = unwrap(node);
  if (n.type !== 'CallExpression') return resolveValue(ctx, n);
  const fn = resolveFunction(ctx, n.callee);
  const ret = fn && returnOf(fn.fn);
  return ret ? resolveValue(fn.ctx, ret) : null;
}

/**
 * What a function returns as a tool map: the returned object, or for a local map (`const tools = {}; return tools`),
 * its initialiser and every part merged in with `Object.assign(tools, getDbTools(opts))`.
 */
function builtTable(ctx: ModuleCtx, fn: FunctionLike): Array<{ value: { node: Node; ctx: ModuleCtx }; at: Node }> {
  const ret = returnOf(fn);
  if (!ret) return [];
  const r = unwrap(ret);
  if (r.type !== 'Identifier') {
    const value = returnedValue(ctx, r);
    return value ? [{ value, at: r }] : [];
  }
  const out: Array<{ value: { node: Node; ctx: ModuleCtx }; at: Node }> = [];
  walk(fn.body!, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === r.name && n.init) out.push({ value: { node: unwrap(n.init), ctx }, at: n.init });
    if (n.type !== 'CallExpression' || memberPath(n.callee)?.join('.') !== 'Object.assign') return;
    const [target, ...parts] = n.arguments;
    if (target?.type !== 'Identifier' || target.name !== r.name) return;
    for (const part of parts) {
      const value = part.type === 'SpreadElement' ? null : returnedValue(ctx, part);
      if (value) out.push({ value, at: part });
    }
  });
  return out;
}

/** A tool definition object and its handler: the value itself or the object argument of a builder call. */
function toolDefinition(ctx: ModuleCtx, node: Node): { obj: { node: Node; ctx: ModuleCtx }; handler: ReturnType<typeof resolveFunction> } | null {
  const value = resolveValue(ctx, node);
  if (!value) return null;
  const candidates = value.node.type === 'CallExpression' ? value.node.arguments.map((a) => resolveValue(value.ctx, a)) : [value];
  for (const obj of candidates) {
    const handlerNode = obj && TABLE_HANDLER_PROPS.map((p) => objectProperty(obj.node, p)).find(Boolean);
    const handler = obj && resolveFunction(obj.ctx, handlerNode);
    if (obj && handler) return { obj, handler };
  }
  return null;
}

function frameworkClass(
  ctx: ModuleCtx,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  base: { kind: RegistrationKind; method: string },
  add: Add,
): void {
  let nameNode: Node | null = null;
  let handler: FunctionLike | null = null;
  let annotations: ToolRegistration['annotations'] = {};
  for (const member of cls.body.body) {
    if (member.type !== 'PropertyDefinition' && member.type !== 'MethodDefinition') continue;
    const key = propertyKeyName(member.key, member.computed);
    if (member.type === 'PropertyDefinition' && key === 'name' && member.value) nameNode = member.value;
    if (member.type === 'PropertyDefinition' && key === 'annotations') annotations = annotationsOf(member.value);
    if (key === base.method) {
      const value = member.type === 'MethodDefinition' ? member.value : member.value && unwrap(member.value);
      if (isFunctionLike(value)) handler = value;
    }
  }
  add({
    name: nameNode ? resolveString(ctx, nameNode) : null,
    nameNode: nameNode ?? cls.id ?? cls,
    framework: 'mcp-framework',
    kind: base.kind,
    handler,
    annotations,
    registration: cls,
  });
}
