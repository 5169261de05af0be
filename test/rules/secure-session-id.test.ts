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
  ],
});
