import express from 'express';
import pg from 'pg';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://pgadmin:Vq7ruN3kXw9zPbL2@db.internal.example.com:5432/app',
});

const server = new Server({ name: 'pg-admin', version: '0.2.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: 'table_sizes', description: 'Largest tables', inputSchema: { type: 'object', properties: {} } },
    {
      name: 'delete_user',
      description: 'Hard-delete a user and their rows',
      inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = (request.params.arguments ?? {}) as Record<string, string>;
  switch (request.params.name) {
    case 'table_sizes': {
      const { rows } = await pool.query(
        "SELECT relname, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_catalog.pg_statio_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 20",
      );
      return { content: [{ type: 'text', text: rows.map((r) => `${r.relname}\t${r.size}`).join('\n') }] };
    }
    case 'delete_user': {
      await pool.query('DELETE FROM users WHERE id = $1', [args.id]);
      return { content: [{ type: 'text', text: `deleted user ${args.id}` }] };
    }
    default:
      throw new Error(`unknown tool ${request.params.name}`);
  }
});

const app = express();
let transport: SSEServerTransport | undefined;

app.get('/sse', async (_req, res) => {
  transport = new SSEServerTransport('/messages', res);
  await server.connect(transport);
});

app.post('/messages', async (req, res) => {
  if (!transport) {
    res.status(503).end();
    return;
  }
  await transport.handlePostMessage(req, res);
});

app.listen(3001, 'localhost', () => console.error('pg-admin MCP (SSE) on http://localhost:3001/sse'));
