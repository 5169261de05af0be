#!/usr/bin/env node
import { spawn } from 'node:child_process';
import Docker from 'dockerode';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const docker = new Docker();

function createServer(): McpServer {
  const server = new McpServer({ name: 'docker-ops', version: '0.8.2' });

  server.registerTool('list_containers', { description: 'Running containers', inputSchema: {} }, async () => {
    const list = await docker.listContainers();
    return { content: [{ type: 'text', text: list.map((c) => `${c.Id.slice(0, 12)} ${c.Image} ${c.State}`).join('\n') }] };
  });

  server.registerTool(
    'compose_up',
    { description: 'docker compose up -d in a project folder', inputSchema: { dir: z.string() } },
    async ({ dir }) => {
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn('docker', ['compose', 'up', '-d'], { cwd: dir });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
      });
      return { content: [{ type: 'text', text: output }] };
    },
  );
  return server;
}

if (process.argv.includes('--http')) {
  const app = express();
  app.use(express.json());
  app.post('/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await createServer().connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const port = Number(process.env.PORT ?? 8811);
  app.listen(port, '0.0.0.0', () => console.error(`docker-ops MCP on :${port}`));
} else {
  await createServer().connect(new StdioServerTransport());
}
