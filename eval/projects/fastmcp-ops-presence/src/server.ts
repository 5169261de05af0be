import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { FastMCP } from 'fastmcp';
import { z } from 'zod';

const exec = promisify(execFile);
const SERVICES = ['api', 'worker', 'scheduler'] as const;

type Session = { operator: string };

const server = new FastMCP<Session>({
  name: 'ops',
  version: '0.5.0',
  authenticate: async (request) => {
    const apiKey = request.headers['x-api-key'];
    if (!apiKey) {
      throw new Response(null, { status: 401, statusText: 'API key required' });
    }
    return { operator: String(request.headers['x-operator'] ?? 'unknown') };
  },
});

server.addTool({
  name: 'tail_logs',
  description: 'Last lines of a service log',
  parameters: z.object({ service: z.enum(SERVICES), lines: z.number().int().max(500).default(100) }),
  execute: async ({ service, lines }) => {
    const text = await readFile(`/var/log/${service}.log`, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  },
});

server.addTool({
  name: 'restart_service',
  description: 'Restart a systemd service',
  parameters: z.object({ service: z.enum(SERVICES) }),
  execute: async ({ service }, { log }) => {
    log.info(`restarting ${service}`);
    const { stdout } = await exec('systemctl', ['restart', `${service}.service`]);
    return stdout || `${service} restarted`;
  },
});

server.start({ transportType: 'httpStream', httpStream: { port: 8080, host: '0.0.0.0' } });
