import rule from '../../rules/no-permissive-cors.js';
import { jsRuleTester } from '../rule-tester.js';

const HTTP = `import express from 'express';
import cors from 'cors';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
const t = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
`;

jsRuleTester().run('no-permissive-cors', rule, {
  valid: [
    `${HTTP}app.use(cors({ origin: ['https://app.example.com'], credentials: true }));`,
    `${HTTP}app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED.includes(origin)), credentials: true }));`,
    // wildcard without credentials on an authenticated server
    `${HTTP}import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'] }));
app.use('/mcp', requireBearerAuth({ verifier }));`,
    // not an MCP server
    `import cors from 'cors'; app.use(cors({ origin: true, credentials: true }));`,
  ],
  invalid: [
    { code: `${HTTP}app.use(cors({ origin: true, credentials: true }));`, errors: [{ messageId: 'credentialed', line: 6, column: 9 }] },
    { code: `${HTTP}app.use(cors({ origin: '*', credentials: true }));`, errors: [{ messageId: 'credentialed', line: 6, column: 9 }] },
    { code: `${HTTP}app.use(cors({ origin: (o, cb) => cb(null, true), credentials: true }));`, errors: [{ messageId: 'credentialed', line: 6, column: 9 }] },
    {
      code: `${HTTP}app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      errors: [{ messageId: 'credentialed', line: 7, column: 3 }],
    },
    // wildcard without credentials on an unauthenticated local server: lower severity
    { code: `${HTTP}app.use(cors({ origin: '*', exposedHeaders: ['Mcp-Session-Id'] }));`, errors: [{ messageId: 'wildcard', line: 6, column: 9 }] },
    { code: `${HTTP}app.use(cors());`, errors: [{ messageId: 'wildcard', line: 6, column: 9 }] },
  ],
});
