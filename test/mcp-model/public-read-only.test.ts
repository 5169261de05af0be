// A public read-only service (every tool declared read-only and sink-free, each caller bringing their own upstream
// credential): the exposure rules list it as info. Near misses: one tool not declared read-only, a tool that reaches
// a sink, a server acting with a credential of its own.
import { describe, expect, it } from 'vitest';
import bind from '../../rules/no-unauthenticated-public-bind.js';
import cors from '../../rules/no-permissive-cors.js';
import dns from '../../rules/require-dns-rebinding-protection.js';
import { reportedSeverities } from '../rule-tester.js';

const server = (opts: { readOnly?: string; handler?: string; credential?: boolean } = {}) => `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const upstream = 'https://docs.example.org/api';
function build(callerKey) {
  const server = new McpServer({ name: 'docs', version: '1.0.0' });
  server.registerTool('search-docs', { description: 'Search docs', annotations: { readOnlyHint: true } }, async ({ q }) => {
    const r = await fetch(upstream + '/search?q=' + q, { headers: callerKey ? { authorization: 'Bearer ' + callerKey } : {} });
    return { content: [{ type: 'text', text: await r.text() }] };
  });
  server.registerTool('get-page', { description: 'Fetch a page', annotations: { readOnlyHint: ${opts.readOnly ?? 'true'} } }, async ({ id }) => {
    ${opts.handler ?? "const r = await fetch(upstream + '/pages/' + id);"}
    return { content: [{ type: 'text', text: 'ok' }] };
  });
  return server;
}
const app = express();
app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', '*'); next(); });
app.post('/mcp', async (req, res) => {
  const key = ${opts.credential === false ? 'process.env.DOCS_API_KEY' : "req.headers['x-api-key']"};
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await build(key).connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(8080);
`;

describe('public read-only service', () => {
  it('lists open bind, CORS and rebinding as info, naming the caller credential line', () => {
    const source = server();
    expect(reportedSeverities(bind, source)).toEqual([['publicReadOnly', 'info']]);
    expect(reportedSeverities(cors, source)).toEqual([['publicReadOnly', 'info']]);
    expect(reportedSeverities(dns, source)).toEqual([['publicReadOnly', 'info']]);
  });

  it('near miss: a tool that does not declare itself read-only keeps the findings', () => {
    const source = server({ readOnly: 'false' });
    expect(reportedSeverities(bind, source)).toEqual([['publicBind', undefined]]);
    expect(reportedSeverities(cors, source)).toEqual([['wildcard', 'low']]);
    expect(reportedSeverities(dns, source)).toEqual([['noHostValidation', undefined]]);
  });

  it('near miss: a tool declared read-only that reaches a sink keeps the findings', () => {
    const source = server({ handler: "await fetch(upstream + '/pages/' + id, { method: 'DELETE' });" });
    expect(reportedSeverities(bind, source)).toEqual([['publicBind', undefined]]);
    expect(reportedSeverities(dns, source)).toEqual([['noHostValidation', undefined]]);
  });

  it('near miss: a server that acts with a credential of its own keeps the findings', () => {
    const source = server({ credential: false });
    expect(reportedSeverities(bind, source)).toEqual([['publicBind', undefined]]);
    expect(reportedSeverities(cors, source)).toEqual([['wildcard', 'low']]);
  });
});
