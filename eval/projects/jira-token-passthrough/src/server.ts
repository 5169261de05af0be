import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { verifier } from './verify.js';

const JIRA = process.env.JIRA_BASE_URL ?? 'https://example.atlassian.net';
const CONFLUENCE = process.env.CONFLUENCE_BASE_URL ?? 'https://example.atlassian.net/wiki';

function build(): McpServer {
  const server = new McpServer({ name: 'jira', version: '0.7.0' });

  server.registerTool(
    'get_issue',
    { description: 'Fetch a Jira issue', inputSchema: { key: z.string().regex(/^[A-Z]+-\d+$/) } },
    async ({ key }, extra) => {
      // Reuse the caller's token so Jira applies their permissions.
      const res = await fetch(`${JIRA}/rest/api/3/issue/${key}`, {
        headers: { Authorization: `Bearer ${extra.authInfo?.token}`, Accept: 'application/json' },
      });
      return { content: [{ type: 'text', text: await res.text() }] };
    },
  );

  server.registerTool(
    'create_issue',
    { description: 'Create a Jira issue', inputSchema: { project: z.string(), summary: z.string(), description: z.string().optional() } },
    async ({ project, summary, description }, extra) => {
      if (!extra.authInfo?.scopes.includes('jira:write')) {
        return { isError: true, content: [{ type: 'text', text: 'missing scope jira:write' }] };
      }
      const res = await fetch(`${JIRA}/rest/api/3/issue`, {
        method: 'POST',
        headers: { authorization: `Bearer ${process.env.JIRA_SERVICE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { project: { key: project }, summary, description, issuetype: { name: 'Task' } } }),
      });
      console.info('create_issue by', extra.authInfo.clientId, res.status);
      return { content: [{ type: 'text', text: await res.text() }] };
    },
  );

  server.registerTool(
    'search_confluence',
    { description: 'Search Confluence pages', inputSchema: { cql: z.string() } },
    async ({ cql }) => {
      const res = await fetch(`${CONFLUENCE}/rest/api/search?cql=${encodeURIComponent(cql)}`, {
        headers: { Authorization: `Basic ${Buffer.from(`${process.env.CONFLUENCE_USER}:${process.env.CONFLUENCE_API_TOKEN}`).toString('base64')}` },
      });
      return { content: [{ type: 'text', text: await res.text() }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['jira:read'] }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await build().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3000));
