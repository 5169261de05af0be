#!/usr/bin/env node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Server, StdioServerTransport } from '@modelcontextprotocol/server';

const run = promisify(execFile);
const ROOT = process.env.DEV_SHELL_ROOT ?? process.cwd();
const ALLOWED = new Set(['git', 'npm', 'node', 'ls', 'cat', 'rg']);

const server = new Server({ name: 'dev-shell', version: '2.0.0-beta.3' }, { capabilities: { tools: {} } });

server.setRequestHandler('tools/list', async () => ({
  tools: [
    {
      name: 'run_command',
      description: `Run one of ${[...ALLOWED].join(', ')} in the project folder`,
      inputSchema: { type: 'object', properties: { command: { type: 'string' }, args: { type: 'array', items: { type: 'string' } } }, required: ['command'] },
    },
    { name: 'git_status', description: 'git status --short', inputSchema: { type: 'object', properties: {} } },
  ],
}));

server.setRequestHandler('tools/call', async (request) => {
  const { name, arguments: args = {} } = request.params;
  if (name === 'git_status') {
    const { stdout } = await run('git', ['status', '--short'], { cwd: ROOT });
    return { content: [{ type: 'text', text: stdout || 'clean' }] };
  }
  if (name === 'run_command') {
    const command = String(args.command);
    if (!ALLOWED.has(command)) return { isError: true, content: [{ type: 'text', text: `${command} is not allowed` }] };
    const argv = Array.isArray(args.args) ? args.args.map(String) : [];
    const { stdout, stderr } = await run(command, argv, { cwd: ROOT, timeout: 60_000, maxBuffer: 4 << 20 });
    return { content: [{ type: 'text', text: `${stdout}${stderr ? `\n[stderr]\n${stderr}` : ''}` }] };
  }
  throw new Error(`unknown tool: ${name}`);
});

await server.connect(new StdioServerTransport());
