import express from 'express';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { audit } from './audit.js';
import { apiKeyAuth } from './auth.js';
import { pool } from './db.js';

function ledger(): McpServer {
  const server = new McpServer({ name: 'ledger', version: '1.2.0' });
  server.registerTool('balance', { description: 'Balance of an account', inputSchema: { account: z.string() } }, async ({ account }) => {
    const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [account]);
    return { content: [{ type: 'text', text: String(rows[0]?.balance ?? 'unknown account') }] };
  });
  server.registerTool(
    'post_entry',
    { description: 'Post a ledger entry', inputSchema: { account: z.string(), amount: z.number(), memo: z.string() } },
    async ({ account, amount, memo }, extra) => {
      if (!extra.authInfo?.scopes.includes('ledger:write')) return { isError: true, content: [{ type: 'text', text: 'ledger:write required' }] };
      await pool.query('INSERT INTO entries (account, amount, memo, author) VALUES ($1, $2, $3, $4)', [account, amount, memo, extra.authInfo.clientId]);
      await audit(extra, 'post_entry', { account, amount });
      return { content: [{ type: 'text', text: 'posted' }] };
    },
  );
  server.registerTool(
    'void_entry',
    { description: 'Void a ledger entry', inputSchema: { id: z.string() } },
    async ({ id }, extra) => {
      if (!extra.authInfo?.scopes.includes('ledger:write')) return { isError: true, content: [{ type: 'text', text: 'ledger:write required' }] };
      await pool.query('UPDATE entries SET voided = true WHERE id = $1', [id]);
      await audit(extra, 'void_entry', { id });
      return { content: [{ type: 'text', text: `voided ${id}` }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', apiKeyAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await ledger().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 7070), '0.0.0.0');
