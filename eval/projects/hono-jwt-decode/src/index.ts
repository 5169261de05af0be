import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';
import { sso, verifyAdminToken, type Caller } from './auth.js';
import { tasks } from './tasks.js';

function buildServer(caller: Caller): McpServer {
  const server = new McpServer({ name: 'tasks', version: '1.2.0' });
  server.registerTool('my_tasks', { description: 'List my tasks', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: JSON.stringify(tasks.filter((t) => t.owner === caller.sub)) }],
  }));
  server.registerTool(
    'purge_tasks',
    { description: 'Admin: delete all completed tasks', inputSchema: {} },
    async () => {
      if (caller.role !== 'admin') return { content: [{ type: 'text', text: 'admins only' }], isError: true };
      const before = tasks.length;
      tasks.splice(0, tasks.length, ...tasks.filter((t) => !t.done));
      return { content: [{ type: 'text', text: `purged ${before - tasks.length}` }] };
    },
  );
  return server;
}

const app = new Hono<{ Variables: { caller: Caller } }>();

app.use('/mcp', sso);
app.all('/mcp', async (c) => {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer(c.get('caller')).connect(transport);
  return transport.handleRequest(c.req.raw);
});

app.post('/admin/reindex', async (c) => {
  const caller = verifyAdminToken(c.req.header('x-admin-token') ?? '');
  return c.json({ ok: true, by: caller.sub });
});

serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' });
