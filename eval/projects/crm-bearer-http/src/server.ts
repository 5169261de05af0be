import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { hasScope, verifier } from './auth.js';
import { findContacts, pool } from './db.js';

function buildServer(): McpServer {
  const server = new McpServer({ name: 'crm', version: '2.4.0' });

  server.registerTool(
    'find_contacts',
    { description: 'Search your contacts by name', inputSchema: { term: z.string().min(2) } },
    async ({ term }, extra) => {
      const sub = String(extra.authInfo?.extra?.sub ?? '');
      const rows = await findContacts(sub, term);
      return { content: [{ type: 'text', text: rows.map((r) => `${r.name} <${r.email}>`).join('\n') }] };
    },
  );

  server.registerTool(
    'delete_contact',
    { description: 'Delete one of your contacts', inputSchema: { id: z.string().uuid() } },
    async ({ id }, extra) => {
      if (!hasScope(extra.authInfo, 'crm:write')) {
        return { content: [{ type: 'text', text: 'insufficient_scope: crm:write' }], isError: true };
      }
      const sub = String(extra.authInfo?.extra?.sub ?? '');
      await pool.query('DELETE FROM contacts WHERE id = $1 AND owner_sub = $2', [id, sub]);
      return { content: [{ type: 'text', text: `deleted ${id}` }] };
    },
  );
  return server;
}

const transports = new Map<string, StreamableHTTPServerTransport>();
const app = express();
app.use(express.json({ limit: '1mb' }));
app.use(cors({ origin: ['https://app.example.com'], exposedHeaders: ['Mcp-Session-Id'] }));

const auth = requireBearerAuth({ verifier, requiredScopes: ['crm:read'], resourceMetadataUrl: 'https://crm.example.com/.well-known/oauth-protected-resource' });

app.post('/mcp', auth, async (req, res) => {
  const sessionId = req.header('mcp-session-id');
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (!isInitializeRequest(req.body)) {
      res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null });
      return;
    }
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => transports.set(id, transport!),
    });
    transport.onclose = () => transport?.sessionId && transports.delete(transport.sessionId);
    await buildServer().connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080), '0.0.0.0', () => console.log('crm MCP up'));
