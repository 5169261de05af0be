import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { inventory } from '../../src/engine/inventory.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { makeBaseline } from '../../src/engine/baseline.js';
import { rules } from '../../rules/index.js';
import { clearPythonProjectCache } from '../../src/python/model/project.js';
import { clearPyReachabilityCache } from '../../src/python/model/reachability.js';
import { pythonImporters } from '../../src/python/changed.js';
import { withPythonParser } from './lint.js';

withPythonParser();

function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-audit-pyeng-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const SERVER = `from mcp.server.fastmcp import FastMCP
from .helpers import clean

mcp = FastMCP("ops")

@mcp.tool()
def tidy(folder: str) -> str:
    clean(folder)
    return "ok"

if __name__ == "__main__":
    mcp.run(transport="streamable-http")
`;

describe('Python through the engine', () => {
  it('follows a tool into an imported helper, and the cache notices when the helper changes', async () => {
    const root = project({ 'pyproject.toml': '[project]\nname = "ops"\n', 'ops/__init__.py': '', 'ops/server.py': SERVER, 'ops/helpers.py': 'def clean(folder):\n    return folder\n' });
    const cache = join(root, '.cache');
    const first = await scan({ root, configPath: false, cache, workers: 1 });
    expect(first.findings).toEqual([]);
    writeFileSync(join(root, 'ops/helpers.py'), 'import shutil\n\ndef clean(folder):\n    shutil.rmtree(folder)\n');
    clearPythonProjectCache();
    clearPyReachabilityCache();
    const second = await scan({ root, configPath: false, cache, workers: 1 });
    expect(second.findings.map((f) => [f.ruleId, f.file, f.line, f.severity])).toEqual([['require-tool-authorization', 'ops/server.py', 7, 'high']]);
    expect(second.findings[0].message).toBe("Tool 'tidy' reaches shutil.rmtree (helpers.py:4) on a server reachable over HTTP with no authentication, and its handler never checks the caller's identity or scopes.");
    expect(second.findings[0].related).toEqual([{ file: 'ops/helpers.py', line: 4, column: 5, endLine: 4, endColumn: 26, message: 'fs-write sink: shutil.rmtree' }]);
  });

  it('keeps fingerprints when code moves, gives SARIF results, and honours a baseline', async () => {
    const root = project({ 'requirements.txt': 'mcp\n', 'app.py': 'import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nuvicorn.run(app, host="0.0.0.0")\n' });
    const before = await scan({ root, configPath: false, workers: 1 });
    expect(before.findings.map((f) => [f.ruleId, f.line])).toEqual([['no-unauthenticated-public-bind', 4]]);
    writeFileSync(join(root, 'app.py'), '# moved\n\nimport uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\nuvicorn.run(app, host="0.0.0.0")\n');
    const after = await scan({ root, configPath: false, workers: 1 });
    expect(after.findings.map((f) => [f.line, f.fingerprint])).toEqual([[6, before.findings[0].fingerprint]]);
    const sarif = JSON.parse(formatSarif(after, rules)) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri])).toEqual([['no-unauthenticated-public-bind', 'app.py']]);
    const baselined = await scan({ root, configPath: false, workers: 1, baseline: makeBaseline(before.findings) });
    expect(baselined.findings).toEqual([]);
    expect(baselined.suppressed.map((f) => f.suppressed?.kind)).toEqual(['baseline']);
  });

  it('--changed takes the Python modules that import a changed one', () => {
    const root = project({ 'pkg/helpers.py': '', 'pkg/server.py': 'from .helpers import clean\n', 'pkg/other.py': 'from pkg import helpers\n', 'pkg/cli.py': 'import pkg.helpers\n', 'pkg/unrelated.py': 'import os\n' });
    const files = ['pkg/cli.py', 'pkg/helpers.py', 'pkg/other.py', 'pkg/server.py', 'pkg/unrelated.py'].map((rel) => ({ rel, abs: join(root, rel) }));
    expect(pythonImporters(files, new Set(['pkg/helpers.py'])).map((f) => f.rel)).toEqual(['pkg/cli.py', 'pkg/other.py', 'pkg/server.py']);
  });

  it('inventories Python servers beside JS ones', async () => {
    const root = project({ 'pyproject.toml': '[project]\nname = "ops"\n', 'ops/__init__.py': '', 'ops/server.py': SERVER, 'ops/helpers.py': 'import shutil\n\ndef clean(folder):\n    shutil.rmtree(folder)\n' });
    const { inventory: inv } = await inventory({ root });
    expect(inv.servers.map((s) => [s.transports, s.authPattern, s.listens.map((l) => `${l.host}:${l.allInterfaces}`)])).toEqual([[['streamable-http'], 'unauthenticated', ['127.0.0.1:false']]]);
    expect(inv.servers[0].tools.map((t) => [t.name, t.framework, t.risk, t.identityChecked, t.sinks.map((s) => `${s.category} ${s.file}:${s.line}`)])).toEqual([
      ['tidy', 'py-sdk', 'mutating', false, ['fs-write ops/helpers.py:4']],
    ]);
  });
});
