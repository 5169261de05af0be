#!/usr/bin/env node
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { writeFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { listNotes, readNote, NOTES_DIR } from './store.js';
import { join } from 'node:path';

const server = new McpServer({ name: 'notes', version: '0.3.1' });

server.registerTool(
  'list_notes',
  { description: 'List the titles of all notes', inputSchema: {} },
  async () => ({ content: [{ type: 'text', text: (await listNotes()).join('\n') || '(no notes)' }] }),
);

server.registerTool(
  'read_note',
  { description: 'Read one note', inputSchema: { title: z.string() } },
  async ({ title }) => ({ content: [{ type: 'text', text: await readNote(title) }] }),
);

server.registerTool(
  'save_note',
  { description: 'Create or overwrite a note', inputSchema: { title: z.string(), body: z.string() } },
  async ({ title, body }) => {
    await writeFile(join(NOTES_DIR, `${title.replace(/[^\w .-]/g, '_')}.md`), body, 'utf8');
    return { content: [{ type: 'text', text: `saved ${title}` }] };
  },
);

server.registerTool(
  'delete_note',
  { description: 'Delete a note', inputSchema: { title: z.string() } },
  async ({ title }) => {
    await unlink(join(NOTES_DIR, `${title.replace(/[^\w .-]/g, '_')}.md`));
    return { content: [{ type: 'text', text: `deleted ${title}` }] };
  },
);

const transport = new StdioServerTransport();
await server.connect(transport);
console.error(`notes MCP server on stdio, folder ${NOTES_DIR}`);
