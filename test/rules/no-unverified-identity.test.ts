import rule from '../../rules/no-unverified-identity.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-unverified-identity', rule, {
  valid: [
    // identity from the verified token the SDK put in extra.authInfo
    `server.registerTool('delete_user', { inputSchema: {} }, async ({ id }, extra) => {
      const caller = extra.authInfo?.extra?.sub;
      if (caller !== 'admin') throw new Error('denied');
    });`,
    // correlation headers are not identity
    `app.use((req, res, next) => { const rid = req.headers['x-request-id']; if (rid === lastId) res.status(409); next(); });`,
    // presence test only
    `function f(req) { const u = req.get('x-user-id'); if (u === undefined) return; log(u); }`,
    // the same header name on the *response*
    `function f(res) { if (res.headers['x-user-id'] === 'a') ok(); }`,
    // a tool argument compared with the verified caller is the correct ownership check
    `server.registerTool('get_profile', { inputSchema: { userId: z.string() } }, async ({ userId }, extra) => {
      if (userId !== extra.authInfo?.extra?.sub) throw new Error('forbidden');
      return { content: [{ type: 'text', text: await load(userId) }] };
    });`,
    // a tool argument used only as data (which record to read), not to decide access
    `server.registerTool('lookup', { inputSchema: { userId: z.string() } }, async ({ userId }) => ({ content: [{ type: 'text', text: await db.users.findOne({ id: userId }) }] }));`,
    // a header name that is only logged
    `function f(req) { console.log(req.headers['x-forwarded-user']); }`,
    // a required-argument check on a claiming name validates input; it decides nothing about the caller
    `server.registerTool('reassign', { inputSchema: { actingAgent: z.string() } }, async ({ actingAgent }) => {
      if (!actingAgent) return { isError: true, content: [{ type: 'text', text: 'actingAgent is required' }] };
      return { content: [{ type: 'text', text: actingAgent }] };
    });`,
    // targetUserId names whom the tool reads about, not who is calling; "not found" and "inactive" are answers
    `server.registerTool('profile', { inputSchema: { targetUserId: z.string() } }, async ({ targetUserId }) => {
      const u = await users.findOne({ id: targetUserId });
      if (!u?.isAdmin) return { content: [{ type: 'text', text: 'not an admin' }] };
      return { content: [{ type: 'text', text: u.name }] };
    });`,
    // a record looked up by a claimed id, read at a field that grants nothing (or only checked for presence)
    `server.registerTool('mail', { inputSchema: { userId: z.string() } }, async ({ userId }) => {
      const u = await users.findOne({ id: userId });
      if (!u) throw new Error('no such user');
      if (!u.email) return { isError: true, content: [{ type: 'text', text: 'no email on file' }] };
      return { content: [{ type: 'text', text: u.email }] };
    });`,
    // names that look alike but claim nothing
    `server.registerTool('page', { inputSchema: { currentPage: z.number(), requestId: z.string() } }, async ({ currentPage, requestId }) => {
      if (currentPage === 1 && requestId !== last) return { content: [] };
      return { content: [] };
    });`,
  ],
  invalid: [
    {
      // SDK v1 tool trusts header identity (the reference's canonical case)
      code: `server.registerTool('delete_user', { inputSchema: { id: z.string() } }, async ({ id }, extra) => {
  const caller = extra.requestInfo?.headers['x-user-id'];
  if (caller !== 'admin') return { content: [{ type: 'text', text: 'denied' }], isError: true };
  await db.users.delete(id);
});`,
      errors: [{ messageId: 'unverified', line: 3, column: 7, data: { sourceLine: 2, header: 'x-user-id', use: 'an access decision', sinkLine: 3 } }],
    },
    {
      // Express middleware forges the SDK's req.auth
      code: `app.use((req, _res, next) => {
  req.auth = { token: '', clientId: req.headers['x-forwarded-user'], scopes: ['admin'] };
  next();
});`,
      errors: [{ messageId: 'unverified', line: 2, column: 14, data: { sourceLine: 2, header: 'x-forwarded-user', use: 'the request identity', sinkLine: 2 } }],
    },
    {
      // fastmcp authenticate returns header identity
      code: `new FastMCP({ name: 'x', version: '1', authenticate: async (req) => ({ userId: req.headers['x-remote-user'] }) });`,
      errors: [{ messageId: 'unverified', line: 1, column: 70, data: { sourceLine: 1, header: 'x-remote-user', use: 'an identity callback result', sinkLine: 1 } }],
    },
    {
      // v2 handler: header via ctx.http.req, through destructuring and a helper in the same file
      code: `function emailOf(ctx) {
  return ctx.http?.req?.headers.get('X-Auth-Request-Email');
}
async function handler(args, ctx) {
  const email = emailOf(ctx).toLowerCase();
  const { rows } = await pool.query('select * from notes where owner = $1', [email]);
  return rows;
}`,
      errors: [{ messageId: 'unverified', line: 6, column: 77, data: { sourceLine: 2, header: 'x-auth-request-email', use: 'a query filter', sinkLine: 6 } }],
    },
    {
      // destructured header bag, then a membership test
      code: `function guard(req) {
  const { 'x-roles': roles } = req.headers;
  const list = String(roles).split(',');
  return list.includes('admin');
}`,
      errors: [{ messageId: 'unverified', line: 4, column: 10, data: { sourceLine: 2, header: 'x-roles', use: 'an access decision', sinkLine: 4 } }],
    },
    {
      // Hono: c.req.header(name), reassigned let, switch on tenant
      code: `app.get('/mcp', (c) => {
  let tenant = 'public';
  tenant = c.req.header('x-tenant-id') ?? tenant;
  switch (tenant) { case 'acme': return c.text('acme'); default: return c.text('none'); }
});`,
      errors: [{ messageId: 'unverified', line: 4, column: 11, data: { sourceLine: 3, header: 'x-tenant-id', use: 'an access decision', sinkLine: 4 } }],
    },
    {
      // a verifier that returns an AuthInfo built from a header
      code: `const verifier = {
  async verifyAccessToken(token) {
    const principal = this.req.headers['x-ms-client-principal-name'];
    return { token, clientId: principal, scopes: ['mcp'] };
  },
};`,
      errors: [{ messageId: 'unverified', line: 4, column: 12, data: { sourceLine: 3, header: 'x-ms-client-principal-name', use: 'an identity callback result', sinkLine: 4 } }],
    },
    {
      // header passed into a same-file helper that decides
      code: `function requireAdmin(user) { if (user !== 'root') throw new Error('forbidden'); }
app.use((req, res, next) => { requireAdmin(req.get('X-Remote-User')); next(); });`,
      errors: [{ messageId: 'unverified', line: 1, column: 35, data: { sourceLine: 2, header: 'x-remote-user', use: 'an access decision', sinkLine: 1 } }],
    },
    {
      // the model claims to be an admin
      code: `server.registerTool('drop_table', { inputSchema: { table: z.string(), role: z.string() } }, async ({ table, role }) => {
  if (role !== 'admin') return { content: [{ type: 'text', text: 'denied' }], isError: true };
  await db.raw('drop table ' + table);
});`,
      errors: [{ messageId: 'modelSupplied', line: 2, column: 7, data: { argument: 'role', sourceLine: 1, sinkLine: 2 } }],
    },
    {
      // fastmcp execute, args object; low-level handler reads request.params.arguments
      code: `server.addTool({ name: 'purge', parameters: z.object({ userId: z.string() }), execute: async (args) => {
  if (ADMINS.includes(args.userId)) await purgeAll();
  return 'ok';
} });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  if (request.params.arguments.isAdmin === true) return { content: [] };
  return { content: [] };
});`,
      errors: [
        { messageId: 'modelSupplied', line: 2, column: 23, data: { argument: 'userId', sourceLine: 1, sinkLine: 2 } },
        { messageId: 'modelSupplied', line: 6, column: 7, data: { argument: 'isAdmin', sourceLine: 5, sinkLine: 6 } },
      ],
    },
    {
      // "the gateway adds x-user-role": so can any client
      code: `server.registerTool('void_invoice', { inputSchema: { id: z.string() } }, async ({ id }, extra) => {
  const role = extra.requestInfo?.headers['x-user-role'];
  if (role !== 'finance-admin') return { isError: true, content: [] };
});`,
      errors: [{ messageId: 'unverified', line: 3, column: 7, data: { sourceLine: 2, header: 'x-user-role', use: 'an access decision', sinkLine: 3 } }],
    },
    {
      // identity names matched by their words: actingAgent looked up, the record's privilege gates; requestedBy listed
      code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
server.tool('reassign', 'Supervisors only', { to: z.string(), actingAgent: z.string() }, async ({ to, actingAgent }) => {
  const actor = await agents.findOne({ email: actingAgent });
  if (!actor?.isSupervisor) return { isError: true, content: [{ type: 'text', text: 'supervisors only' }] };
  return { content: [] };
});
server.registerTool('approve', { inputSchema: { requested_by: z.string() } }, async ({ requested_by }) => {
  if (!APPROVERS.includes(requested_by)) throw new Error('not an approver');
  return { content: [] };
});`,
      errors: [
        { messageId: 'modelSupplied', line: 4, column: 8, data: { argument: 'actingAgent', sourceLine: 2, sinkLine: 4 } },
        { messageId: 'modelSupplied', line: 8, column: 27, data: { argument: 'requested_by', sourceLine: 7, sinkLine: 8 } },
      ],
    },
    {
      // Cloudflare Access email: presence-checked, then made the OAuth grant's user (the Worker is reachable directly too)
      code: `export default {
  async fetch(request, env) {
    const email = request.headers.get('cf-access-authenticated-user-email');
    if (!email) return new Response('forbidden', { status: 403 });
    const { redirectTo } = await env.OAUTH_PROVIDER.completeAuthorization({ request: info, userId: email, props: { email } });
    return Response.redirect(redirectTo, 302);
  },
};`,
      errors: [
        { messageId: 'unverified', line: 4, column: 10, data: { sourceLine: 3, header: 'cf-access-authenticated-user-email', use: 'a presence check that gates access', sinkLine: 4 } },
        { messageId: 'unverified', line: 5, column: 100, data: { sourceLine: 3, header: 'cf-access-authenticated-user-email', use: 'the user of an OAuth grant', sinkLine: 5 } },
      ],
    },
    {
      // Express: whoever sends x-forwarded-user is let in; a block that answers and then returns also turns away
      code: `app.use((req, res, next) => {
  const user = req.get('x-forwarded-user');
  if (user == null || !req.get('x-forwarded-groups')) { res.status(401).end(); return; }
  next();
});`,
      errors: [
        { messageId: 'unverified', line: 3, column: 7, data: { sourceLine: 2, header: 'x-forwarded-user', use: 'a presence check that gates access', sinkLine: 3 } },
        { messageId: 'unverified', line: 3, column: 24, data: { sourceLine: 3, header: 'x-forwarded-groups', use: 'a presence check that gates access', sinkLine: 3 } },
      ],
    },
  ],
});
