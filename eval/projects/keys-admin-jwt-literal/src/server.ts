import { randomBytes } from 'node:crypto';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { jwtAuth } from './jwt-auth.js';
import { keys } from './store.js';

function mcp(): McpServer {
  const server = new McpServer({ name: 'keys-admin', version: '0.3.0' });
  server.registerTool('list_keys', { description: 'API keys of a project (ids only)', inputSchema: { project: z.string() } }, async ({ project }) => ({
    content: [{ type: 'text', text: keys.filter((k) => k.project === project).map((k) => `${k.id} created ${k.created}`).join('\n') }],
  }));
  server.registerTool(
    'revoke_key',
    { description: 'Revoke an API key (admins)', inputSchema: { id: z.string() } },
    async ({ id }, extra) => {
      const roles = (extra.authInfo?.extra?.roles ?? []) as string[];
      if (!roles.includes('keys-admin')) return { isError: true, content: [{ type: 'text', text: 'keys-admin role required' }] };
      const i = keys.findIndex((k) => k.id === id);
      if (i >= 0) keys.splice(i, 1);
      return { content: [{ type: 'text', text: i >= 0 ? `revoked ${id}` : 'no such key' }] };
    },
  );
  server.registerTool('new_key_id', { description: 'Generate a key id', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: `key_${randomBytes(8).toString('hex')}` }],
  }));
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', jwtAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(7010, '127.0.0.1');
