import rule from '../../rules/insecure-mcp-server-url.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

configRuleTester().run('insecure-mcp-server-url', rule, {
  valid: [
    { filename: '.mcp.json', code: json({ mcpServers: { a: { type: 'http', url: 'https://mcp.example.com/mcp' } } }) },
    // Loopback over http never leaves the machine.
    { filename: '.mcp.json', code: json({ mcpServers: { a: { type: 'http', url: 'http://localhost:3000/mcp' } } }) },
    { filename: '.cursor/mcp.json', code: json({ mcpServers: { a: { url: 'http://127.0.0.1:8080/sse' } } }) },
    { filename: '.vscode/mcp.json', code: json({ servers: { a: { type: 'http', url: 'http://[::1]:8080/mcp' } } }) },
    // Query parameters that are not credentials; references are not URLs yet.
    { filename: '.mcp.json', code: json({ mcpServers: { a: { url: 'https://mcp.example.com/mcp?region=eu&page=2' } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { a: { url: '${MCP_URL}' } } }) },
    // A host the reader is asked to substitute is a template, not a connection (seen in a public .mcp.json).
    { filename: '.mcp.json', code: json({ mcpServers: { a: { command: 'python', args: ['server.py', '--server', 'http://your-kali-host:5000/'] } } }) },
    { filename: '.mcp.json', code: json({ mcpServers: { a: { url: 'http://<host>:8080/mcp' } } }) },
  ],
  invalid: [
    {
      filename: '.mcp.json',
      code: json({ mcpServers: { a: { type: 'http', url: 'http://mcp.example.com/mcp' } } }),
      errors: [{ messageId: 'plainHttp', line: 5, column: 14 }],
    },
    {
      filename: 'mcp_config.json',
      code: json({ mcpServers: { a: { serverUrl: 'https://mcp.example.com/mcp?token=${env:MCP_TOKEN}' } } }),
      errors: [{ messageId: 'tokenInQuery', line: 4, column: 49 }],
    },
    {
      filename: 'claude_desktop_config.json',
      code: json({ mcpServers: { a: { command: 'npx', args: ['mcp-remote@0.1.16', 'http://10.0.0.5:8080/mcp'] } } }),
      errors: [{ messageId: 'plainHttp', line: 7, column: 9 }],
    },
    {
      filename: '.gemini/settings.json',
      code: json({ mcpServers: { a: { httpUrl: 'http://mcp.example.com/mcp?api_key=abc' } } }),
      errors: [
        { messageId: 'plainHttp', line: 4, column: 18 },
        { messageId: 'tokenInQuery', line: 4, column: 46 },
      ],
    },
  ],
});
