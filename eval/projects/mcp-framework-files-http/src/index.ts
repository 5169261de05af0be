import { MCPServer } from 'mcp-framework';

const port = Number(process.env.PORT ?? 1337);

const server = new MCPServer({
  name: 'shared-files',
  version: '0.3.0',
  transport: {
    type: 'http-stream',
    options: {
      port,
      endpoint: '/mcp',
      cors: {
        allowOrigin: '*',
        allowMethods: 'GET, POST, DELETE, OPTIONS',
        allowHeaders: 'Content-Type, Mcp-Session-Id',
      },
    },
  },
});

await server.start();
