import { describe, expect, it } from 'vitest';
import rule from '../../rules/vulnerable-mcp-package.js';
import { rangeAdmits } from '../../src/config-language/semver.js';
import { configRuleTester } from '../config-language/rule-tester.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);
const pkg = (deps: Record<string, string>, field = 'dependencies'): string => json({ name: 'my-mcp-server', [field]: deps });

describe('rangeAdmits (affected = [introduced, fixed))', () => {
  it.each([
    ['^1.20.0', '1.26.0', undefined, true],
    ['^1.26.0', '1.26.0', undefined, false],
    ['~1.25.3', '1.26.0', undefined, true],
    ['1.26.1', '1.26.0', undefined, false],
    ['1.25.3', '1.26.0', undefined, true],
    ['>=1.26.0', '1.26.0', undefined, false],
    ['>=1.0.0 <1.26.0', '1.26.0', undefined, true],
    ['>1.25.3', '1.26.0', undefined, true],
    ['<=1.25', '1.26.0', undefined, true],
    ['1.x', '1.26.0', undefined, true],
    ['*', '1.26.0', undefined, true],
    ['1.26.0 - 1.30.0', '1.26.0', undefined, false],
    ['^1.30.0 || ^1.9.0', '1.26.0', undefined, true],
    ['^1.9.0', '1.26.0', '1.10.0', true],
    ['~1.9.2', '1.26.0', '1.10.0', false],
    ['^0.1.15', '0.1.16', '0.0.5', true],
    ['^0.1.16', '0.1.16', '0.0.5', false],
    ['0.0.4', '0.1.16', '0.0.5', false],
    ['latest', '1.26.0', undefined, null],
    ['github:org/repo', '1.26.0', undefined, null],
  ] as const)('%s vs fixed %s (introduced %s) -> %s', (range, fixed, introduced, expected) => {
    expect(rangeAdmits(range, fixed, introduced)).toBe(expected);
  });
});

configRuleTester().run('vulnerable-mcp-package', rule, {
  valid: [
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '^1.26.0' }) },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/inspector': '0.16.6' }, 'devDependencies') },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': 'latest', 'mcp-remote-ish': '0.0.1' }) },
    { filename: 'packages/app/package.json', code: pkg({ '@modelcontextprotocol/sdk': 'workspace:*' }).replace('workspace:*', 'workspace:^1.27.0') },
    { filename: '.mcp.json', code: json({ mcpServers: { r: { command: 'npx', args: ['-y', 'mcp-remote@0.1.16', 'https://x.example.com/mcp'] } } }) },
    // No version: the unpinned rule's finding, not this one.
    { filename: '.mcp.json', code: json({ mcpServers: { r: { command: 'npx', args: ['-y', 'mcp-remote', 'https://x.example.com/mcp'] } } }) },
  ],
  invalid: [
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/sdk': '^1.20.0' }), errors: [{ messageId: 'vulnerable', line: 4, column: 34 }] },
    { filename: 'package.json', code: pkg({ '@modelcontextprotocol/inspector': '^0.14.0' }, 'devDependencies'), errors: [{ messageId: 'vulnerable', line: 4, column: 40 }] },
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

it('names every advisory and the highest fixed version', () => {
  expect(rule.meta.messages!.vulnerable).toContain('{{fixed}}');
});
