import rule from '../../rules/require-tool-authorization.js';
import { jsRuleTester } from '../rule-tester.js';

const V1 = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { unlink } from 'node:fs/promises';
const server = new McpServer({ name: 'files', version: '1.0.0' });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
`;
const STDIO = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { exec } from 'node:child_process';
const server = new McpServer({ name: 'shell', version: '1.0.0' });
await server.connect(new StdioServerTransport());
`;

/** A server factory taking a tool table (not a known framework), with a Cloudflare-style SDK client. */
const FACTORY = `import { createMcpServer, tool } from '@acme/mcp-kit';
import Cloudflare from 'cloudflare';
const cf = new Cloudflare({ apiToken: process.env.CF_API_TOKEN });
`;

jsRuleTester().run('require-tool-authorization', rule, {
  valid: [
    // identity destructured in the handler's signature (found by the blind eval)
    `${V1}server.registerTool('remove_file', { inputSchema: { path: z.string() } }, async ({ path }, { authInfo }) => {
  if (!authInfo?.scopes.includes('files:write')) return { isError: true, content: [] };
  await unlink(path);
  return { content: [] };
});`,
    // factory tool table: reads only
    `${FACTORY}export const server = createMcpServer({ tools: {
  list_zones: tool({ description: 'List zones', parameters: {}, execute: async () => cf.zones.list() }),
} });`,
    // factory tool table: the mutating tool checks the caller's scopes
    `${FACTORY}export const server = createMcpServer({ tools: {
  delete_record: tool({ description: 'Delete a DNS record', parameters: {}, execute: async ({ id }, extra) => {
    if (!extra.authInfo?.scopes.includes('dns:write')) throw new Error('forbidden');
    return cf.dns.records.delete(id);
  } }),
} });`,
    // an LLM client's tools option is not an MCP server's tool table
    `${FACTORY}import { generateText } from 'ai';
await generateText({ model, tools: { purge: tool({ description: 'Purge', parameters: {}, execute: async () => cf.cache.purge({ zone_id }) }) } });`,
    // read-only tool over HTTP
    `${V1}server.registerTool('list_files', { inputSchema: {} }, async () => ({ content: [{ type: 'text', text: 'a' }] }));`,
    // scope check in the handler (v1 extra.authInfo)
    `${V1}server.registerTool('delete_file', { inputSchema: {} }, async ({ path }, extra) => {
  if (!extra.authInfo?.scopes.includes('files:write')) return { content: [], isError: true };
  await unlink(path);
  return { content: [] };
});`,
    // v2 ctx.http?.authInfo, schema-less callback (first param is ctx)
    `${V1}server.registerTool('purge', {}, async (ctx) => {
  if (!ctx.http?.authInfo?.scopes.includes('notes:write')) throw new Error('insufficient_scope');
  await unlink('/data/notes.db');
  return { content: [] };
});`,
    // scope check through a helper in the same file
    `${V1}function assertWrite(extra) { if (!extra.authInfo?.scopes.includes('write')) throw new Error('forbidden'); }
server.registerTool('delete_file', {}, async ({ path }, extra) => { assertWrite(extra); await unlink(path); return { content: [] }; });`,
    // authorization helper imported from a package
    `${V1}import { assertScope } from '@acme/mcp-guards';
server.registerTool('delete_file', {}, async ({ path }, extra) => { assertScope(extra, 'files:write'); await unlink(path); return { content: [] }; });`,
    // low-level switch: a check before the dispatch covers every branch
    `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { exec } from 'node:child_process';
const server = new Server({ name: 'x', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  if (!extra.authInfo) throw new Error('unauthorized');
  switch (request.params.name) {
    case 'run': exec(request.params.arguments.cmd); return { content: [] };
  }
});
const t = new SSEServerTransport('/messages', res);`,
    // Regex .exec is not process execution
    `${V1}server.registerTool('parse', {}, async ({ text }) => { const m = /a(b)/.exec(text); return { content: [] }; });`,
    // Map.delete is not a database write
    `${V1}const cache = new Map();
server.registerTool('forget', {}, async ({ key }) => { cache.delete(key); return { content: [] }; });`,
    // fastmcp canAccess with authenticate
    `import { FastMCP } from 'fastmcp';
import { rm } from 'node:fs/promises';
const server = new FastMCP({ name: 'x', version: '1.0.0', authenticate: async (req) => verify(req) });
server.addTool({ name: 'wipe', canAccess: (auth) => auth.role === 'admin', execute: async () => { await rm('/tmp/x', { recursive: true }); return 'ok'; } });
server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
    // v2 destructured context
    `${V1}server.registerTool('purge', {}, async (args, { http }) => {
  if (!http?.authInfo?.scopes.includes('admin')) throw new Error('forbidden');
  await unlink('/data/all');
  return { content: [] };
});`,
    // Cloudflare McpAgent reading this.props
    `import { McpAgent } from 'agents/mcp';
export class Ops extends McpAgent {
  async init() {
    this.server.registerTool('delete_row', {}, async ({ id }) => {
      if (!this.props.permissions.includes('admin')) throw new Error('forbidden');
      await this.env.DB.prepare('DELETE FROM rows WHERE id = ?').bind(id).run();
      return { content: [] };
    });
  }
}
export default Ops.serve('/mcp');`,
  ],
  invalid: [
    {
      code: `${V1}server.registerTool('delete_file', { inputSchema: {} }, async ({ path }) => {
  await unlink(path);
  return { content: [] };
});`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 21 }],
    },
    {
      // sink inside a helper in the same file
      code: `${V1}async function removeAll(dir) { await unlink(dir); }
server.tool('clean', 'Remove a directory', { dir: z.string() }, async ({ dir }) => { await removeAll(dir); return { content: [] }; });`,
      errors: [{ messageId: 'unauthenticated', line: 7, column: 13 }],
    },
    {
      // transport-level bearer auth, but no per-tool check on a destructive tool
      code: `${V1}import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['mcp'] }), (req, res) => transport.handleRequest(req, res, req.body));
