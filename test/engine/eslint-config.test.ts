// The two places the CLI leans on ESLint's own files (not its public API): both must load with the ESLint version
// we depend on, and the code-path-free language must change nothing a rule sees.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { jsLanguageWithoutCodePaths, normalizedConfigs, usesEslintConfigArray } from '../../src/engine/eslint-config.js';
import { fastParser } from '../../src/parser/index.js';
import { languageBase, PLUGIN_NAME } from '../../src/plugin/index.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve('examples/vulnerable-server');
const file = resolve(root, 'src/server.ts');
const text = readFileSync(file, 'utf8');
const jsRules = Object.entries(rules).filter(([, r]) => r.meta.mcpAudit.language === 'js');

describe('ESLint internals the CLI uses', () => {
  it("loads ESLint's FlatConfigArray and its JS language from ESLint's files", () => {
    expect(usesEslintConfigArray).toBe(true);
    expect(jsLanguageWithoutCodePaths).not.toBeNull();
    const normalized = normalizedConfigs([{ files: ['**/*.ts'] }], root) as unknown as { getConfig(p: string): unknown };
    expect(typeof normalized.getConfig).toBe('function');
  });

  it('no rule listens to code-path events (the CLI does not build code paths)', () => {
    const listened = new Set<string>();
    const spy = (id: string, rule: (typeof jsRules)[number][1]) => ({
      ...rule,
      create(context: unknown) {
        const listeners = (rule.create as (c: unknown) => Record<string, unknown>)(context);
        for (const key of Object.keys(listeners)) listened.add(`${id}:${key}`);
        return listeners;
      },
    });
    const linter = new Linter({ configType: 'flat', cwd: root });
    const base = languageBase('js')!;
    linter.verify(text, [{ ...base, plugins: { s: { rules: Object.fromEntries(jsRules.map(([id, r]) => [id, spy(id, r)])) } as never }, rules: Object.fromEntries(jsRules.map(([id]) => [`s/${id}`, 'error'])) }], { filename: file });
    expect(listened.size).toBeGreaterThan(jsRules.length);
    expect([...listened].filter((k) => /onCodePath|onUnreachableCodePath/.test(k))).toEqual([]);
  });

  it('reports the same with and without code paths, on the same tree', () => {
    const verify = (withCodePaths: boolean) => {
      const base = languageBase('js')!;
      const config: Linter.Config = {
        ...base,
        languageOptions: { ...base.languageOptions, parser: fastParser as Linter.Parser },
        ...(withCodePaths ? {} : { plugins: { ...base.plugins, cli: { languages: { js: jsLanguageWithoutCodePaths! } } }, language: 'cli/js' }),
        rules: Object.fromEntries(jsRules.map(([id]) => [`${PLUGIN_NAME}/${id}`, 'error'])),
      };
      const linter = new Linter({ configType: 'flat', cwd: root });
      const messages = linter.verify(text, [config], { filename: file });
      // what decides whether ESLint builds code paths for this file
      expect((linter.getSourceCode() as unknown as { isESTree: boolean }).isESTree).toBe(withCodePaths);
      return messages;
    };
    const without = verify(false);
    expect(without.map((m) => `${m.ruleId}:${m.line}`)).toEqual([
      'mcp-audit/no-shared-server-instance:11',
      'mcp-audit/require-tool-authorization:14',
      'mcp-audit/require-tool-authorization:23',
      'mcp-audit/require-tool-authorization:32',
      'mcp-audit/require-dns-rebinding-protection:44',
      'mcp-audit/no-unauthenticated-public-bind:49',
    ]);
    expect(without).toEqual(verify(true));
  });
});
