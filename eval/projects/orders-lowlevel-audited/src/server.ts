import { createHash } from 'node:crypto';
import express from 'express';
import pino from 'pino';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { cancelOrder, listOrders, refundOrder } from './orders.js';
import { verifier } from './verifier.js';

// One audit line per tool call, written before dispatch: who, which tool, a digest of the arguments.
const audit = pino({ name: 'orders-audit' });
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value ?? {})).digest('hex').slice(0, 16);
const text = (t: string) => ({ content: [{ type: 'text' as const, text: t }] });
const denied = (scope: string) => ({ isError: true, content: [{ type: 'text' as const, text: `${scope} scope required` }] });

function buildServer(): Server {
  const server = new Server({ name: 'orders', version: '1.4.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
      { name: 'list_orders', description: 'Your recent orders', inputSchema: { type: 'object', properties: {} } },
      { name: 'cancel_order', description: 'Cancel an open order', inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } } },
      { name: 'refund_order', description: 'Refund a paid order', inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } } },
    ],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args } = request.params;
    audit.info({ caller: extra.authInfo?.clientId, tool: name, args: digest(args) }, 'tool call');
    const scopes = extra.authInfo?.scopes ?? [];
    switch (name) {
      case 'list_orders':
        return text(JSON.stringify(await listOrders(String(extra.authInfo?.clientId))));
      case 'cancel_order':
        if (!scopes.includes('orders:write')) return denied('orders:write');
        await cancelOrder(String(args?.orderId), String(extra.authInfo?.clientId));
        return text('cancelled');
      case 'refund_order':
        if (!scopes.includes('orders:refund')) return denied('orders:refund');
        return text(await refundOrder(String(args?.orderId)));
      default:
        throw new Error(`unknown tool ${name}`);
    }
  });
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['orders:read'] }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 8080));
