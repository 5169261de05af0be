import express from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { log } from './log.js';
import { fetchIncidents } from './status-page.js';
import { githubWebhook, gitlabWebhook, latestBuilds } from './webhooks.js';

function status(): McpServer {
  const server = new McpServer({ name: 'ci-status', version: '0.9.0' });
  server.registerTool('build_status', { description: 'Latest CI result of a repository', inputSchema: { repo: z.string() } }, async ({ repo }) => {
    const b = latestBuilds.get(repo);
    return { content: [{ type: 'text', text: b ? `${b.status} (${b.updatedAt})` : 'no builds seen' }] };
  });
  server.registerTool('incidents', { description: 'Open incidents' }, async () => ({ content: [{ type: 'text', text: await fetchIncidents() }] }));
  return server;
}

const app = createMcpExpressApp();
app.post('/webhooks/github', express.raw({ type: 'application/json' }), githubWebhook);
app.post('/webhooks/gitlab', express.json(), gitlabWebhook);
app.post('/mcp', async (req, res) => {
  log.info('mcp call', { method: req.body?.method, ua: req.header('user-agent') });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await status().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3100, '127.0.0.1');
