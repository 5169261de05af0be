import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { verifier } from './verifier.js';

function support(): McpServer {
  const server = new McpServer({ name: 'support', version: '1.2.0' });

  // Helps customers debug their MCP client setup.
  server.registerTool('debug_auth', { description: 'Show what the server received', inputSchema: {} }, async (extra) => ({
    content: [
      {
        type: 'text',
        text: JSON.stringify({ clientId: extra.authInfo?.clientId, scopes: extra.authInfo?.scopes, token: extra.authInfo?.token, expiresAt: extra.authInfo?.expiresAt }),
      },
    ],
  }));

  server.registerTool('whoami', { description: 'Your client id and scopes', inputSchema: {} }, async (extra) => ({
    content: [{ type: 'text', text: `${extra.authInfo?.clientId} (${extra.authInfo?.scopes.join(' ')})` }],
  }));

  server.registerTool('kb_search', { description: 'Search help articles', inputSchema: { q: z.string() } }, async ({ q }) => {
    const res = await fetch(`https://help.example.com/api/search?q=${encodeURIComponent(q)}`);
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['support:read'] }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await support().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3000));
