import { describe, expect, it } from 'vitest';
import { getToolRegistrations } from '../../src/mcp-model/tools.js';
import { withSourceCode } from './source.js';

const regs = (text: string) =>
  withSourceCode(text, (sc, file) =>
    getToolRegistrations(sc, file).map((r) => ({
      name: r.name,
      framework: r.framework,
      kind: r.kind,
      handler: r.handler !== null,
      line: r.nameNode.loc.start.line,
      caseBody: r.caseBody?.length,
      annotations: r.annotations,
    })),
  );

describe('getToolRegistrations', () => {
  it('SDK v1 registerTool and the variadic tool() overloads (handler is the last argument)', () => {
    const out = regs(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 's', version: '1' });
const DELETE = 'delete_file';
server.registerTool(DELETE, { inputSchema: {}, annotations: { destructiveHint: true } }, async (args, extra) => ({ content: [] }));
server.tool('ping', async (extra) => ({ content: [] }));
server.tool('echo', 'Echo', { text: z.string() }, { readOnlyHint: true }, async ({ text }) => ({ content: [] }));
server.registerResource('cfg', 'config://app', {}, async (uri) => ({ contents: [] }));`);
    expect(out).toEqual([
      { name: 'delete_file', framework: 'sdk-v1', kind: 'tool', handler: true, line: 4, caseBody: undefined, annotations: { destructiveHint: true } },
      { name: 'ping', framework: 'sdk-v1', kind: 'tool', handler: true, line: 5, caseBody: undefined, annotations: {} },
      { name: 'echo', framework: 'sdk-v1', kind: 'tool', handler: true, line: 6, caseBody: undefined, annotations: { readOnlyHint: true } },
      { name: 'cfg', framework: 'sdk-v1', kind: 'resource', handler: true, line: 7, caseBody: undefined, annotations: {} },
    ]);
  });

  it('low-level switch and if dispatch on request.params.name, v1 schema and v2 method string', () => {
    const out = regs(`import { Server } from '@modelcontextprotocol/sdk/server/index.js';
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const { name, arguments: args } = request.params;
  switch (name) {
    case 'read_file':
    case 'cat':
      return read(args);
    case 'delete_file': {
      await rm(args.path);
      return ok();
    }
  }
});
server.setRequestHandler('tools/call', async (request) => {
  if (request.params.name === 'run') { return run(); }
});`);
    expect(out.map((r) => [r.name, r.framework, r.line, r.caseBody])).toEqual([
      ['read_file', 'sdk-v1-lowlevel', 5, 1],
      ['cat', 'sdk-v1-lowlevel', 6, 1],
      ['delete_file', 'sdk-v1-lowlevel', 8, 1],
      ['run', 'sdk-v2-lowlevel', 15, 1],
    ]);
  });

  it('fastmcp addTool, mcp-handler factory, Cloudflare McpAgent and mcp-framework classes', () => {
    expect(regs(`import { FastMCP } from 'fastmcp';
server.addTool({ name: 'deploy', annotations: { destructiveHint: true }, execute: async (args, ctx) => 'ok' });`)).toMatchObject([
      { name: 'deploy', framework: 'fastmcp', handler: true, line: 2, annotations: { destructiveHint: true } },
    ]);
    expect(regs(`import { createMcpHandler } from 'mcp-handler';
const handler = createMcpHandler((server) => { server.registerTool('send', {}, async () => ({ content: [] })); });`)).toMatchObject([
      { name: 'send', framework: 'mcp-handler' },
    ]);
    expect(regs(`import { McpAgent } from 'agents/mcp';
export class MyMcp extends McpAgent { async init() { this.server.tool('purge', {}, async () => ({ content: [] })); } }`)).toMatchObject([
      { name: 'purge', framework: 'cloudflare-agent' },
    ]);
    expect(regs(`import { MCPTool } from 'mcp-framework';
class DropTable extends MCPTool { name = 'drop_table'; async execute(input) { return db.query('DROP TABLE x'); } }`)).toMatchObject([
      { name: 'drop_table', framework: 'mcp-framework', handler: true, line: 2 },
    ]);
  });

  it('registration loops over a same-file tool table', () => {
    const out = regs(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const TOOLS = [
  { name: 'list', handler: async () => ({}) },
  { name: 'wipe', handler: wipe, annotations: { destructiveHint: true } },
];
async function wipe() {}
for (const t of TOOLS) server.registerTool(t.name, { annotations: t.annotations }, t.handler);`);
    expect(out.map((r) => [r.name, r.line, r.handler, r.annotations])).toEqual([
      ['list', 3, true, {}],
      ['wipe', 4, true, { destructiveHint: true }],
    ]);
  });

  it('low-level dispatch through a table of handler functions', () => {
    const out = regs(`import { Server } from '@modelcontextprotocol/sdk/server/index.js';
const HANDLERS = {
  get_user: async (args) => db.get(args.id),
  ban_user: banUser,
};
async function banUser(args) {}
server.setRequestHandler(CallToolRequestSchema, async (req) => HANDLERS[req.params.name](req.params.arguments));`);
    expect(out.map((r) => [r.name, r.line, r.handler])).toEqual([
      ['get_user', 3, true],
      ['ban_user', 4, true],
    ]);
  });

  it('tool tables handed to a server factory: maps, arrays, builder-wrapped and plain definitions', () => {
    const out = regs(`import { tool, createMcpServer } from './kit.js';
const purge = tool({ description: 'Purge the cache', parameters: {}, execute: async ({ zone }) => 'ok' });
export const server = createMcpServer({
  name: 'ops',
  tools: {
    purge_cache: purge,
    'list-zones': defineTool({ description: 'List zones', annotations: { readOnlyHint: true }, handler: async () => [] }),
    rotate_key: { description: 'Rotate', async execute() { return 'ok'; } },
  },
});
const other = new OpsMcpServer({ tools: [
  { name: 'drop_table', description: 'Drop', handler: dropTable },
  { name: 'no_handler', description: 'Data only' },
] });
async function dropTable() {}`);
    expect(out.map((r) => [r.name, r.line, r.handler, r.annotations])).toEqual([
      ['purge_cache', 6, true, {}],
      ['list-zones', 7, true, { readOnlyHint: true }],
      ['rotate_key', 8, true, {}],
      ['drop_table', 12, true, {}],
    ]);
  });

  it('tool maps of LLM clients and non-factory calls are not MCP registrations', () => {
    // The AI SDK's \`tools\` option: tools the model may call, not tools a server exposes.
    expect(regs(`import { generateText, tool } from 'ai';
await generateText({ model, tools: { weather: tool({ description: 'Weather', parameters: {}, execute: async () => 'sunny' }) } });
const agent = new Agent({ tools: [{ name: 'search', description: 'Search', execute: async () => [] }] });`)).toEqual([]);
    // A server factory whose tools option holds data, not definitions with handlers.
    expect(regs(`const s = createMcpServer({ tools: { enabled: true, allow: ['a'] } });`)).toEqual([]);
  });

  it('ignores files with no MCP registrations and .tool() of other libraries', () => {
    expect(regs(`const x = chart.tool('zoom', () => 1);`)).toEqual([]);
    expect(regs(`export const add = (a, b) => a + b;`)).toEqual([]);
  });
});
