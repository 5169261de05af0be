import rule from '../../rules/no-shared-static-token.js';
import { jsRuleTester } from '../rule-tester.js';

/** An Express MCP endpoint behind `gate` (defined in `head`), listening on `host`. */
const http = (head: string, host = "'0.0.0.0'") => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
${head}
app.post('/mcp', gate, (req, res) => new StreamableHTTPServerTransport({}).handleRequest(req, res, req.body));
app.listen(8080, ${host});`;

jsRuleTester().run('no-shared-static-token', rule, {
  valid: [
    // one token on a loopback-only server: one user's desktop helper
    http("function gate(req, res, next) { if (req.headers['x-helper-token'] !== process.env.HELPER_TOKEN) return res.sendStatus(401); next(); }", "'127.0.0.1'"),
    // a literal key is no-hardcoded-secrets' finding
    http("function gate(req, res, next) { if (req.get('x-api-key') !== 'rK8fQ2xLm7vT4pZ9wB3n') return res.sendStatus(401); next(); }"),
    // per-user keys looked up in a store
    http("async function gate(req, res, next) { const owner = await db.apiKeys.findOne({ hash: sha256(req.get('x-api-key') ?? '') }); if (!owner) return res.sendStatus(401); next(); }"),
    // OAuth access tokens
    http("const gate = requireBearerAuth({ verifier: { async verifyAccessToken(token) { const { payload } = await jwtVerify(token, JWKS); return { token, clientId: payload.sub, scopes: [] }; } } });"),
    // a webhook's token: one sending service by design
    http("function gate(req, res, next) { if (req.header('x-gitlab-token') !== process.env.GITLAB_WEBHOOK_TOKEN) return res.sendStatus(401); next(); }"),
    // a signature header, and a length check
    http("function gate(req, res, next) { const sig = req.get('x-hub-signature-256'); if (sig !== expected(req.body)) return res.sendStatus(401); if (req.headers.authorization.length !== process.env.MCP_TOKEN.length) return res.sendStatus(401); next(); }"),
    // a stdio server comparing a local value
    `import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
await server.connect(new StdioServerTransport());
if (process.argv[2] === process.env.PROFILE_TOKEN) console.log('profile');`,
    // an outbound client header, not a check of callers
    http("const gate = (req, res, next) => next(); const upstream = { headers: { authorization: `Bearer ${process.env.UPSTREAM_TOKEN}` } };"),
  ],
  invalid: [
    {
      code: http('function gate(req, res, next) { if (req.headers.authorization !== `Bearer ${process.env.MCP_TOKEN}`) return res.sendStatus(401); next(); }'),
      errors: [{ messageId: 'shared', line: 4, column: 37 }],
    },
    {
      // timing-safe, through a helper and module constants: still one token
      code: http(`const EXPECTED = Buffer.from(process.env.MCP_TOKEN ?? '');
const same = (a, b) => a.length === b.length && timingSafeEqual(a, b);
function gate(req, res, next) { const presented = Buffer.from(req.get('x-mcp-auth') ?? ''); if (!same(presented, EXPECTED)) return res.sendStatus(401); next(); }`),
      errors: [{ messageId: 'shared', line: 6, column: 98 }],
    },
    {
      // a token from a config object read at start-up
      code: http(`const config = { port: Number(process.env.PORT ?? 8080), token: process.env.MCP_SHARED_SECRET };
function gate(req, res, next) { if (req.query.token !== config.token) return res.sendStatus(401); next(); }`),
      errors: [{ messageId: 'shared', line: 5, column: 37 }],
    },
    {
      // a key list: reported even on a loopback server (several holders by construction)
      code: http("const KEYS = new Set((process.env.MCP_API_KEYS ?? '').split(','));\nfunction gate(req, res, next) { if (!KEYS.has(req.get('x-api-key'))) return res.sendStatus(401); next(); }", "'127.0.0.1'"),
      errors: [{ messageId: 'keyList', line: 5, column: 38 }],
    },
    {
      // each element of a key list compared in turn
      code: http("const KEYS = process.env.MCP_API_KEYS.split(',');\nfunction gate(req, res, next) { const key = req.get('x-api-key'); if (!KEYS.some((k) => safeCompare(k, key))) return res.sendStatus(401); next(); }"),
      errors: [{ messageId: 'keyList', line: 5, column: 89 }],
    },
    {
      // fastmcp authenticate on a server that listens on every interface
      code: `import { FastMCP } from 'fastmcp';
const server = new FastMCP({ name: 'x', version: '1.0.0', authenticate: async (request) => {
  if (request.headers['x-api-key'] !== process.env.OPS_API_KEY) throw new Response(null, { status: 401 });
  return {};
} });
server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });`,
      errors: [{ messageId: 'shared', line: 3, column: 7 }],
    },
    {
      // Workers: the secret binding in env, a serverless handler (no listen)
      code: `import { createMcpHandler } from 'mcp-handler';
const handler = createMcpHandler((server) => {});
export default { fetch(request, env) { if (request.headers.get('authorization') !== \`Bearer \${env.MCP_TOKEN}\`) return new Response(null, { status: 401 }); return handler(request); } };`,
      errors: [{ messageId: 'shared', line: 3, column: 44 }],
    },
  ],
});
