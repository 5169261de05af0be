import rule from '../../rules/no-presence-only-auth.js';
import { describe, expect, it } from 'vitest';
import { jsRuleTester, reportedSeverities } from '../rule-tester.js';

jsRuleTester().run('no-presence-only-auth', rule, {
  valid: [
    // verifying middleware
    `app.use((req, res, next) => {
      const token = req.headers.authorization?.slice(7);
      if (!token) return res.status(401).end();
      req.auth = jwt.verify(token, KEY, { audience: AUD, issuer: ISS });
      next();
    });`,
    // API key compared in constant time (through a same-file helper)
    `function safeEqual(a, b) { return timingSafeEqual(digest(a), digest(b)); }
     function apiKeyAuth(req, res, next) {
       if (!safeEqual(req.get('x-api-key') ?? '', process.env.API_KEY)) return res.sendStatus(401);
       next();
     }`,
    // verifier that introspects
    `const verifier = { async verifyAccessToken(token) { const r = await fetch(INTROSPECT, { method: 'POST', body: token }); return toAuthInfo(await r.json()); } };`,
    // a store lookup
    `new FastMCP({ name: 'x', version: '1', authenticate: async (req) => { const s = await sessions.get(req.headers['x-api-key']); if (!s) throw new Response(null, { status: 401 }); return s; } });`,
    // fail closed when the key is missing
    `if (!process.env.MCP_API_KEY) { throw new Error('MCP_API_KEY is required'); }`,
    // a provider that delegates to the verifier it was constructed with
    `class UpstreamProvider {
      constructor(opts) { this._verifyAccessToken = opts.verifyAccessToken; }
      async verifyAccessToken(token) { return this._verifyAccessToken(token); }
    }`,
    // a verifier backed by the auth server's session store
    `const verifier = { async verifyAccessToken(token) {
      const session = await authApi.getOAuthSession({ headers: { authorization: \`Bearer \${token}\` } });
      if (!session) throw new Error('invalid');
      return { token, clientId: session.clientId, scopes: session.scopes, expiresAt: session.exp };
    } };`,
    // the token handed to a method this file cannot see: the verification is delegated there
    `class Provider {
      async authenticate(request) {
        const authHeader = request.headers?.authorization;
        if (!authHeader || !authHeader.startsWith('Bearer ')) return undefined;
        const token = authHeader.slice(7);
        const upstream = await this.proxy.loadUpstreamTokens(token);
        if (!upstream) return undefined;
        return this.createSession(upstream);
      }
    }`,
    // an OAuth device-flow client's authenticate() obtains a token for this process; it checks nobody's credential
    `class DeviceAuthenticator {
      async authenticate(deviceId) {
        const device = await this.requestDeviceCode(deviceId);
        return this.pollForAuthorization(device);
      }
    }`,
    // middleware that does not touch credentials
    `app.use((req, res, next) => { res.set('x-frame-options', 'deny'); next(); });`,
    // the header value, through a variable, handed to an imported lookup this file cannot see
    `import { staffForKey } from './keys.js';
    new FastMCP({ name: 'x', version: '1', authenticate: async (request) => {
      const key = request.headers['x-api-key'];
      const staff = typeof key === 'string' ? staffForKey(key) : undefined;
      if (!staff) throw new Response(null, { status: 401 });
      return staff;
    } });`,
  ],
  invalid: [
    {
      // near miss of the delegated lookup: the header value only handed to a conversion, then trusted
      code: `new FastMCP({ name: 'x', version: '1', authenticate: async (request) => {
  const key = request.headers['x-api-key'];
  const id = String(key);
  if (!id) throw new Response(null, { status: 401 });
  return { id };
} });`,
      errors: [{ messageId: 'acceptsAny', line: 1, column: 40, data: { what: 'authenticate' } }],
    },
    {
      code: `app.use((req, res, next) => {
  if (!req.headers.authorization) return res.status(401).end();
  next();
});`,
      errors: [{ messageId: 'presenceOnly', line: 2, column: 8, data: { header: 'authorization', line: 2 } }],
    },
    {
      code: `function bearer(req, res, next) {
  if (req.get('Authorization')?.startsWith('Bearer ')) return next();
  res.sendStatus(401);
}`,
      errors: [{ messageId: 'presenceOnly', line: 2, column: 7, data: { header: 'authorization', line: 2 } }],
    },
    {
      code: `const verifier = {
  verifyAccessToken: async (token) => ({ token, clientId: 'client', scopes: ['mcp'], expiresAt: Date.now() / 1000 + 3600 }),
};`,
      errors: [{ messageId: 'acceptsAny', line: 2, column: 3, data: { what: 'verifyAccessToken' } }],
    },
    {
      code: `export const POST = withMcpAuth(handler, async (_req, t) => (t ? { token: t, clientId: 'u', scopes: [] } : undefined));`,
      errors: [{ messageId: 'acceptsAny', line: 1, column: 42, data: { what: 'The withMcpAuth verifier' } }],
    },
    {
      code: `const API_KEY = process.env.API_KEY;
app.use((req, res, next) => {
  if (!API_KEY) return next();
  if (req.headers['x-api-key'] !== API_KEY) return res.sendStatus(401);
  next();
});`,
      errors: [{ messageId: 'failOpen', line: 3, column: 7, data: { secret: 'API_KEY' } }],
    },
    {
      code: `new FastMCP({ name: 'x', version: '1', authenticate: async (req) => {
  const key = req.headers['x-api-key'];
  if (!key) throw new Response(null, { status: 401 });
  return { id: 'user' };
} });`,
      errors: [{ messageId: 'acceptsAny', line: 1, column: 40, data: { what: 'authenticate' } }],
    },
    {
      // near misses of delegation: the token only logged or decoded, and an authenticate that takes nothing
      code: `class P {
  async authenticate(request) {
    const token = request.headers.authorization?.slice(7);
    logger.info('auth', token);
    const claims = decodeJwt(token);
    return { id: claims.sub };
  }
}
new FastMCP({ name: 'x', version: '1', authenticate: async () => ({ id: 'anonymous' }) });`,
      errors: [
        { messageId: 'acceptsAny', line: 2, column: 9, data: { what: 'authenticate' } },
        { messageId: 'acceptsAny', line: 9, column: 40, data: { what: 'authenticate' } },
      ],
    },
  ],
});

describe('finding severities (side channel)', () => {
  it('is info for a verifier its comment declares a stand-in for the real verification, critical otherwise', () => {
    const code = (comment: string) => `${comment}
const verifier = {
  async verifyAccessToken(token) {
    return { token, clientId: 'docs', scopes: ['mcp'] };
  },
};`;
    expect(reportedSeverities(rule, code("// `verifier` stands in for your deployment's token verification (JWT validation, introspection)."))).toEqual([['acceptsAny', 'info']]);
    expect(reportedSeverities(rule, code('// Verifies the access token.'))).toEqual([['acceptsAny', undefined]]);
  });
});
