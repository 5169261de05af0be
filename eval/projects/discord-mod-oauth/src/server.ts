import express from 'express';
import { ProxyOAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js';
import { mcpAuthRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { client, inviteUrl } from './discord.js';

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: 'https://auth.example.com/oauth2/authorize',
    tokenUrl: 'https://auth.example.com/oauth2/token',
    revocationUrl: 'https://auth.example.com/oauth2/revoke',
  },
  verifyAccessToken: async (token) => {
    const res = await fetch('https://auth.example.com/oauth2/userinfo', { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error('invalid token');
    const info = (await res.json()) as { sub: string; scope: string };
    return { token, clientId: info.sub, scopes: info.scope.split(' ') };
  },
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: ['http://localhost:6274/oauth/callback'] }),
});

function mcp(): McpServer {
  const server = new McpServer({ name: 'discord-mod', version: '0.2.1' });
  server.registerTool('invite_link', { description: 'Link to add the bot to a server' }, async () => ({
    content: [{ type: 'text', text: inviteUrl() }],
  }));
  server.registerTool(
    'ban_member',
    { description: 'Ban a member from a guild', inputSchema: { guildId: z.string(), userId: z.string(), reason: z.string() } },
    async ({ guildId, userId, reason }, extra) => {
      if (!extra.authInfo?.scopes.includes('discord:moderate')) {
        return { isError: true, content: [{ type: 'text', text: 'discord:moderate scope required' }] };
      }
      const guild = await client.guilds.fetch(guildId);
      await guild.members.ban(userId, { reason });
      return { content: [{ type: 'text', text: `banned ${userId}` }] };
    },
  );
  return server;
}

const sessions = new Map<string, StreamableHTTPServerTransport>();
const app = express();
app.use(express.json());
app.use(mcpAuthRouter({ provider, issuerUrl: new URL('https://discord-mod.example.com'), scopesSupported: ['*'] }));

app.post('/mcp', requireBearerAuth({ verifier: provider }), async (req, res) => {
  const sid = req.header('mcp-session-id');
  let transport = sid ? sessions.get(sid) : undefined;
  if (!transport) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => Math.random().toString(36).slice(2),
      onsessioninitialized: (id) => sessions.set(id, transport!),
    });
    await mcp().connect(transport);
  }
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080), '0.0.0.0');
