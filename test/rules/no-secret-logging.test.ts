import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-secret-logging.js';
import { jsRuleTester, reportedSeverities } from '../rule-tester.js';

jsRuleTester().run('no-secret-logging', rule, {
  valid: [
    // headers logged after redaction
    `function redactHeaders(h) { return { ...h, authorization: '[redacted]', cookie: '[redacted]' }; }
     app.use((req, res, next) => { console.log(redactHeaders(req.headers)); next(); });`,
    `app.use((req, res, next) => { const safe = redactHeaders(req.headers); logger.info({ headers: safe }); next(); });`,
    // a startup banner: the key masked by a helper, and a table of where each setting came from (labels, not values)
    `function maskApiKey(key) { return key.length <= 4 ? '****' : '****' + key.slice(-4); }
     function pick(flag, env, fallback) { return flag ? { value: flag, source: 'cli' } : env ? { value: env, source: 'env' } : { value: fallback, source: 'default' }; }
     const figmaApiKey = pick(flags.figmaApiKey, process.env.FIGMA_API_KEY, '');
     const port = pick(flags.port, process.env.PORT, 3333);
     const sources = { figmaApiKey: figmaApiKey.source, port: port.source };
     console.log(\`- FIGMA_API_KEY: \${maskApiKey(figmaApiKey.value)} (source: \${sources.figmaApiKey})\`);
     console.log(\`- PORT: \${port.value} (source: \${sources.port})\`);`,
    // a few characters of a key, shown so a person can tell keys apart
    `const apiKey = process.env.API_KEY; console.log('using key', apiKey.slice(0, 4) + '…'); logger.info(\`key ending \${apiKey.slice(-4)}\`);`,
    // MCP's progressToken is a correlation id the client picks
    `server.tool('x', {}, async (_args, { _meta }) => { const progressToken = _meta?.progressToken ?? 0; console.log('progress token', progressToken); });`,
    // correlation id and non-secret request fields
    `app.use((req, res, next) => { logger.info({ id: req.headers['x-request-id'], path: req.path, method: req.method }); next(); });`,
    // pino configured to redact
    `const logger = pino({ redact: ['req.headers.authorization', 'req.headers.cookie'] });
     app.use((req, res, next) => { logger.info({ headers: req.headers }); next(); });`,
    // names that only look secret
    `console.log('tokens used', usage.tokenCount, tokenType);`,
    `server.sendLoggingMessage({ level: 'info', data: { clientId: extra.authInfo.clientId } });`,
    `app.use(morgan(':method :url :status'));`,
    // a DOM or emitter event is not a request
    `emitter.on('error', (event) => { console.error(event); });`,
  ],
  invalid: [
    {
      // advisory (info, see severity test below): a demo password generated at start-up and printed for the operator,
      // and a log switched on by a debug flag; a long slice is still the secret
      code: `const DEMO_PASSWORD = randomBytes(16).toString('base64url');
const creds = { email: 'demo@example.com', password: DEMO_PASSWORD };
console.log(\`Password: \${creds.password}\`);
if (dangerousLoggingEnabled) app.use((req, res, next) => { console.log(req.headers.cookie?.slice(0, 100)); next(); });
app.use((req, res, next) => { console.log(req.headers.authorization.slice(7)); next(); });`,
      errors: [
        { messageId: 'logged', line: 3, column: 13 },
        { messageId: 'logged', line: 4, column: 72 },
        { messageId: 'logged', line: 5, column: 43 },
      ],
    },
    {
      // near miss of the banner: the value itself, and a table whose field holds the key
      code: `const figmaApiKey = process.env.FIGMA_API_KEY;
const settings = { figmaApiKey, port: 3000 };
console.log(\`- key: \${settings.figmaApiKey}\`);`,
      errors: [{ messageId: 'logged', line: 3, column: 13 }],
    },
    {
      code: `app.use((req, res, next) => { console.log(req.headers); next(); });`,
      errors: [{ messageId: 'logged', line: 1, column: 43, data: { what: 'request headers', sourceLine: 1, where: 'the log', sinkLine: 1 } }],
    },
    {
      code: `function mw(req, res, next) {
  const auth = req.get('authorization');
  log.debug(\`auth header=\${auth}\`);
  next();
}`,
      errors: [{ messageId: 'logged', line: 3, column: 13, data: { what: 'authorization header', sourceLine: 2, where: 'the log', sinkLine: 3 } }],
    },
    {
      // MCP log notification: goes to the client
      code: `server.registerTool('t', {}, async (extra) => {
  await server.sendLoggingMessage({ level: 'info', data: extra.authInfo });
  return { content: [] };
});`,
      errors: [{ messageId: 'logged', line: 2, column: 35, data: { what: 'authInfo', sourceLine: 2, where: 'an MCP log notification (sent to the client)', sinkLine: 2 } }],
    },
    {
      code: `async (args, ctx) => { await ctx.mcpReq.log('info', { token: ctx.http.authInfo.token }); }`,
      errors: [{ messageId: 'logged', line: 1, column: 53, data: { what: 'authInfo.token', sourceLine: 1, where: 'an MCP log notification (sent to the client)', sinkLine: 1 } }],
    },
    {
      code: `const apiKey = process.env.OPENAI_API_KEY;
logger.info('starting with key', apiKey);
console.error(JSON.stringify(process.env));
app.use(morgan(':method :url :req[authorization]'));`,
      errors: [
        { messageId: 'logged', line: 2, column: 34, data: { what: 'apiKey', sourceLine: 2, where: 'the log', sinkLine: 2 } },
        { messageId: 'logged', line: 3, column: 15, data: { what: 'process.env', sourceLine: 3, where: 'the log', sinkLine: 3 } },
        { messageId: 'morgan', line: 4, column: 16, data: { header: 'authorization' } },
      ],
    },
    {
      // the whole request object
      code: `app.post('/mcp', (req, res) => { console.dir(req); });`,
      errors: [{ messageId: 'logged', line: 1, column: 46, data: { what: 'the whole request', sourceLine: 1, where: 'the log', sinkLine: 1 } }],
    },
    {
      // a Lambda event is a whole request: its headers are read elsewhere in the handler
      code: `export async function handler(event) {
  logger.info('incoming', event);
  return event.headers.host;
}`,
      errors: [{ messageId: 'logged', line: 2, column: 27, data: { what: 'the whole request', sourceLine: 2, where: 'the log', sinkLine: 2 } }],
    },
  ],
});

describe('finding severities (side channel)', () => {
  it('is info for a value generated at start-up for the operator and for a log behind a debug flag; high otherwise', () => {
    expect(
      reportedSeverities(
        rule,
        `const DEMO_PASSWORD = randomBytes(16).toString('base64url');
console.log(\`Password: \${DEMO_PASSWORD}\`);
if (config.debug) console.log('token', process.env.API_TOKEN);
app.post('/token', (req, res) => { const accessToken = randomBytes(32).toString('hex'); console.log('issued', accessToken); });
console.log('token', process.env.API_TOKEN);`,
      ),
    ).toEqual([
      ['logged', 'info'],
      ['logged', 'info'],
      ['logged', undefined],
      ['logged', undefined],
    ]);
  });
});
