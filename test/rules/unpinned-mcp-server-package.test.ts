import rule from '../../rules/unpinned-mcp-server-package.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);
const server = (command: string, args: string[]): string => json({ mcpServers: { s: { command, args } } });

configRuleTester().run('unpinned-mcp-server-package', rule, {
  valid: [
    // the package this repository publishes (its package.json, the nearest one above the config, names it mcp-audit)
    { filename: '.mcp.json', code: server('npx', ['-y', 'mcp-audit@latest']) },
    { filename: '.mcp.json', code: server('npx', ['-y', '@modelcontextprotocol/server-github@2025.4.8']) },
    { filename: '.mcp.json', code: server('npx', ['-y', 'mcp-remote@0.1.16', 'https://x.example.com/mcp']) },
    { filename: '.mcp.json', code: server('uvx', ['mcp-server-git==0.6.2']) },
    { filename: '.mcp.json', code: server('uvx', ['--from', 'mcp-server-git==0.6.2', 'mcp-server-git']) },
    { filename: '.mcp.json', code: server('docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/acme/mcp@sha256:4f2a9c']) },
    { filename: '.mcp.json', code: server('docker', ['run', '-i', 'ghcr.io/acme/mcp:1.4.2']) },
    // Local code is not fetched from a registry.
    { filename: '.mcp.json', code: server('npx', ['./scripts/server.js']) },
    { filename: '.mcp.json', code: server('node', ['dist/server.js']) },
  ],
  invalid: [
    // near miss: another package, with the repository's name in it
    { filename: '.mcp.json', code: server('npx', ['-y', 'mcp-audit-extras']), errors: [{ messageId: 'unpinned', line: 7, column: 9 }] },
    { filename: '.mcp.json', code: server('npx', ['-y', '@modelcontextprotocol/server-github']), errors: [{ messageId: 'unpinned', line: 7, column: 9 }] },
    { filename: '.mcp.json', code: server('npx', ['some-mcp@latest']), errors: [{ messageId: 'unpinned', line: 6, column: 9 }] },
    { filename: '.mcp.json', code: server('npx', ['-y', 'some-mcp@^1.2.0']), errors: [{ messageId: 'unpinned', line: 7, column: 9 }] },
    { filename: '.mcp.json', code: server('uvx', ['mcp-server-fetch']), errors: [{ messageId: 'unpinned', line: 6, column: 9 }] },
    { filename: '.mcp.json', code: server('bunx', ['some-mcp']), errors: [{ messageId: 'unpinned', line: 6, column: 9 }] },
    { filename: '.mcp.json', code: server('pnpm', ['dlx', 'some-mcp']), errors: [{ messageId: 'unpinned', line: 7, column: 9 }] },
    { filename: '.mcp.json', code: server('docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'mcp/github']), errors: [{ messageId: 'unpinned', line: 11, column: 9 }] },
    { filename: '.mcp.json', code: server('docker', ['run', 'mcp/github:latest']), errors: [{ messageId: 'unpinned', line: 7, column: 9 }] },
    {
      filename: 'opencode.jsonc',
      code: '{\n  // local server\n  "mcp": { "gh": { "type": "local", "command": ["npx", "-y", "gh-mcp"], },\n  },\n}\n',
      errors: [{ messageId: 'unpinned', line: 3, column: 62 }],
    },
  ],
});
