import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { driveClient } from './auth.js';

const drive = await driveClient();
const server = new McpServer({ name: 'gdrive', version: '0.8.0' });

server.registerTool(
  'search_files',
  { description: 'Search Drive by name or content', inputSchema: { query: z.string() } },
  async ({ query }) => {
    const res = await drive.files.list({ q: `fullText contains '${query.replace(/'/g, "\\'")}'`, pageSize: 20, fields: 'files(id, name, mimeType)' });
    return { content: [{ type: 'text', text: (res.data.files ?? []).map((f) => `${f.id} ${f.name} (${f.mimeType})`).join('\n') }] };
  },
);

server.registerTool(
  'read_file',
  { description: 'Export a Google Doc as text', inputSchema: { fileId: z.string() } },
  async ({ fileId }) => {
    const res = await drive.files.export({ fileId, mimeType: 'text/plain' });
    return { content: [{ type: 'text', text: String(res.data) }] };
  },
);

await server.connect(new StdioServerTransport());
