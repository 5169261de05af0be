import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientsForPath, formatForPath } from '../../src/config-language/clients.js';
import { parseConfig } from '../../src/config-language/parse.js';
import type { ConfigScalar } from '../../src/config-language/tree.js';

describe('dotenv templates', () => {
  it('are read only as templates, never as the real .env', () => {
    for (const f of ['.env.example', 'app/.env.sample', '.env.template', 'deploy/prod.env.example']) {
      expect(formatForPath(f), f).toBe('dotenv');
      expect(clientsForPath(f).map((c) => c.id), f).toEqual(['dotenv-template']);
    }
    for (const f of ['.env', '.env.local', 'prod.env', '.env.production', 'env.example.json']) expect(clientsForPath(f), f).toEqual([]);
  });

  it('parses KEY=VALUE, export, quotes, comments, and skips other lines', () => {
    const text = [
      '# OAuth app',
      'export GITHUB_SCOPES="repo read:org" # the scopes',
      'SLACK_SCOPES=chat:write,admin   # trailing',
      'EMPTY=',
      "SINGLE='a b # not a comment'",
      'not a pair',
      'MULTI="x\\ny',
      'z"',
      'HASH=a#b',
      '  SPACED = v ',
    ].join('\n');
    const r = parseConfig(text, 'dotenv');
    expect(r.ok).toBe(true);
    if (!r.ok || r.body?.type !== 'ConfigObject') return;
    const pairs = r.body.members.map((m) => [m.key.name, (m.value as ConfigScalar).value, m.value.loc.start.line, m.value.loc.start.column]);
    expect(pairs).toEqual([
      ['GITHUB_SCOPES', 'repo read:org', 2, 21],
      ['SLACK_SCOPES', 'chat:write,admin', 3, 13],
      ['EMPTY', '', 4, 6],
      ['SINGLE', 'a b # not a comment', 5, 7],
      ['MULTI', 'x\ny\nz', 7, 6],
      ['HASH', 'a#b', 9, 5],
      ['SPACED', 'v', 10, 11],
    ]);
    expect(r.comments.map((c) => [c.value, c.loc.start.line])).toEqual([
      [' OAuth app', 1],
      [' the scopes', 2],
      [' trailing', 3],
    ]);
  });

  it('handles CRLF line ends', () => {
    const r = parseConfig('A=1\r\nB="2"\r\n', 'dotenv');
    expect(r.ok && r.body?.type === 'ConfigObject' && r.body.members.map((m) => [m.key.name, (m.value as ConfigScalar).value, m.value.loc.start.line])).toEqual([
      ['A', '1', 1],
      ['B', '2', 2],
    ]);
  });

  it('never throws, and every node lies inside the text', () => {
    const piece = fc.constantFrom('A=1', 'export B="x', '"', "'", '`', '#', ' # c', '\n', '\r\n', '\r', '=', 'C=\'y\'', '\\n', 'D=');
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.string({ maxLength: 200 })), (text) => {
        const r = parseConfig(text, 'dotenv');
        expect(r.ok).toBe(true);
        if (!r.ok || r.body?.type !== 'ConfigObject') return;
        for (const m of r.body.members) {
          expect(m.value.range[0]).toBeGreaterThanOrEqual(m.key.range[1]);
          expect(m.value.range[1]).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
