import cors from 'cors';
import express from 'express';
import { readFile } from 'node:fs/promises';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { z } from 'zod';

const API_BASE = process.env.API_BASE ?? 'https://api.example.com';
const transports = new Map<string, SSEServerTransport>();

function devtools(): McpServer {
  const server = new McpServer({ name: 'devtools', version: '0.5.0' });

  server.registerTool('read_log', { description: 'Tail the dev server log', inputSchema: { lines: z.number().int().max(1000).default(200) } }, async ({ lines }) => {
    const text = await readFile('.devserver/server.log', 'utf8');
    return { content: [{ type: 'text', text: text.split('\n').slice(-lines).join('\n') }] };
  });

  server.registerResource('api-config', 'config://api', { description: 'How the dev server talks to the API', mimeType: 'application/json' }, async (uri) => ({
    contents: [{ uri: uri.href, text: JSON.stringify({ base: API_BASE, token: process.env.API_TOKEN, timeoutMs: 10_000 }) }],
  }));

  server.registerResource('feature-flags', 'config://flags', { mimeType: 'application/json' }, async (uri) => ({
    contents: [{ uri: uri.href, text: JSON.stringify({ newCheckout: process.env.FLAG_NEW_CHECKOUT === '1', region: process.env.AWS_REGION }) }],
  }));
  return server;
}

const app = express();
app.use(cors());

app.get('/sse', async (_req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await devtools().connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return void res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});

app.listen(5175, '127.0.0.1');
