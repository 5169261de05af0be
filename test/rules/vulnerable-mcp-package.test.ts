import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/vulnerable-mcp-package.js';
import plugin from '../../src/plugin/index.js';
import { takeRecordedExtras } from '../../src/rule-kit/create-rule.js';
import { findLockfile, lockedVersion } from '../../src/config-language/lockfile.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);
const pkg = (deps: Record<string, string>, field = 'dependencies'): string => json({ name: 'my-mcp-server', [field]: deps });

configRuleTester().run('vulnerable-mcp-package', rule, {
  valid: [
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '^1.26.0' }) },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '>=1.26.0 <2' }) },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/inspector': '0.16.6' }, 'devDependencies') },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': 'latest', 'mcp-remote-ish': '0.0.1' }) },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': 'github:org/repo' }) },
    // before the version that introduced the only advisory the rest of the range could hit
    { filename: 'package.json', code: pkg({ 'mcp-remote': '0.0.4' }) },
    { filename: 'packages/app/package.json', code: pkg({ '@modelcontextprotocol/sdk': 'workspace:^1.27.0' }) },
    { filename: '.mcp.json', code: json({ mcpServers: { r: { command: 'npx', args: ['-y', 'mcp-remote@0.1.16', 'https://x.example.com/mcp'] } } }) },
    // No version: the unpinned rule's finding, not this one.
    { filename: '.mcp.json', code: json({ mcpServers: { r: { command: 'npx', args: ['-y', 'mcp-remote', 'https://x.example.com/mcp'] } } }) },
  ],
  invalid: [
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '^1.20.0' }), errors: [{ messageId: 'rangeAdmits', line: 4, column: 34 }] },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '~1.25.3' }), errors: [{ messageId: 'rangeAdmits', line: 4, column: 34 }] },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/inspector': '0.14.0' }, 'devDependencies'), errors: [{ messageId: 'vulnerable', line: 4, column: 40 }] },
    {
      filename: '.mcp.json',
      code: json({ mcpServers: { r: { command: 'npx', args: ['-y', 'mcp-remote@0.1.15', 'https://x.example.com/mcp'] } } }),
      errors: [{ messageId: 'vulnerable', line: 7, column: 9 }],
    },
    {
      filename: '.cursor/mcp.json',
      code: json({ mcpServers: { i: { command: 'npx', args: ['@modelcontextprotocol/inspector@0.13.0'] } } }),
      errors: [{ messageId: 'vulnerable', line: 6, column: 9 }],
    },
  ],
});

/** What the rule reports on a fixture package's manifest, as the CLI sees it: `[messageId, severity, message]`. */
function findings(scenario: string, manifest = 'package.json'): Array<[string, string | undefined, string]> {
  const root = resolve('fixtures/vulnerable-mcp-package', scenario);
  const file = join(root, manifest);
  const linter = new Linter({ configType: 'flat', cwd: root });
  const messages = linter.verify(readFileSync(file, 'utf8'), [...plugin.configs.recommended, { settings: { mcpAudit: { collect: true } } }], { filename: file });
  const extras = takeRecordedExtras(file).filter((x) => x.ruleId === 'vulnerable-mcp-package');
  return messages
    .filter((m) => m.ruleId === 'mcp-audit/vulnerable-mcp-package')
    .map((m, i) => [m.messageId!, extras[i]?.severity, m.message]);
}

describe('the version installed and what the package reaches decide the finding (fixtures/vulnerable-mcp-package)', () => {
  it('is silent when the lockfile installs a fixed version', () => {
    expect(findings('locked-fixed')).toEqual([]);
  });

  it('reports the locked version, at the severity of the advisory the source reaches (one instance shared over HTTP)', () => {
    const [f] = findings('locked-affected');
    expect(f.slice(0, 2)).toEqual(['vulnerable', 'high']);
    expect(f[2]).toContain('(the lockfile installs 1.25.2)');
    expect(f[2]).toContain('CVE-2026-25536');
    expect(f[2]).not.toContain('CVE-2025-66414'); // fixed in 1.24.0
  });

  it('finds the lockfile of a pnpm workspace at its root, for a package below it', () => {
    const [f] = findings('pnpm-workspace', 'packages/server/package.json');
    expect(f.slice(0, 2)).toEqual(['vulnerable', 'high']);
    expect(f[2]).toContain('(the lockfile installs 1.25.2)');
  });

  it('rates an exact pin low when a stdio server reaches none of the HTTP flaws (a test that starts HTTP does not count)', () => {
    const [f] = findings('pinned-stdio');
    expect(f.slice(0, 2)).toEqual(['vulnerable', 'low']);
    expect(f[2]).toContain('not reached from this package');
  });

  it('rates a range without a lockfile low when the flaws are reached, info when not or when there is no server', () => {
    expect(findings('range-http').map((f) => f.slice(0, 2))).toEqual([['rangeAdmits', 'low']]);
    expect(findings('range-stdio').map((f) => f.slice(0, 2))).toEqual([['rangeAdmits', 'info']]);
    expect(findings('client-sample').map((f) => f.slice(0, 2))).toEqual([['rangeAdmits', 'info']]);
  });
});

describe('lockedVersion', () => {
  const lock = (name: string, text: string) => ({ path: `/w/${name}`, text });
  it('reads npm v1 and v3, pnpm, yarn v1 and berry, and bun lockfiles', () => {
    expect(lockedVersion(lock('package-lock.json', json({ lockfileVersion: 1, dependencies: { a: { version: '1.2.3' } } })), '/w', 'a')).toBe('1.2.3');
    expect(lockedVersion(lock('package-lock.json', json({ packages: { 'node_modules/a': { version: '2.0.0' }, 'app/node_modules/a': { version: '1.0.0' } } })), '/w/app', 'a')).toBe('1.0.0');
    expect(lockedVersion(lock('pnpm-lock.yaml', "lockfileVersion: '6.0'\ndependencies:\n  a:\n    specifier: ^1.0.0\n    version: 1.4.0\n"), '/w', 'a')).toBe('1.4.0');
    expect(lockedVersion(lock('yarn.lock', '"@s/a@^1.0.0", "@s/a@^1.2.0":\n  version "1.5.0"\n  resolved "x"\n'), '/w', '@s/a')).toBe('1.5.0');
    expect(lockedVersion(lock('yarn.lock', '"@s/a@npm:^1.0.0":\n  version: 1.6.0\n'), '/w', '@s/a')).toBe('1.6.0');
    expect(lockedVersion(lock('bun.lock', '{\n  "packages": {\n    "@s/a": ["@s/a@1.7.0", "", {}, "sha512"],\n  },\n}'), '/w', '@s/a')).toBe('1.7.0');
  });

  it('says nothing for a package the lockfile does not have, or a lockfile it cannot parse', () => {
    expect(lockedVersion(lock('package-lock.json', json({ packages: {} })), '/w', 'a')).toBeNull();
    expect(lockedVersion(lock('package-lock.json', '{ not json'), '/w', 'a')).toBeNull();
  });

  it('does not look above the folder it is told to stop at', () => {
    expect(findLockfile(resolve('fixtures/vulnerable-mcp-package/pnpm-workspace/packages/server/package.json'), resolve('fixtures/vulnerable-mcp-package/pnpm-workspace/packages/server'))).toBeNull();
  });
});
