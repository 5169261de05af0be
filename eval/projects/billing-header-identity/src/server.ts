import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { db } from './db.js';

// The API gateway in front of us authenticates users and adds x-user-id / x-user-role.
function createServer(): McpServer {
  const server = new McpServer({ name: 'billing', version: '0.9.0' });

  server.registerTool(
    'list_invoices',
    { description: 'List open invoices for a customer', inputSchema: { customerId: z.string() } },
    async ({ customerId }) => {
      const [rows] = await db.query('SELECT id, amount_cents, status FROM invoices WHERE customer_id = ? AND status = "open"', [customerId]);
      return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
    },
  );

  server.registerTool(
    'void_invoice',
    { description: 'Void an invoice (finance admins only)', inputSchema: { invoiceId: z.string() } },
    async ({ invoiceId }, extra) => {
      const role = extra.requestInfo?.headers['x-user-role'];
      if (role !== 'finance-admin') {
        return { content: [{ type: 'text', text: 'forbidden' }], isError: true };
      }
      await db.execute('UPDATE invoices SET status = "void" WHERE id = ?', [invoiceId]);
      return { content: [{ type: 'text', text: `voided ${invoiceId}` }] };
    },
  );

  server.registerTool(
    'add_invoice_note',
    { description: 'Attach a note to an invoice', inputSchema: { invoiceId: z.string(), note: z.string().max(2000) } },
    async ({ invoiceId, note }) => {
      await db.execute('INSERT INTO invoice_notes (invoice_id, note) VALUES (?, ?)', [invoiceId, note]);
      return { content: [{ type: 'text', text: 'noted' }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.use(cors({ origin: '*', credentials: true }));

const sessions: Record<string, StreamableHTTPServerTransport> = {};

app.all('/mcp', async (req, res) => {
  const id = req.headers['mcp-session-id'] as string | undefined;
  let transport = id ? sessions[id] : undefined;
  if (!transport) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => Date.now().toString(36),
      onsessioninitialized: (sid) => {
        sessions[sid] = transport!;
      },
    });
    await createServer().connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

const host = process.env.HOST ?? '0.0.0.0';
app.listen(4100, host, () => console.log(`billing MCP on ${host}:4100`));
