import rule from '../../rules/no-unauthenticated-public-bind.js';
import { jsRuleTester } from '../rule-tester.js';

const HTTP = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.post('/mcp', async (req, res) => { const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); await t.handleRequest(req, res, req.body); });
`;

jsRuleTester().run('no-unauthenticated-public-bind', rule, {
  valid: [
    `${HTTP}app.listen(3000, '127.0.0.1');`,
    `${HTTP}app.listen({ port: 3000, host: 'localhost' });`,
    // host from configuration: not statically known
    `${HTTP}app.listen(3000, process.env.HOST);`,
    // port 0: an OS-picked port for one test run (free-port probe)
    `${HTTP}const probe = app.listen(0, () => probe.close());`,
    // SDK v2 client subscriptions: `listen({ toolsListChanged })` opens no socket
    `${HTTP}const subscription = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['config://app'] });`,
    // bearer auth on the MCP route
    `${HTTP}import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '0.0.0.0');`,
    // createMcpExpressApp() admits only localhost Host headers
    `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = createMcpExpressApp();
app.post('/mcp', (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res));
app.listen(3000);`,
    // not an MCP server
    `import express from 'express'; const app = express(); app.listen(3000);`,
    // fastmcp defaults to localhost
    `import { FastMCP } from 'fastmcp'; const s = new FastMCP({ name: 'x', version: '1.0.0' }); s.start({ transportType: 'httpStream', httpStream: { port: 8080 } });`,
    // stdio only
    `import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'; await server.connect(new StdioServerTransport()); http.createServer(h).listen(9090);`,
  ],
  invalid: [
    { code: `${HTTP}app.listen(3000);`, errors: [{ messageId: 'publicBind', line: 5, column: 1 }] },
    { code: `${HTTP}app.listen(3000, '0.0.0.0', () => console.log('up'));`, errors: [{ messageId: 'publicBind', line: 5, column: 1 }] },
    { code: `${HTTP}const HOST = '::';\napp.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? HOST);`, errors: [{ messageId: 'publicBind', line: 6, column: 1 }] },
    {
      code: `import { FastMCP } from 'fastmcp';
const s = new FastMCP({ name: 'x', version: '1.0.0' });
s.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });`,
      errors: [{ messageId: 'publicBind', line: 3, column: 1 }],
    },
    {
      // withMcpAuth without required: true is not a gate
      code: `${HTTP}import { withMcpAuth } from 'mcp-handler';
const h = withMcpAuth(handler, verify);
app.listen(8080);`,
      errors: [{ messageId: 'publicBind', line: 7, column: 1 }],
    },
  ],
});
