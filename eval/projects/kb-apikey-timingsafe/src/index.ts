import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { apiKeyAuth } from './apiKeys.js';

const ARTICLES = process.env.KB_DIR ?? '/srv/kb';

function server(): McpServer {
  const s = new McpServer({ name: 'kb', version: '1.3.0' });
  s.registerTool('search_kb', { description: 'Full-text search', inputSchema: { q: z.string() } }, async ({ q }) => {
    const res = await fetch(`http://127.0.0.1:9200/kb/_search?q=${encodeURIComponent(q)}`);
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  s.registerTool(
    'publish_article',
    { description: 'Publish or replace an article', inputSchema: { slug: z.string().regex(/^[a-z0-9-]+$/), markdown: z.string() } },
    async ({ slug, markdown }, { authInfo }) => {
      if (!authInfo?.scopes.includes('kb:write')) {
        return { isError: true, content: [{ type: 'text', text: 'kb:write scope required' }] };
      }
      await writeFile(join(ARTICLES, `${slug}.md`), markdown);
      return { content: [{ type: 'text', text: `published ${slug} as ${authInfo.clientId}` }] };
    },
  );
  return s;
}

const app = express();
app.use(express.json());
app.post('/mcp', apiKeyAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => void transport.close());
  await server().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT) || 8000, '0.0.0.0');
