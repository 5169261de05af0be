import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-dns-rebinding-protection.js';
import plugin from '../../src/plugin/index.js';
import { jsRuleTester } from '../rule-tester.js';

const IMPORTS = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
`;

jsRuleTester().run('require-dns-rebinding-protection', rule, {
  valid: [
    // createMcpExpressApp on localhost validates Host (the SDK's safe default)
    `${IMPORTS}import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
const app = createMcpExpressApp();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');`,
    // transport options with protection and allowlists
    `${IMPORTS}const t = new StreamableHTTPServerTransport({ enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000'], allowedOrigins: ['http://localhost:3000'] });
express().listen(3000, '127.0.0.1');`,
    // explicit middleware
    `${IMPORTS}import { localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
const app = express(); app.use(localhostHostValidation());
const t = new StreamableHTTPServerTransport({});
app.listen(3000, 'localhost');`,
    // custom Host check middleware
    `${IMPORTS}const app = express();
app.use((req, res, next) => (req.headers.host === 'localhost:3000' ? next() : res.status(403).end()));
const t = new StreamableHTTPServerTransport({});
app.listen(3000, 'localhost');`,
    // authenticated: a rebinding page has no token
    `${IMPORTS}import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
const app = express(); app.post('/mcp', requireBearerAuth({ verifier }), (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res));
app.listen(3000, '127.0.0.1');`,
    // no listen exposes the transport: library code forwarding its caller's options (the caller decides)
    `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
export class NodeTransport {
  constructor(options = {}) { this.inner = new WebStandardStreamableHTTPServerTransport(options); }
}`,
    // a test harness on an OS-picked loopback port
    `${IMPORTS}const app = express();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
const server = app.listen(0, '127.0.0.1');`,
    // an inline gate that turns away requests without the shared token (a rebinding page has none)
    `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
const app = new Hono();
app.use('/mcp', async (c, next) => { if (c.req.header('authorization') !== \`Bearer \${process.env.TOKEN}\`) return c.text('unauthorized', 401); await next(); });
app.all('/mcp', async (c) => new WebStandardStreamableHTTPServerTransport({}).handleRequest(c.req.raw));
serve({ fetch: app.fetch, port: 3000 });`,
    // a route that is not an MCP endpoint
    `import express from 'express';
const app = express();
app.post('/webhooks/github', (req, res) => res.end());
app.listen(3000, '127.0.0.1');`,
    // no listen: an in-process test drives the transport with synthetic requests
    `import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
const response = await transport.handleRequest(new Request('http://localhost/mcp', { method: 'POST', body }));`,
  ],
  invalid: [
    {
      code: `${IMPORTS}const app = express();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }).handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');`,
      errors: [{ messageId: 'noHostValidation', line: 4, column: 32 }],
    },
    {
      // enabled but with empty allowlists: the SDK skips the checks
      code: `${IMPORTS}const t = new StreamableHTTPServerTransport({ enableDnsRebindingProtection: true });
express().listen(3000, 'localhost');`,
      errors: [{ messageId: 'noHostValidation', line: 3, column: 11 }],
    },
    {
      code: `import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
app.get('/sse', (req, res) => { const t = new SSEServerTransport('/messages', res); });
app.listen(3000, 'localhost');`,
      errors: [{ messageId: 'noHostValidation', line: 2, column: 43 }],
    },
    {
      // the host comes from configuration: it may well be loopback
      code: `${IMPORTS}const app = express();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
app.listen(PORT, process.env.HOST);`,
      errors: [{ messageId: 'noHostValidation', line: 4, column: 32 }],
    },
    {
      // open on every interface: reachable from the user's browser too (binding 127.0.0.1 alone leaves this open)
      code: `${IMPORTS}const app = express();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
app.listen(3000);`,
      errors: [{ messageId: 'noHostValidation', line: 4, column: 32 }],
    },
    {
      // an MCP endpoint served by hand on a plain app, and @hono/mcp's transport
      code: `import express from 'express';
import { StreamableHTTPTransport } from '@hono/mcp';
const app = express();
app.post('/mcp', (req, res) => res.json(handleJsonRpc(req.body)));
app.listen(3000, '127.0.0.1');
const t = new StreamableHTTPTransport({ sessionIdGenerator: undefined });`,
      errors: [{ messageId: 'noHostValidation', line: 6, column: 11 }],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/mcp', (req, res) => res.json(handleJsonRpc(req.body)));
app.listen(3000, '127.0.0.1');`,
      errors: [{ messageId: 'noHostValidation', line: 3, column: 1, data: { transport: 'The MCP route' } }],
    },
  ],
});

describe('where a module without a listen of its own is served (fixtures/require-dns-rebinding-protection/split-wiring)', () => {
  const dir = resolve('fixtures/require-dns-rebinding-protection/split-wiring');
  const lint = (file: string) =>
    new Linter({ configType: 'flat', cwd: dir })
      .verify(readFileSync(join(dir, file), 'utf8'), plugin.configs.recommended, { filename: join(dir, file) })
      .filter((m) => m.ruleId === 'mcp-audit/require-dns-rebinding-protection')
      .map((m) => m.line);

  it('takes the listens of the modules that import it or that it imports, not of every module in the package', () => {
    expect(lint('src/routes.ts')).toEqual([6]);
    expect(lint('src/mcp-http-server.ts')).toEqual([7]);
    expect(lint('src/snippet.ts')).toEqual([]);
  });
});
