import { createMcpHandler, withMcpAuth } from 'mcp-handler';
import { z } from 'zod';
import { verifyToken } from '../../../lib/auth';
import { notesOf, putNotes } from '../../../lib/notes';

const handler = createMcpHandler(
  (server) => {
    server.registerTool('list_notes', { description: 'Your notes', inputSchema: {} }, async (extra) => {
      const userId = String(extra.authInfo?.extra?.userId);
      const notes = await notesOf(userId);
      return { content: [{ type: 'text', text: notes.map((n) => `${n.id}: ${n.title}`).join('\n') }] };
    });

    server.registerTool(
      'delete_note',
      { description: 'Delete one of your notes', inputSchema: { id: z.string() } },
      async ({ id }, extra) => {
        if (!extra.authInfo?.scopes.includes('notes:write')) {
          return { isError: true, content: [{ type: 'text', text: 'notes:write scope required' }] };
        }
        const userId = String(extra.authInfo.extra?.userId);
        const notes = await notesOf(userId);
        await putNotes(userId, notes.filter((n) => n.id !== id));
        return { content: [{ type: 'text', text: `deleted ${id}` }] };
      },
    );
  },
  { serverInfo: { name: 'notes', version: '1.0.0' } },
  { basePath: '/api', maxDuration: 60 },
);

const authHandler = withMcpAuth(handler, verifyToken, { required: true, requiredScopes: ['notes:read'], resourceMetadataPath: '/.well-known/oauth-protected-resource' });

export { authHandler as GET, authHandler as POST, authHandler as DELETE };
