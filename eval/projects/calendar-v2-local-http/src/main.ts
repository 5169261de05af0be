import { randomUUID } from 'node:crypto';
import { createMcpExpressApp } from '@modelcontextprotocol/express';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { loadEvents } from './ics.js';

const CALENDAR = process.env.CALENDAR_ICS ?? `${process.env.HOME}/calendar.ics`;

function createServer(): McpServer {
  const server = new McpServer({ name: 'calendar', version: '1.0.0' });
  server.registerTool(
    'events_between',
    { description: 'Events between two ISO dates', inputSchema: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }) },
    async ({ from, to }) => {
      const events = (await loadEvents(CALENDAR)).filter((e) => e.start >= new Date(from) && e.end <= new Date(to));
      return { content: [{ type: 'text', text: events.map((e) => `${e.start.toISOString()} ${e.summary}`).join('\n') }] };
    },
  );
  server.registerTool('next_event', { description: 'The next upcoming event', inputSchema: z.object({}) }, async () => {
    const now = new Date();
    const next = (await loadEvents(CALENDAR)).filter((e) => e.start > now).sort((a, b) => +a.start - +b.start)[0];
    return { content: [{ type: 'text', text: next ? `${next.summary} at ${next.start.toISOString()}` : 'nothing planned' }] };
  });
  return server;
}

// createMcpExpressApp() rejects requests whose Host is not localhost (DNS rebinding protection).
const app = createMcpExpressApp();
const sessions = new Map<string, NodeStreamableHTTPServerTransport>();

app.post('/mcp', async (req, res) => {
  const sid = req.get('mcp-session-id');
  const existing = sid ? sessions.get(sid) : undefined;
  if (existing) return existing.handleRequest(req, res, req.body);
  const transport = new NodeStreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    onsessioninitialized: (id) => sessions.set(id, transport),
  });
  await createServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(6274, '127.0.0.1', () => console.log('calendar MCP on http://127.0.0.1:6274/mcp'));
