import rule from '../../rules/no-secret-logging.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-secret-logging', rule, {
  valid: [
    // headers logged after redaction
    `function redactHeaders(h) { return { ...h, authorization: '[redacted]', cookie: '[redacted]' }; }
     app.use((req, res, next) => { console.log(redactHeaders(req.headers)); next(); });`,
    `app.use((req, res, next) => { const safe = redactHeaders(req.headers); logger.info({ headers: safe }); next(); });`,
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
