import rule from '../../rules/no-shared-server-instance.js';
import { jsRuleTester } from '../rule-tester.js';

const I = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
`;

jsRuleTester().run('no-shared-server-instance', rule, {
  valid: [
    // a server per request
    `${I}app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'x', version: '1' });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
});`,
    // a factory handed to createMcpHandler
    `import { createMcpHandler } from 'agents/mcp/server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const createServer = () => new McpServer({ name: 'x', version: '1' });
export default { fetch: (req, env, ctx) => createMcpHandler(createServer)(req, env, ctx) };`,
    // one server, one long-lived transport (stdio or a single stateful transport)
    `${I}const server = new McpServer({ name: 'x', version: '1' });
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
await server.connect(transport);`,
  ],
  invalid: [
    {
      code: `${I}const server = new McpServer({ name: 'x', version: '1' });
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [{ messageId: 'sharedInstance', line: 3, column: 16 }],
    },
    {
      code: `import { createMcpHandler } from 'agents/mcp/server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 'x', version: '1' });
export default { fetch: (req, env, ctx) => createMcpHandler(server)(req, env, ctx) };`,
      errors: [{ messageId: 'sharedInstance', line: 3, column: 16 }],
    },
  ],
});
