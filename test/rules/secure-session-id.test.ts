import rule from '../../rules/secure-session-id.js';
import { jsRuleTester } from '../rule-tester.js';

const T = `import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';\n`;

jsRuleTester().run('secure-session-id', rule, {
  valid: [
    `${T}import { randomUUID } from 'node:crypto'; new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });`,
    `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });`,
    `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomBytes(32).toString('hex') });`,
    `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });`,
    // CSPRNG plus a timestamp prefix is fine
    `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => \`\${Date.now()}-\${randomUUID()}\` });`,
    `${T}function newId() { return nanoid(32); }
new StreamableHTTPServerTransport({ sessionIdGenerator: newId });`,
    // session id used for bookkeeping, not identity
    `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
server.registerTool('ping', {}, async (extra) => { log.info('ping', { session: extra.sessionId }); return { content: [] }; });`,
    // state kept per session is what a session id is for (fastmcp's counter example shape)
    `import { FastMCP } from 'fastmcp';
const counters = new Map(); const sessionData = new Map();
server.addTool({ name: 'increment', execute: async (_args, context) => {
  if (!context.sessionId) return 'no session';
  const current = counters.get(context.sessionId) || 0;
  counters.set(context.sessionId, current + 1);
  const metadata = sessionData.get(context.sessionId);
  return String(current + 1);
} });`,
    `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
server.registerTool('resume', {}, async (extra) => { const stream = transports.get(extra.sessionId); return { content: [] }; });`,
  ],
  invalid: [
    { code: `${T}let n = 0;\nnew StreamableHTTPServerTransport({ sessionIdGenerator: () => String(++n) });`, errors: [{ messageId: 'weakGenerator', line: 3, column: 57 }] },
    { code: `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => Date.now().toString() });`, errors: [{ messageId: 'weakGenerator', line: 2, column: 57 }] },
    { code: `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => Math.random().toString(36).slice(2) });`, errors: [{ messageId: 'weakGenerator', line: 2, column: 57 }] },
    { code: `${T}new StreamableHTTPServerTransport({ sessionIdGenerator: () => 'static-session' });`, errors: [{ messageId: 'weakGenerator', line: 2, column: 57 }] },
    { code: `${T}import { v1 as uuidv1 } from 'uuid';\nnew StreamableHTTPServerTransport({ sessionIdGenerator: () => uuidv1() });`, errors: [{ messageId: 'weakGenerator', line: 3, column: 57 }] },
    {
      code: `${T}function sessionId() { return String(Date.now()); }\nnew StreamableHTTPServerTransport({ sessionIdGenerator: sessionId });`,
      errors: [{ messageId: 'weakGenerator', line: 3, column: 57 }],
    },
    {
      code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
server.registerTool('my_orders', {}, async (extra) => {
  const user = sessions.get(extra.sessionId!);
  return { content: [{ type: 'text', text: user.orders }] };
});`,
      errors: [{ messageId: 'sessionAsIdentity', line: 3, column: 29 }],
    },
    {
      code: `import { McpServer } from '@modelcontextprotocol/server';
server.registerTool('admin_reset', {}, async (ctx) => { if (ctx.sessionId !== ADMIN_SESSION) throw new Error('no'); return { content: [] }; });`,
      errors: [{ messageId: 'sessionAsIdentity', line: 2, column: 61 }],
    },
    {
      // what the session maps to, or what is read from it, names who the caller is
      code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
server.registerTool('delete_doc', {}, async (args, extra) => {
  if (sessions.get(extra.sessionId).role !== 'admin') throw new Error('no');
  const owner = owners.get(extra.sessionId);
  return { content: [] };
});`,
      errors: [
        { messageId: 'sessionAsIdentity', line: 3, column: 20 },
        { messageId: 'sessionAsIdentity', line: 4, column: 28 },
      ],
    },
  ],
});
