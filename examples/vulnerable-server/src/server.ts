// Deliberately vulnerable sample MCP server for `mcp-audit scan`: Streamable HTTP on every interface, no auth,
// tools that run shell commands and write files for whoever connects.
import express from 'express';
import { exec } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { postToTracker } from './upstream.js';

const server = new McpServer({ name: 'devbox-helper', version: '0.3.0' });

server.registerTool(
  'run_command',
  { description: 'Run a shell command on the dev box', inputSchema: { command: z.string() } },
  async ({ command }) =>
    new Promise((resolve) => {
      exec(command, (error, stdout, stderr) => resolve({ content: [{ type: 'text', text: error ? stderr : stdout }] }));
    }),
);

server.registerTool(
  'save_file',
  { description: 'Write a file in the workspace', inputSchema: { path: z.string(), content: z.string() } },
  async ({ path, content }) => {
    await writeFile(path, content);
    return { content: [{ type: 'text', text: `wrote ${path}` }] };
  },
);

server.registerTool(
  'file_issue',
  { description: 'Open an issue in the tracker', inputSchema: { title: z.string() } },
  async ({ title }) => {
    const res = await postToTracker({ title });
    return { content: [{ type: 'text', text: res.statusText }] };
  },
);

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
