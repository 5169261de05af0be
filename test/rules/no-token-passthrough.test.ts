import rule from '../../rules/no-token-passthrough.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-token-passthrough', rule, {
  valid: [
    // the request handed to the class's own factory and session store, which parse or keep it
    `class HttpRunner {
      async handle(req, res) {
        const request = { headers: req.headers, query: req.query };
        const server = await this.createServerForRequest(request);
        await this.sessionStore.addSession({ sessionId, transport, headers: req.headers });
      }
    }`,
    // a separate upstream credential from the environment is the correct pattern
    `server.registerTool('repos', {}, async (extra) => {
      const res = await fetch('https://api.github.com/user/repos', { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } });
      return { content: [{ type: 'text', text: await res.text() }] };
    });`,
    `const octokit = new Octokit({ auth: process.env.GH_TOKEN });`,
    // a correlation header forwarded for tracing
    `app.post('/mcp', async (req, res) => { await fetch(up, { headers: { 'x-request-id': req.headers['x-request-id'] } }); });`,
    // answering the caller is not forwarding upstream
    `app.get('/x', (req, res) => { res.set('Authorization', req.headers.authorization); res.json(new Response(null, { headers: req.headers })); });`,
    // a log call with a headers field is not an upstream request (no-secret-logging's concern)
    `app.use('/mcp', async (c, next) => { log.debug({ headers: c.req.header() }, 'inbound'); await next(); });`,
    // RFC 7662 introspection: the token goes to the authorization server in a form body to be checked
    `async function introspect(endpoint, token) {
      const r = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
      return r.json();
    }
    app.use(async (req, res, next) => { req.auth = await introspect(INTROSPECT_URL, req.headers.authorization.slice(7)); next(); });`,
    // the token is used for verification, not sent on
    `async function verify(req) { const t = req.headers.authorization; return introspect(t); }`,
  ],
  invalid: [
    {
      // near miss: a field named like a client of another service
      code: `class Proxy {
  async handle(req) {
    return this.upstreamClient.request({ url: '/v1/items', headers: req.headers });
  }
}`,
      errors: [{ messageId: 'passthrough', line: 3, column: 69 }],
    },
    {
      code: `server.registerTool('me', {}, async (extra) =>
  fetch('https://api.github.com/user', { headers: { Authorization: \`Bearer \${extra.authInfo.token}\` } }));`,
      errors: [{ messageId: 'passthrough', line: 2, column: 51, data: { what: 'authInfo.token', sourceLine: 2, sinkLine: 2 } }],
    },
    {
      // v2: header read through a variable, axios config object in a variable
      code: `async function call(args, ctx) {
  const auth = ctx.http?.req?.headers.get('authorization') ?? '';
  const config = { headers: { authorization: auth } };
  return axios.get(UPSTREAM, config);
}`,
      errors: [{ messageId: 'passthrough', line: 3, column: 29, data: { what: 'authorization header', sourceLine: 2, sinkLine: 3 } }],
    },
    {
      // whole header bag copied, spread into got options
      code: `app.all('/proxy', async (req, res) => {
  const r = await got(target, { headers: { ...req.headers, host: 'api.internal' } });
  res.send(r.body);
});`,
      errors: [{ messageId: 'passthrough', line: 2, column: 42, data: { what: 'request headers', sourceLine: 2, sinkLine: 2 } }],
    },
    {
      // SDK client constructors
      code: `const { token } = extra.authInfo;
const octokit = new Octokit({ auth: token });
const slack = new WebClient(req.headers.authorization);`,
      errors: [
        { messageId: 'passthrough', line: 2, column: 37, data: { what: 'authInfo.token', sourceLine: 1, sinkLine: 2 } },
        { messageId: 'passthrough', line: 3, column: 29, data: { what: 'authorization header', sourceLine: 3, sinkLine: 3 } },
      ],
    },
    {
      code: `const h = new Headers();
h.set('Authorization', request.headers.get('Authorization'));`,
      errors: [{ messageId: 'passthrough', line: 2, column: 24, data: { what: 'authorization header', sourceLine: 2, sinkLine: 2 } }],
    },
  ],
});
