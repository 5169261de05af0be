import { createHash } from 'node:crypto';
import { FastMCP } from 'fastmcp';
import { z } from 'zod';

const CRM = process.env.CRM_URL ?? 'https://crm.internal.example.com';
// One key per support agent, comma-separated; read when the process starts.
const API_KEYS = new Set((process.env.SUPPORT_MCP_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean));

const server = new FastMCP<{ keyId: string }>({
  name: 'support-desk',
  version: '2.0.0',
  authenticate: async (request) => {
    const key = request.headers['x-api-key'];
    if (typeof key !== 'string' || !API_KEYS.has(key)) {
      throw new Response(null, { status: 401, statusText: 'invalid API key' });
    }
    return { keyId: createHash('sha256').update(key).digest('hex').slice(0, 8) };
  },
});

server.addTool({
  name: 'get_case',
  description: 'Show a support case',
  parameters: z.object({ caseId: z.string() }),
  execute: async ({ caseId }) => {
    const res = await fetch(`${CRM}/cases/${encodeURIComponent(caseId)}`);
    return await res.text();
  },
});

server.addTool({
  name: 'add_note',
  description: 'Add an internal note to a case',
  parameters: z.object({ caseId: z.string(), note: z.string().max(2000) }),
  execute: async ({ caseId, note }, { session }) => {
    await fetch(`${CRM}/cases/${encodeURIComponent(caseId)}/notes`, { method: 'POST', body: JSON.stringify({ note, author: session?.keyId }) });
    console.info('add_note', { key: session?.keyId, caseId });
    return 'note added';
  },
});

server.addTool({
  name: 'close_case',
  description: 'Close a support case',
  parameters: z.object({ caseId: z.string(), resolution: z.string() }),
  execute: async ({ caseId, resolution }) => {
    await fetch(`${CRM}/cases/${encodeURIComponent(caseId)}/close`, { method: 'POST', body: JSON.stringify({ resolution }) });
    return 'closed';
  },
});

server.start({ transportType: 'httpStream', httpStream: { port: 8090 } });
