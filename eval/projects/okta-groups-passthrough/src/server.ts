import axios from 'axios';
import express from 'express';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { claimsOf } from './claims.js';

const OKTA = process.env.OKTA_ORG_URL ?? 'https://example.okta.com';

function build(): Server {
  const server = new Server({ name: 'okta-groups', version: '0.3.0' }, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
      { name: 'my_groups', description: 'Groups of the signed-in user', inputSchema: { type: 'object', properties: {} } },
      { name: 'group_audit_log', description: 'Membership changes of a group (group admins)', inputSchema: { type: 'object', properties: { groupId: { type: 'string' } }, required: ['groupId'] } },
    ],
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const authorization = extra.requestInfo?.headers.authorization as string | undefined;
    if (request.params.name === 'my_groups') {
      const res = await axios.get(`${OKTA}/api/v1/users/me/groups`, { headers: { Authorization: authorization } });
      return { content: [{ type: 'text', text: res.data.map((g: { profile: { name: string } }) => g.profile.name).join('\n') }] };
    }
    if (request.params.name === 'group_audit_log') {
      const claims = claimsOf(authorization);
      if (!claims.groups?.includes('group-admins')) return { isError: true, content: [{ type: 'text', text: 'group admins only' }] };
      const groupId = String(request.params.arguments?.groupId);
      const res = await axios.get(`${OKTA}/api/v1/logs`, {
        params: { filter: `target.id eq "${groupId}"`, limit: 50 },
        headers: { Authorization: `SSWS ${process.env.OKTA_API_TOKEN}` },
      });
      return { content: [{ type: 'text', text: JSON.stringify(res.data) }] };
    }
    throw new Error(`unknown tool ${request.params.name}`);
  });
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await build().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 8080), '0.0.0.0');
