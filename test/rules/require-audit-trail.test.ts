import rule from '../../rules/require-audit-trail.js';
import { jsRuleTester } from '../rule-tester.js';

/** An OAuth-gated Streamable HTTP server; `tools` registers on `server`. The gate is on line 6, column 18. */
const server = (tools: string, head = '') => `import express from 'express';
import { rm } from 'node:fs/promises';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => { const t = new StreamableHTTPServerTransport({}); await build().connect(t); await t.handleRequest(req, res, req.body); });
${head}
function build() {
  const server = new McpServer({ name: 'files', version: '1.0.0' });
${tools}
  return server;
}`;

const remove = (body: string) => `  server.registerTool('delete_file', {}, async ({ path }, extra) => {
    ${body}
    await rm(path);
    return { content: [] };
  });`;

const at = { messageId: 'unaudited' as const, line: 6, column: 18 };

jsRuleTester().run('require-audit-trail', rule, {
  valid: [
    // a log with the verified caller in the tool's handler
    server(remove("logger.info({ caller: extra.authInfo?.clientId, tool: 'delete_file', path });")),
    // destructured caller, a template message
    server(remove('const { clientId } = extra.authInfo!; console.warn(`${clientId} deleted ${path}`);')),
    // the whole AuthInfo handed to a logger (no-secret-logging judges the token in it)
    server(remove("logger.info({ authInfo: extra.authInfo, path }, 'delete');")),
    // an audit helper given the request context
    server(remove("await audit(extra, 'delete_file', { path });")),
    // an event with the caller
    server(remove("analytics.track({ userId: extra.authInfo?.clientId, event: 'delete_file' });")),
    // a helper the handler calls, given the caller
    server(remove("record(extra.authInfo?.clientId, 'delete_file');"), "function record(who, what) { logger.info({ who, what }); }"),
    // one record before the tools/call dispatch covers every tool
    `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { rm } from 'node:fs/promises';
app.post('/mcp', requireBearerAuth({ verifier }), (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const { name } = request.params;
  auditLog.info({ caller: extra.authInfo?.clientId, tool: name });
  switch (name) {
    case 'delete_file': await rm(String(request.params.arguments?.path)); return { content: [] };
  }
});`,
    // a patched registerTool records every call
    server(remove(''), `const register = server.registerTool.bind(server);
server.registerTool = (name, config, cb) => register(name, config, (args, extra) => { logger.info({ caller: extra.authInfo?.clientId, tool: name }); return cb(args, extra); });`),
    // HTTP middleware recording tools/call with the caller
    server(remove(''), "app.use((req, res, next) => { if (req.body?.method === 'tools/call') logger.info({ caller: req.auth?.clientId, tool: req.body.params.name }); next(); });"),
    // read-only tools only
    server("  server.registerTool('list', {}, async () => ({ content: [] }));"),
    // stdio: no gate, no authenticated callers
    `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { rm } from 'node:fs/promises';
const server = new McpServer({ name: 'x', version: '1' });
server.registerTool('delete_file', {}, async ({ path }) => { await rm(path); return { content: [] }; });
await server.connect(new StdioServerTransport());`,
    // one shared token: there is no caller to record (no-shared-static-token reports the gate)
    `import express from 'express';
import { rm } from 'node:fs/promises';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
function requireToken(req, res, next) { if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return res.sendStatus(401); next(); }
app.post('/mcp', requireToken, (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
const server = new McpServer({ name: 'x', version: '1' });
server.registerTool('delete_file', {}, async ({ path }) => { await rm(path); return { content: [] }; });`,
  ],
  invalid: [
    // nothing recorded
    { code: server(remove('')), errors: [at] },
    // the caller only in the tool result
    { code: server(remove("const who = extra.authInfo?.clientId; void who;")), errors: [at] },
    // logs without the caller
    { code: server(remove("console.log('delete_file', path);")), errors: [at] },
    // the caller at debug level only: off in production
    { code: server(remove('logger.debug({ caller: extra.authInfo?.clientId, path });')), errors: [at] },
    { code: server(remove("log('delete %s by %s', path, extra.authInfo?.clientId);"), "const log = debug('files');"), errors: [at] },
    // the raw token is not a caller
    { code: server(remove('logger.info({ token: extra.authInfo?.token, path });')), errors: [at] },
    // an MCP log notification goes to the client, not to a record the operator keeps
    { code: server(remove("await server.server.sendLoggingMessage({ level: 'info', data: extra.authInfo?.clientId });")), errors: [at] },
    // a record before the dispatch that does not name the tool covers nothing
    {
      code: `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { rm } from 'node:fs/promises';
app.post('/mcp', requireBearerAuth({ verifier }), (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  logger.info({ caller: extra.authInfo?.clientId }, 'tool call');
  switch (request.params.name) {
    case 'delete_file': await rm(String(request.params.arguments?.path)); return { content: [] };
  }
});`,
      errors: [at],
    },
    // one finding per server, naming every unaudited tool
    {
      code: server(`${remove("logger.info({ caller: extra.authInfo?.clientId, path });")}
  server.registerTool('purge', {}, async () => { await rm('/data', { recursive: true }); return { content: [] }; });
  server.registerTool('wipe', {}, async () => { await rm('/tmp/x'); return { content: [] }; });`),
      errors: [{ ...at, data: { count: 2, tools: "'purge', 'wipe'" } }],
    },
  ],
});