server.registerTool('delete_file', {}, async ({ path }) => { await unlink(path); return { content: [] }; });`,
      errors: [{ messageId: 'notAuthorized', line: 8, column: 21 }],
    },
    {
      // stdio: info, process trust
      code: `${STDIO}server.registerTool('run_command', { inputSchema: { cmd: z.string() } }, async ({ cmd }) => { exec(cmd); return { content: [] }; });`,
      errors: [{ messageId: 'stdio', line: 6, column: 21 }],
    },
    {
      // low-level switch: only the mutating branch reports
      code: `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new Server({ name: 'db', version: '1' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  switch (name) {
    case 'query': return pool.query('SELECT * FROM t WHERE id = $1', [args.id]);
    case 'drop_table': return pool.query(\`DROP TABLE \${args.table}\`);
  }
});
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });`,
      errors: [{ messageId: 'unauthenticated', line: 8, column: 10 }],
    },
    {
      // withMcpAuth without required: true lets anonymous requests through
      code: `import { createMcpHandler, withMcpAuth } from 'mcp-handler';
const handler = createMcpHandler((server) => {
  server.registerTool('refund', {}, async ({ charge }) => { await stripe.refunds.create({ charge }); return { content: [] }; });
});
const authHandler = withMcpAuth(handler, verifyToken);
export { authHandler as GET, authHandler as POST };`,
      errors: [{ messageId: 'unauthenticated', line: 3, column: 23 }],
    },
    {
      // fastmcp skips canAccess when no authenticate is configured: not a boundary
      code: `import { FastMCP } from 'fastmcp';
import { rm } from 'node:fs/promises';
const server = new FastMCP({ name: 'x', version: '1.0.0' });
server.addTool({ name: 'wipe', canAccess: (auth) => auth.role === 'admin', execute: async () => { await rm('/tmp/x'); return 'ok'; } });
server.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
      errors: [{ messageId: 'unauthenticated', line: 4, column: 24 }],
    },
    {
      // annotations are evidence, sinks decide: readOnlyHint does not hide a write
      code: `${V1}async function handleSave({ path }) { await writeFileSafely(path); return { content: [] }; }
import { writeFile as writeFileSafely } from 'node:fs/promises';
server.registerTool('save', { annotations: { readOnlyHint: true } }, handleSave);`,
      errors: [{ messageId: 'unauthenticated', line: 8, column: 21 }],
    },
    {
      // factory tool table (builder-wrapped and plain definitions) reaching SDK-client mutations
      code: `${FACTORY}export const server = createMcpServer({ name: 'dns', tools: {
  delete_record: tool({ description: 'Delete a DNS record', parameters: {}, execute: async ({ id, zone_id }) => cf.dns.records.delete(id, { zone_id }) }),
  list_zones: tool({ description: 'List zones', parameters: {}, execute: async () => cf.zones.list() }),
  drop_namespace: { description: 'Drop a KV namespace', handler: async ({ id }) => { await cf.kv.namespaces.delete(id); } },
} });`,
      errors: [
        { messageId: 'unknownTransport', line: 5, column: 3 },
        { messageId: 'unknownTransport', line: 7, column: 3 },
      ],
    },
    {
      // outbound mutating HTTP via fetch
      code: `${V1}server.registerTool('post_update', {}, async ({ text }) => {
  await fetch('https://api.example.com/status', { method: 'POST', body: JSON.stringify({ text }) });
  return { content: [] };
});`,
      errors: [{ messageId: 'unauthenticated', line: 6, column: 21 }],
    },
  ],
});
