import express from 'express';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireToken } from './auth.js';
import { config } from './config.js';

function metrics(): McpServer {
  const server = new McpServer({ name: 'metrics', version: '0.3.0' });
  server.registerTool('query_metric', { description: 'Run a PromQL query', inputSchema: { promql: z.string() } }, async ({ promql }) => {
    const res = await fetch(`${config.prometheus}/api/v1/query?query=${encodeURIComponent(promql)}`);
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  server.registerTool(
    'silence_alert',
    { description: 'Silence an alert for a while', inputSchema: { alertname: z.string(), minutes: z.number().int().max(240) } },
    async ({ alertname, minutes }) => {
      const now = Date.now();
      const res = await fetch(`${config.alertmanager}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: [{ name: 'alertname', value: alertname, isRegex: false }],
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + minutes * 60_000).toISOString(),
          createdBy: 'metrics-mcp',
          comment: 'silenced from an MCP client',
        }),
      });
      return { content: [{ type: 'text', text: res.ok ? 'silenced' : `failed: ${res.status}` }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireToken, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await metrics().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(config.port);
