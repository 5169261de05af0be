import express from 'express';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { recordChange } from './changes.js';
import { logger } from './log.js';
import { movePage, readPage, removePage, savePage } from './pages.js';
import { requireScope } from './scopes.js';
import { verifier } from './verifier.js';

function wiki(): McpServer {
  const server = new McpServer({ name: 'team-wiki', version: '0.9.0' });

  server.registerTool('read_page', { description: 'Read a wiki page', inputSchema: { slug: z.string() } }, async ({ slug }) => ({
    content: [{ type: 'text', text: await readPage(slug) }],
  }));

  server.registerTool(
    'edit_page',
    { description: 'Replace the text of a page', inputSchema: { slug: z.string(), markdown: z.string() } },
    async ({ slug, markdown }, extra) => {
      requireScope(extra, 'wiki:write');
      await savePage(slug, markdown);
      logger.info('page edited', { user: extra.authInfo?.clientId, tool: 'edit_page', slug, bytes: markdown.length });
      return { content: [{ type: 'text', text: `saved ${slug}` }] };
    },
  );

  server.registerTool(
    'rename_page',
    { description: 'Rename a page', inputSchema: { from: z.string(), to: z.string() } },
    async ({ from, to }, extra) => {
      requireScope(extra, 'wiki:write');
      await movePage(from, to);
      await recordChange(extra.authInfo?.clientId, 'rename_page', { from, to });
      return { content: [{ type: 'text', text: `renamed ${from} to ${to}` }] };
    },
  );

  server.registerTool(
    'delete_page',
    { description: 'Delete a page', inputSchema: { slug: z.string() } },
    async ({ slug }, extra) => {
      requireScope(extra, 'wiki:delete');
      logger.debug(`deleting ${slug}`);
      await removePage(slug);
      return { content: [{ type: 'text', text: `deleted ${slug}` }] };
    },
  );
  return server;
}

const gate = requireBearerAuth({ verifier, requiredScopes: ['wiki:read'] });
const app = express();
app.use(express.json());
app.post('/mcp', gate, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await wiki().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 4100), '0.0.0.0');
