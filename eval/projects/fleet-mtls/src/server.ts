import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { promisify } from 'node:util';
import express from 'express';
import pino from 'pino';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { certAuth } from './cert-auth.js';

const run = promisify(execFile);
const log = pino({ name: 'fleet-ops' });

function fleet(): McpServer {
  const server = new McpServer({ name: 'fleet-ops', version: '2.1.0' });
  server.registerTool(
    'drain_node',
    { description: 'Drain a node before maintenance', inputSchema: { node: z.string().regex(/^[a-z0-9-]+$/) } },
    async ({ node }, extra) => {
      if (!extra.authInfo?.scopes.includes('fleet-ops')) return { isError: true, content: [{ type: 'text', text: 'fleet-ops only' }] };
      log.info({ by: extra.authInfo.clientId, tool: 'drain_node', node }, 'draining');
      const { stdout } = await run('kubectl', ['drain', node, '--ignore-daemonsets']);
      return { content: [{ type: 'text', text: stdout }] };
    },
  );
  server.registerTool(
    'cordon_node',
    { description: 'Stop scheduling pods on a node', inputSchema: { node: z.string().regex(/^[a-z0-9-]+$/) } },
    async ({ node }, extra) => {
      if (!extra.authInfo?.scopes.includes('fleet-ops')) return { isError: true, content: [{ type: 'text', text: 'fleet-ops only' }] };
      const { stdout } = await run('kubectl', ['cordon', node]);
      return { content: [{ type: 'text', text: stdout }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', certAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await fleet().connect(transport);
  await transport.handleRequest(req, res, req.body);
});

https
  .createServer(
    {
      key: readFileSync('/etc/fleet-ops/tls/server.key'),
      cert: readFileSync('/etc/fleet-ops/tls/server.crt'),
      ca: readFileSync('/etc/fleet-ops/tls/operators-ca.crt'),
      requestCert: true,
      rejectUnauthorized: true,
    },
    app,
  )
  .listen(8443);
