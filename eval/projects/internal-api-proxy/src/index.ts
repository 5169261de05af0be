import Anthropic from '@anthropic-ai/sdk';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import morgan from 'morgan';
import { z } from 'zod';
import { config } from './config.js';

const anthropic = new Anthropic({ apiKey: config.anthropicKey });

function build(): McpServer {
  const server = new McpServer({ name: 'internal-api', version: '0.1.0' });
  server.registerTool('summarize_ticket', { description: 'Summarize a support ticket', inputSchema: { id: z.string() } }, async ({ id }) => {
    const ticket = await (await fetch(`${config.internalApi}/tickets/${encodeURIComponent(id)}`)).text();
    const msg = await anthropic.messages.create({
      model: config.model,
      max_tokens: 400,
      messages: [{ role: 'user', content: `Summarize this ticket:\n${ticket}` }],
    });
    return { content: [{ type: 'text', text: msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('') }] };
  });
  return server;
}

const app = createMcpExpressApp();
app.use(morgan(':method :url :status :req[authorization] - :response-time ms'));

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await build().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

// The dashboard calls the internal API through us so it can reuse the user's session.
app.all('/api/*', async (req, res) => {
  const upstream = await fetch(`${config.internalApi}${req.originalUrl.replace(/^\/api/, '')}`, {
    method: req.method,
    headers: { ...(req.headers as Record<string, string>), host: new URL(config.internalApi).host },
    body: ['GET', 'HEAD'].includes(req.method) ? undefined : JSON.stringify(req.body),
  });
  res.status(upstream.status).send(await upstream.text());
});

app.listen(3005, '127.0.0.1');
