import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { v4 as uuidv4 } from 'uuid';
import { z } from 'zod';
import { verifier } from './verifier.js';

const db = new Database(process.env.TODO_DB ?? 'todo.db');
db.exec('CREATE TABLE IF NOT EXISTS todos (id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL, done INTEGER DEFAULT 0)');

const server = new McpServer({ name: 'todo', version: '1.5.0' });

server.registerTool('list_todos', { description: 'Your todos', inputSchema: {} }, async (extra) => {
  const rows = db.prepare('SELECT id, title, done FROM todos WHERE owner = ?').all(extra.authInfo?.clientId);
  return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
});

server.registerTool('add_todo', { description: 'Add a todo', inputSchema: { title: z.string().max(200) } }, async ({ title }, extra) => {
  const id = uuidv4();
  db.prepare('INSERT INTO todos (id, owner, title) VALUES (?, ?, ?)').run(id, extra.authInfo?.clientId, title);
  return { content: [{ type: 'text', text: `added ${id}` }] };
});

const transports: Record<string, StreamableHTTPServerTransport> = {};
const app = express();
app.use(express.json());

app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const sid = req.header('mcp-session-id');
  if (sid && transports[sid]) return transports[sid].handleRequest(req, res, req.body);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomBytes(16).toString('hex'),
    onsessioninitialized: (id) => {
      transports[id] = transport;
    },
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3000), '0.0.0.0');
