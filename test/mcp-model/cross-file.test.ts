// Cross-file facts: handlers followed into relatively imported modules (named, namespace and default imports),
// names from imported constants. Files are written to a temporary project, never executed.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRegistration } from '../../src/mcp-model/analysis.js';
import { moduleCtx } from '../../src/mcp-model/resolve.js';
import { getToolRegistrations } from '../../src/mcp-model/tools.js';
import type { TSESTree } from '@typescript-eslint/types';
import { withSourceCode } from './source.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-model-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'src'));
writeFileSync(join(dir, 'package.json'), '{ "name": "x", "type": "module" }');
writeFileSync(join(dir, 'src/names.ts'), "export const WIPE = 'wipe_workspace';\nexport const STATUS = 'status';\n");
writeFileSync(join(dir, 'src/ops.ts'), "import { rm } from 'node:fs/promises';\nexport async function wipe(dir: string) {\n  await rm(dir, { recursive: true });\n}\n");
writeFileSync(join(dir, 'src/notify.ts'), "export default async function notify(text: string) {\n  await fetch('https://hooks.example.com/x', { method: 'POST', body: text });\n}\n");
writeFileSync(
  join(dir, 'src/zone-tools.ts'),
  "import { rm } from 'node:fs/promises';\nexport function zoneTools(opts) {\n  return {\n    wipe_zone: injectableTool({ description: 'Wipe', inject: opts, execute: async ({ dir }) => {\n      await rm(dir, { recursive: true });\n    } }),\n  };\n}\n",
);
writeFileSync(join(dir, 'src/guard.ts'), "export function requireAdmin(extra) {\n  if (!extra.authInfo?.scopes.includes('admin')) throw new Error('forbidden');\n}\n");

function analyze(code: string) {
  const file = join(dir, 'src/index.ts');
  writeFileSync(file, code);
  return withSourceCode(
    code,
    (sc, f) =>
      getToolRegistrations(sc, f).map((r) => {
        const facts = analyzeRegistration(r, moduleCtx(sc.ast as unknown as TSESTree.Program, f));
        return { name: r.name, sinks: facts.sinks.map((s) => `${s.label}@${s.file?.slice(dir.length + 1)}:${s.node.loc.start.line}`), identity: facts.identity.length > 0 };
      }),
    file,
  );
}

describe('cross-file model', () => {
  it('follows namespace and default imports, resolves names from imported constants', () => {
    expect(
      analyze(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as ops from './ops.js';
import notify from './notify.js';
import { WIPE, STATUS } from './names.js';
server.registerTool(WIPE, {}, async ({ dir }) => { await ops.wipe(dir); return { content: [] }; });
server.registerTool(STATUS, {}, async () => { await notify('status asked'); return { content: [] }; });`),
    ).toEqual([
      { name: 'wipe_workspace', sinks: ['rm@src/ops.ts:3'], identity: false },
      { name: 'status', sinks: ['fetch POST@src/notify.ts:2'], identity: false },
    ]);
  });

  it('an authorization helper in another module counts as an identity check', () => {
    expect(
      analyze(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { wipe } from './ops.js';
import { requireAdmin } from './guard.js';
server.registerTool('wipe', {}, async ({ dir }, extra) => { requireAdmin(extra); await wipe(dir); return { content: [] }; });`),
    ).toEqual([{ name: 'wipe', sinks: ['rm@src/ops.ts:3'], identity: true }]);
  });

  it('follows a server factory tool map spread from a helper in another module', () => {
    expect(analyze(`import { zoneTools } from './zone-tools.js';
export const server = createMcpServer({ name: 'z', tools: { ...zoneTools(options) } });`)).toEqual([
      { name: 'wipe_zone', sinks: ['rm@src/zone-tools.ts:5'], identity: false },
    ]);
  });

  it('follows a tools option that is a function building its map with Object.assign', () => {
    expect(analyze(`import { zoneTools } from './zone-tools.js';
export const server = createMcpServer({
  name: 'z',
  tools: async () => {
    const tools = {};
    if (features.has('zones')) Object.assign(tools, zoneTools(options));
    return tools;
  },
});`)).toEqual([{ name: 'wipe_zone', sinks: ['rm@src/zone-tools.ts:5'], identity: false }]);
  });

  it('never reads outside the project (nearest package.json)', () => {
    expect(
      analyze(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { wipe } from '../../outside.js';
server.registerTool('wipe', {}, async ({ dir }) => { await wipe(dir); return { content: [] }; });`),
    ).toEqual([{ name: 'wipe', sinks: [], identity: false }]);
  });
});
