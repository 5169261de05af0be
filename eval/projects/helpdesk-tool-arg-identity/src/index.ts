import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { agents, tickets } from './db.js';
import { verifier } from './verifier.js';

function helpdesk(): McpServer {
  const server = new McpServer({ name: 'helpdesk', version: '1.0.4' });

  server.tool('my_open_tickets', 'Open tickets assigned to me', {}, async (extra) => {
    const mine = await tickets.find({ assignee: extra.authInfo?.clientId, status: 'open' }).toArray();
    return { content: [{ type: 'text', text: mine.map((t) => `${t._id} ${t.subject}`).join('\n') }] };
  });

  server.tool(
    'close_ticket',
    'Close a ticket you are assigned to',
    { ticketId: z.string() },
    async ({ ticketId }, extra) => {
      const res = await tickets.updateOne({ _id: ticketId, assignee: extra.authInfo?.clientId }, { $set: { status: 'closed' } });
      return { content: [{ type: 'text', text: res.modifiedCount ? `closed ${ticketId}` : 'not your ticket' }] };
    },
  );

  server.tool(
    'reassign_ticket',
    'Supervisors: move a ticket to another agent',
    { ticketId: z.string(), to: z.string().email(), actingAgent: z.string().email().describe('Email of the agent making the change') },
    async ({ ticketId, to, actingAgent }) => {
      const actor = await agents.findOne({ email: actingAgent });
      if (!actor?.isSupervisor) return { isError: true, content: [{ type: 'text', text: 'supervisors only' }] };
      await tickets.updateOne({ _id: ticketId }, { $set: { assignee: to } });
      return { content: [{ type: 'text', text: `reassigned ${ticketId} to ${to}` }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await helpdesk().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3000), '0.0.0.0');
