import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { bearer, isAdminKey } from './middleware.js';
import { listReleases, triggerDeploy } from './platform.js';

function makeServer(): McpServer {
  const server = new McpServer({ name: 'deploy-bot', version: '0.4.2' });
  server.registerTool(
    'list_releases',
    { description: 'Recent releases of a service', inputSchema: { service: z.string() } },
    async ({ service }) => ({ content: [{ type: 'text', text: JSON.stringify(await listReleases(service)) }] }),
  );
  server.registerTool(
    'deploy',
    {
      description: 'Deploy a version of a service',
      inputSchema: { service: z.string(), version: z.string(), environment: z.enum(['staging', 'production']) },
    },
    async ({ service, version, environment }) => {
      const id = await triggerDeploy({ service, version, environment });
      return { content: [{ type: 'text', text: `deployment ${id} started` }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', bearer, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await makeServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.post('/admin/freeze', (req, res) => {
  if (!isAdminKey(req.header('x-api-key'))) {
    res.sendStatus(403);
    return;
  }
  res.json({ frozen: true });
});

app.listen(3030, '127.0.0.1');
