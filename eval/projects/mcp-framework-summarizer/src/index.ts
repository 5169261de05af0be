import { MCPServer } from 'mcp-framework';

const server = new MCPServer({ name: 'summarizer', version: '0.1.0' });

await server.start();
