import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin/index.js';
import { scan } from '../../src/engine/scan.js';

/**
 * The editor (ESLint with the plugin's recommended config) and the CLI must report the same findings on the same
 * project: same rule, file, line and column, same suppressions honoured.
 */
const PROJECTS = ['fixtures/projects/secrets-basic', 'examples/vulnerable-server'];

describe.each(PROJECTS)('CLI / ESLint parity on %s', (project) => {
  it('reports the same findings', async () => {
    const cwd = resolve(project);
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, errorOnUnmatchedPattern: false });
    const results = await eslint.lintFiles(['.']);
    const fromEslint = results
      .flatMap((r) =>
        r.messages
          .filter((m) => m.ruleId?.startsWith('mcp-audit/'))
          .map((m) => `${m.ruleId!.slice('mcp-audit/'.length)} ${r.filePath.slice(cwd.length + 1)}:${m.line}:${m.column}`),
      )
      .sort();
    const report = await scan({ root: cwd });
    const fromCli = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`).sort();
    expect(fromCli.length).toBeGreaterThan(0);
    expect(fromCli).toEqual(fromEslint);
  });
});
