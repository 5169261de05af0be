import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/mcp-model/inventory.js';
import { formatInventoryJson, formatInventoryPretty } from '../../src/reporters/inventory.js';

function projectFiles(name: string) {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.ts') ? [join(d, n)] : []));
  return walk(resolve('fixtures/servers', name)).sort().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

describe('buildInventory', () => {
  it('an unauthenticated HTTP server on all interfaces, sink through an imported helper', () => {
    const [server] = buildInventory(projectFiles('v1-http-files-unsafe')).servers;
    expect(server.transports).toEqual(['streamable-http']);
    expect(server.listens).toEqual([{ host: '0.0.0.0', port: '3000', allInterfaces: true, file: 'src/index.ts', line: 36 }]);
    expect(server.authPattern).toBe('unauthenticated');
    expect(server.tools.map((t) => [t.name, t.risk, t.identityChecked, t.sinks.map((s) => `${s.label}@${s.file}:${s.line}`)])).toEqual([
      ['read_document', 'read-only', false, []],
      ['delete_document', 'mutating', false, ['rm@src/fs-ops.ts:11']],
    ]);
  });

  it('per-user OAuth with per-tool scope checks; stdio process trust; service credential + user context', () => {
    const [scoped] = buildInventory(projectFiles('v1-http-bearer-scoped-safe')).servers;
    expect(scoped.auth).toEqual(['bearer']);
    expect(scoped.authPattern).toBe('per-user-oauth');
    expect(scoped.tools.find((t) => t.name === 'close_ticket')).toMatchObject({ risk: 'mutating', identityChecked: true });
    expect(buildInventory(projectFiles('v1-stdio-shell')).servers[0]).toMatchObject({ transports: ['stdio'], authPattern: 'process-trust' });
    expect(buildInventory(projectFiles('mcp-handler-billing-safe')).servers[0]).toMatchObject({
      auth: ['mcp-handler'],
      envCredentials: ['STRIPE_SECRET_KEY'],
      authPattern: 'service-credential-user-context',
    });
    // withMcpAuth without `required: true` is not a gate: the service key serves anonymous callers.
    expect(buildInventory(projectFiles('mcp-handler-billing-unsafe')).servers[0]).toMatchObject({ auth: [], authPattern: 'credential-from-env' });
  });

  it('renders pretty text and versioned JSON', () => {
    const inventory = buildInventory(projectFiles('fastmcp-ops-unsafe'));
    const text = formatInventoryPretty(inventory, { color: false });
    expect(text).toContain('listens      0.0.0.0:8080 (all interfaces)');
    expect(text).toMatch(/restart_service\s+tool\s+mutating\s+no\s+no\s+execa \(src\/index\.ts:13\)/);
    expect(text).toMatch(/uptime\s+tool\s+read-only\s+no\s+-\s+-/);
    expect(JSON.parse(formatInventoryJson(inventory))).toMatchObject({ version: 1, servers: [{ authPattern: 'unauthenticated' }] });
    expect(formatInventoryPretty({ servers: [] }, { color: false })).toBe('No MCP servers found.\n');
  });

  it('a scanned folder without its own package.json is its own server, not the enclosing package', () => {
    const root = resolve('examples/vulnerable-server');
    const files = [join(root, 'src/server.ts'), join(root, 'src/upstream.ts')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const [server] = buildInventory(files, { scanRoot: root }).servers;
    expect(server.root).toBe(root);
    // upstream.ts belongs to the sample (another owner): pin what the sink is, not its line.
    expect(server.tools.find((t) => t.name === 'file_issue')?.sinks).toMatchObject([{ label: 'fetch POST', category: 'http-mutation', file: 'src/upstream.ts' }]);
  });
});
