import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { z } from 'zod';
import { apps, core } from './kube.js';
import { verifier } from './verifier.js';

interface Operator {
  clientId: string;
  role: 'viewer' | 'admin';
}

const operators = new Map<string, Operator>();
const transports = new Map<string, SSEServerTransport>();
const server = new McpServer({ name: 'k8s-ops', version: '0.6.0' });

server.registerTool('list_pods', { description: 'Pods in a namespace', inputSchema: { namespace: z.string() } }, async ({ namespace }) => {
  const pods = await core.listNamespacedPod({ namespace });
  return { content: [{ type: 'text', text: pods.items.map((p) => `${p.metadata?.name} ${p.status?.phase}`).join('\n') }] };
});

server.registerTool(
  'scale_deployment',
  { description: 'Scale a deployment (admins)', inputSchema: { namespace: z.string(), name: z.string(), replicas: z.number().int().min(0).max(50) } },
  async ({ namespace, name, replicas }, extra) => {
    const operator = operators.get(extra.sessionId!);
    if (operator?.role !== 'admin') return { isError: true, content: [{ type: 'text', text: 'admins only' }] };
    await apps.patchNamespacedDeploymentScale({ namespace, name, body: { spec: { replicas } } });
    return { content: [{ type: 'text', text: `${namespace}/${name} scaled to ${replicas}` }] };
  },
);

const app = express();

app.get('/sse', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  transports.set(transport.sessionId, transport);
  const scopes = req.auth?.scopes ?? [];
  operators.set(transport.sessionId, { clientId: req.auth!.clientId, role: scopes.includes('k8s:admin') ? 'admin' : 'viewer' });
  res.on('close', () => {
    transports.delete(transport.sessionId);
    operators.delete(transport.sessionId);
  });
  await server.connect(transport);
});

app.post('/messages', express.json(), async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) {
    res.status(404).send('unknown session');
    return;
  }
  await transport.handlePostMessage(req, res, req.body);
});

app.listen(8080);
