import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/types';
import { moduleCtx } from '../../src/mcp-model/resolve.js';
import { serverModel } from '../../src/mcp-model/server.js';
import { withSourceCode } from './source.js';

const model = (text: string) =>
  withSourceCode(text, (sc, file) => {
    const m = serverModel(moduleCtx(sc.ast as unknown as TSESTree.Program, file), sc.text);
    return {
      transports: m.transports.map((t) => t.kind),
      listens: m.listens.map((l) => [l.host, l.hostUnknown, l.port]),
      auth: m.auth.map((a) => [a.kind, a.enforced, a.scopes]),
      hostValidation: m.hostValidation.length,
      localOnly: m.localOnly.length,
      cors: m.cors.map((c) => [c.origin, c.credentials]),
    };
  });

describe('serverModel', () => {
  it('Express + Streamable HTTP + bearer with scopes; listen defaults to every interface', () => {
    expect(
      model(`import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['mcp:tools'] }), handler);
const t = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
app.listen(3000);
server.listen({ port: 4000, host: process.env.HOST ?? '127.0.0.1' });
other.listen(5000, process.env.BIND);`),
    ).toMatchObject({
      transports: ['streamable-http'],
      listens: [[null, false, '3000'], ['127.0.0.1', false, '4000'], [null, true, '5000']],
      auth: [['bearer', true, ['mcp:tools']]],
    });
  });

  it('withMcpAuth gates only with required: true', () => {
    expect(model(`const a = withMcpAuth(handler, verify); const b = withMcpAuth(handler, verify, { required: true });`).auth).toEqual([
      ['mcp-handler', false, []],
      ['mcp-handler', true, []],
    ]);
  });

  it('fastmcp: authenticate, httpStream host default localhost, cors: true', () => {
    expect(
      model(`import { FastMCP } from 'fastmcp';
const s = new FastMCP({ name: 'x', version: '1.0.0', authenticate: async (req) => check(req) });
s.start({ transportType: 'httpStream', httpStream: { port: 8080, cors: true } });`),
    ).toMatchObject({ transports: ['streamable-http'], listens: [['localhost', false, '8080']], auth: [['fastmcp', true, []]], cors: [['any', false]] });
  });

  it('mcp-framework: stdio by default, HTTP with an auth provider', () => {
    expect(model(`import { MCPServer } from 'mcp-framework'; const s = new MCPServer();`).transports).toEqual(['stdio']);
    expect(
      model(`import { MCPServer, APIKeyAuthProvider } from 'mcp-framework';
const s = new MCPServer({ transport: { type: 'sse', options: { port: 8080, host: '0.0.0.0', auth: { provider: new APIKeyAuthProvider({ keys: [process.env.API_KEY] }) } } } });`),
    ).toMatchObject({ transports: ['sse'], listens: [['0.0.0.0', false, '8080']], auth: [['mcp-framework', true, []]] });
  });

  it('Cloudflare OAuthProvider + McpAgent.serve; Hono serve; custom auth and Host middleware', () => {
    expect(
      model(`export default new OAuthProvider({ apiHandlers: { '/mcp': MyMcp.serve('/mcp'), '/sse': MyMcp.serveSSE('/sse') }, defaultHandler });`),
    ).toMatchObject({ transports: ['http-handler', 'sse'], auth: [['oauth-provider', true, []]] });
    expect(model(`serve({ fetch: app.fetch, port: 8787 });`).listens).toEqual([[null, false, '8787']]);
    expect(
      model(`app.use(verifyApiKey);
app.use((req, res, next) => (allowed.has(req.headers.host) ? next() : res.sendStatus(403)));
app.use(express.json());
app.listen(3000, '127.0.0.1');`),
    ).toMatchObject({ auth: [['middleware', true, []]], hostValidation: 1 });
  });

  it('createMcpExpressApp: localhost by default (validated, local only); 0.0.0.0 without allowedHosts is neither', () => {
    expect(model(`const app = createMcpExpressApp();`)).toMatchObject({ hostValidation: 1, localOnly: 1 });
    expect(model(`const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['mcp.example.com'] });`)).toMatchObject({ hostValidation: 1, localOnly: 0 });
    expect(model(`const app = createMcpExpressApp({ host: '0.0.0.0' });`)).toMatchObject({ hostValidation: 0, localOnly: 0 });
  });

  it('a framework connector handed a server instance serves it over HTTP; a connector handed anything else is not one', () => {
    expect(
      model(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
export async function createHttpServer(config) {
  const mcpServer = new McpServer({ name: config.name, version: config.version });
  const { close } = await connectHttp(mcpServer, { app, port: config.port });
  await startSse(options);
  return close;
}`),
    ).toMatchObject({ transports: ['streamable-http'] });
  });

  it('a transport class named after the SDK\'s (a subclass) is that kind of transport', () => {
    expect(model(`const t = new FilteredStdioServerTransport();\nconst s = new MySSEServerTransport('/messages', res);\nconst x = new ServerTransportLogger();`)).toMatchObject({
      transports: ['stdio', 'sse'],
    });
  });

  it('costs nothing for a module without serving code', () => {
    expect(model(`export const add = (a: number, b: number) => a + b;`)).toEqual({ transports: [], listens: [], auth: [], hostValidation: 0, localOnly: 0, cors: [] });
  });
});
