// The two places the CLI leans on ESLint's own files (not its public API): both must load with the ESLint version
// we depend on, and the code-path-free language must change nothing a rule sees.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { jsLanguageWithoutCodePaths, normalizedConfigs, recordingListeners, usesEslintConfigArray } from '../../src/engine/eslint-config.js';
import { DeferredScope, fastParser } from '../../src/parser/index.js';
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

describe('scope analysis deferred until a rule asks', () => {
  const program = [
    "import { helper } from './helper.js';",
    'const token = process.env.TOKEN;',
    'export function f(a) { const b = a ?? token; return Promise.resolve(helper(b)); }',
  ].join('\n');
  /** fastParser, counting the deferred analyses it hands out that are run. */
  const counting = () => {
    const counter = { analysed: 0 };
    const parser = {
      meta: fastParser.meta,
      parseForESLint(code: string, options?: Record<string, unknown>) {
        const parsed = fastParser.parseForESLint(code, options) as { scopeManager: unknown };
        const deferred = parsed.scopeManager;
        if (deferred instanceof DeferredScope) {
          parsed.scopeManager = new DeferredScope(() => {
            counter.analysed++;
            return deferred.analyse();
          });
        }
        return parsed;
      },
    };
    return { parser, counter };
  };
  /** What a rule sees of the scopes at the end of the program: variables per scope, and `Promise` as a declared global. */
  const scopeRule = (seen: string[]) => ({
    create(context: { sourceCode: { getScope(n: unknown): { childScopes: unknown[]; set: Map<string, { eslintImplicitGlobalSetting?: string }> } } }) {
      return {
        'Program:exit'(node: unknown) {
          const global = context.sourceCode.getScope(node);
          const walk = (s: { set: Map<string, unknown>; childScopes: unknown[] }): void => {
            seen.push([...s.set.keys()].join(','));
            for (const c of s.childScopes) walk(c as never);
          };
          walk(global as never);
          seen.push(`Promise:${global.set.get('Promise')?.eslintImplicitGlobalSetting}`);
        },
      };
    },
  });
  const lint = (defer: boolean, withScopeRule: boolean) => {
    const { parser, counter } = counting();
    const seen: string[] = [];
    const linter = new Linter({ configType: 'flat', cwd: root });
    linter.verify(
      program,
      [
        {
          files: ['**/*.ts'],
          plugins: { cli: { languages: { js: jsLanguageWithoutCodePaths! } }, t: { rules: { scopes: scopeRule(seen) } } } as never,
          language: 'cli/js',
          languageOptions: { parser: parser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { deferScope: defer } },
          rules: withScopeRule ? { 't/scopes': 'error' } : {},
        },
      ],
      { filename: file },
    );
    return { seen, analysed: counter.analysed };
  };

  it('runs no scope analysis for a file no rule asks scopes of', () => {
    expect(lint(true, false).analysed).toBe(0);
  });

  it('gives a rule that asks the same scopes and declared globals as an analysis done up front', () => {
    const deferred = lint(true, true);
    expect(deferred.analysed).toBe(1);
    expect(deferred.seen).toEqual(lint(false, true).seen);
    expect(deferred.seen).toContain('Promise:readonly');
    expect(deferred.seen).toContain('helper,token,f');
  });
});

describe('traversal of the node types the rules listen to', () => {
  const code = [
    'const a = f(g(1), { k: [h()] });',
    'function outer(x) { if (x) { return inner(x)?.y; } }',
    'class C { m() { return new D(`t${a}`); } }',
    'type T = ReturnType<typeof f>;',
  ].join('\n');
  /** A rule that logs the events it gets: the node type, enter or exit, and where the node is. */
  const spyRule = (keys: string[], log: string[]) => ({
    create() {
      return Object.fromEntries(keys.map((k) => [k, (node: { type: string; range: number[]; parent?: { type: string } | null }) => log.push(`${k} ${node.type}@${node.range[0]} in ${node.parent?.type ?? '-'}`)]));
    },
  });
  const lint = (keys: string[], recording: boolean) => {
    const log: string[] = [];
    let steps = 0;
    const rules = { spy: spyRule(keys, log) };
    const linter = new Linter({ configType: 'flat', cwd: root });
    linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { cli: { languages: { js: jsLanguageWithoutCodePaths! } }, t: { rules: (recording ? recordingListeners(rules) : rules) as never } } as never,
          language: 'cli/js',
          languageOptions: { parser: fastParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
          rules: { 't/spy': 'error' },
        },
      ],
      { filename: file },
    );
    for (const _ of linter.getSourceCode()!.traverse() as Iterable<unknown>) steps++;
    return { log, steps };
  };

  it('gives the rules the events of ESLint’s own traversal, in its order', () => {
    const keys = ['Program', 'CallExpression', 'CallExpression:exit', 'Identifier', 'ReturnStatement:exit', 'TSTypeReference', 'Program:exit'];
    const { log, steps } = lint(keys, true);
    expect(log).toEqual(lint(keys, false).log);
    expect(log.filter((e) => e.startsWith('CallExpression ')).length).toBe(4);
    expect(log[0]).toBe('Program Program@0 in -');
    expect(log.at(-1)).toBe('Program:exit Program@0 in -');
    // one step per event: no visits of nodes nobody listens to
    expect(steps).toBe(log.length);
    expect(lint(keys, false).steps).toBeGreaterThan(2 * log.length);
  });

  it('falls back to ESLint’s steps for a selector that is not a node type', () => {
    const keys = ['CallExpression > Identifier', 'IfStatement'];
    const listened = lint(keys, true);
    expect(listened).toEqual(lint(keys, false));
    expect(listened.log).toContain('CallExpression > Identifier Identifier@10 in CallExpression');
  });
});
