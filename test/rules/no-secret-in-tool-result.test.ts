import rule from '../../rules/no-secret-in-tool-result.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-secret-in-tool-result', rule, {
  valid: [
    `server.registerTool('config', {}, async () => ({ content: [{ type: 'text', text: JSON.stringify({ region: process.env.AWS_REGION, port: process.env.PORT }) }] }));`,
    `server.registerTool('whoami', {}, async (extra) => ({ content: [{ type: 'text', text: extra.authInfo.clientId }] }));`,
    `server.registerTool('trace', {}, async (extra) => ({ content: [{ type: 'text', text: String(extra.requestInfo?.headers['x-request-id']) }] }));`,
    `server.registerResource('readme', 'file:///README.md', {}, async (uri) => ({ contents: [{ uri: uri.href, text: fs.readFileSync('README.md', 'utf8') }] }));`,
    // a token used, not returned
    `server.registerTool('repos', {}, async () => { const gh = new Octokit({ auth: process.env.GITHUB_TOKEN }); return { content: [{ type: 'text', text: 'ok' }] }; });`,
  ],
  invalid: [
    {
      code: `server.registerTool('env', {}, async () => ({ content: [{ type: 'text', text: JSON.stringify(process.env) }] }));`,
      errors: [{ messageId: 'returned', line: 1, column: 56, data: { what: 'process.env', sourceLine: 1, sinkLine: 1 } }],
    },
    {
      code: `server.registerTool('debug', {}, async (extra) => {
  const token = extra.authInfo?.token ?? '';
  return { content: [{ type: 'text', text: \`token: \${token}\` }] };
});`,
      errors: [{ messageId: 'returned', line: 3, column: 21, data: { what: 'authInfo.token', sourceLine: 2, sinkLine: 3 } }],
    },
    {
      code: `server.registerTool('key', {}, async () => {
  return { content: [], structuredContent: { apiKey: process.env.OPENAI_API_KEY } };
});`,
      errors: [{ messageId: 'returned', line: 2, column: 44, data: { what: 'process.env.OPENAI_API_KEY', sourceLine: 2, sinkLine: 2 } }],
    },
    {
      code: `server.registerResource('config', 'config://app', {}, async (uri) => ({ contents: [{ uri: uri.href, text: fs.readFileSync('.env', 'utf8') }] }));`,
      errors: [{ messageId: 'returned', line: 1, column: 83, data: { what: 'the file .env', sourceLine: 1, sinkLine: 1 } }],
    },
    {
      // fastmcp: execute returns a plain string; headers passed through the session
      code: `import { FastMCP } from 'fastmcp';
const server = new FastMCP({ name: 'x', version: '1.0.0' });
server.addTool({ name: 'headers', execute: async (args, context) => {
  const headers = context.session.headers;
  return \`Authorization: \${headers.authorization}\`;
} });`,
      errors: [{ messageId: 'returned', line: 5, column: 10, data: { what: 'authorization header', sourceLine: 4, sinkLine: 5 } }],
    },
  ],
});
