import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';
import { channelId, slack } from './slack.js';
import { wikiPage } from './wiki.js';

function mcp(): McpServer {
  const server = new McpServer({ name: 'slack-bridge', version: '0.2.0' });
  server.registerTool(
    'post_message',
    { description: 'Post a message to a channel', inputSchema: { channel: z.string(), text: z.string().max(4000) } },
    async ({ channel, text }) => {
      const id = await channelId(channel);
      if (!id) return { isError: true, content: [{ type: 'text', text: `no channel ${channel}` }] };
      await slack.chat.postMessage({ channel: id, text });
      return { content: [{ type: 'text', text: 'posted' }] };
    },
  );
  server.registerTool('wiki_page', { description: 'Read a wiki page', inputSchema: { path: z.string() } }, async ({ path }) => ({
    content: [{ type: 'text', text: await wikiPage(path) }],
  }));
  return server;
}

const app = new Hono();

app.use('/mcp', async (c, next) => {
  const auth = c.req.header('authorization');
  console.log(`[mcp] ${c.req.method} auth=${auth}`);
  if (auth !== `Bearer ${process.env.MCP_BRIDGE_TOKEN}`) return c.text('unauthorized', 401);
  await next();
});

app.all('/mcp', async (c) => {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp().connect(transport);
  return transport.handleRequest(c.req.raw);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) });
