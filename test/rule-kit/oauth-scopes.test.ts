import { describe, expect, it } from 'vitest';
import {
  BROAD_SCOPES,
  DISCORD_MINIMAL_PERMISSIONS,
  PROVIDERS,
  dangerousDiscordBits,
  findBroadScopes,
  providersIn,
  splitScopes,
  type ScopeProvider,
} from '../../src/rule-kit/tables/oauth-scopes.js';

const providers = Object.keys(PROVIDERS) as ScopeProvider[];
const label = (e: (typeof BROAD_SCOPES)[number]) => `${e.provider} ${String(e.match)}`;

describe('BROAD_SCOPES entries', () => {
  it.each(BROAD_SCOPES.map((e) => [label(e), e] as const))('%s: broad examples match it, narrow ones match nothing', (_, e) => {
    const hint = new Set<ScopeProvider>([e.provider]);
    expect(e.examples.broad.length).toBeGreaterThan(0);
    expect(e.examples.narrow.length).toBeGreaterThan(0);
    for (const s of e.examples.broad) {
      const hits = findBroadScopes(s, hint, e.field);
      expect(hits.map((h) => h.entry), s).toEqual([e]);
      expect(hits[0].narrower.length, s).toBeGreaterThan(3);
    }
    for (const s of e.examples.narrow) expect(findBroadScopes(s, hint, e.field), s).toEqual([]);
  });

  it.each(BROAD_SCOPES.filter((e) => e.needsProvider).map((e) => [label(e), e] as const))(
    '%s: a generic word is only broad with its provider named',
    (_, e) => {
      for (const s of e.examples.broad) {
        const others = new Set(providers.filter((p) => p !== e.provider));
        expect(findBroadScopes(s, others, e.field).some((h) => h.entry === e), s).toBe(false);
        expect(findBroadScopes(s, undefined, e.field), s).toEqual([]);
      }
    },
  );

  it('every entry has a why, an https docs link and a known provider; only refresh-token entries are info', () => {
    for (const e of BROAD_SCOPES) {
      expect(e.why.length, label(e)).toBeGreaterThan(10);
      expect(e.docs, label(e)).toMatch(/^https:\/\//);
      expect(providers, label(e)).toContain(e.provider);
      // Refresh-token scopes are the only info entries.
      if (e.severity === 'info') expect(e.why).toMatch(/refresh/);
    }
  });
});

describe('findBroadScopes', () => {
  it('splits on spaces, commas, + and %20, and reports each broad token with its offset', () => {
    const text = 'read:user%20repo+gist,admin:org';
    const hits = findBroadScopes(text, 'github.com');
    expect(hits.map((h) => [h.token.value, h.token.offset])).toEqual([
      ['repo', 12],
      ['gist', 17],
      ['admin:org', 22],
    ]);
    expect(hits[0].providerName).toBe('GitHub');
    expect(hits[0].narrower).toContain('public_repo');
  });

  it('decodes URL-encoded scopes (Google scope URLs in an authorize URL)', () => {
    const hits = findBroadScopes('openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive');
    expect(hits).toHaveLength(1);
    expect(hits[0].token.value).toBe('https://www.googleapis.com/auth/drive');
    expect(hits[0].token.offset).toBe(9);
    expect(hits[0].narrower).toContain('drive.file');
  });

  it('derives the narrower scope from the broad one', () => {
    expect(findBroadScopes('Files.ReadWrite.All')[0].narrower).toContain('`Files.Read.All`');
    expect(findBroadScopes('write_orders', 'shopify')[0].narrower).toBe('`read_orders`');
    expect(findBroadScopes('files:*')[0].narrower).toContain('`files:read`');
  });

  it('reads IAM fields separately from OAuth scopes', () => {
    expect(findBroadScopes('s3:*', undefined, 'iam-action')[0].entry.provider).toBe('aws');
    expect(findBroadScopes('s3:*')[0].entry.provider).toBe('mcp');
    expect(findBroadScopes('roles/owner')).toEqual([]);
    expect(findBroadScopes('roles/owner', undefined, 'iam-role')[0].entry.severity).toBe('critical');
  });

  it('finds nothing in narrow or empty scope strings', () => {
    expect(findBroadScopes('')).toEqual([]);
    expect(findBroadScopes('openid profile email')).toEqual([]);
    expect(findBroadScopes('read:user user:email public_repo', 'github')).toEqual([]);
  });
});

describe('providersIn', () => {
  it('names providers from hosts, identifiers and import sources', () => {
    expect([...providersIn('https://github.com/login/oauth/authorize')].sort()).toEqual(['github', 'mcp']);
    expect([...providersIn('new GitLabStrategy({')]).toEqual(['gitlab']);
    expect([...providersIn('@linear/sdk')]).toEqual(['linear']);
    expect([...providersIn('login.salesforce.com')]).toEqual(['salesforce']);
    expect([...providersIn('gitlab')]).toEqual(['gitlab']);
    // OAuth wording is the context for the MCP server's own generic words (`all`, `full-access`)
    expect([...providersIn('new OAuth2Strategy({')]).toEqual(['mcp']);
    expect([...providersIn('new Container({')]).toEqual([]);
  });
});

describe('splitScopes', () => {
  it('keeps offsets of the tokens as written', () => {
    expect(splitScopes(' a, b%2Cc ')).toEqual([
      { value: 'a', offset: 1, length: 1 },
      { value: 'b', offset: 4, length: 1 },
      { value: 'c', offset: 8, length: 1 },
    ]);
  });
});

describe('dangerousDiscordBits', () => {
  it('finds ADMINISTRATOR (0x8) in numbers, bigints and decimal strings of any size', () => {
    expect(dangerousDiscordBits(8).map((b) => b.name)).toEqual(['ADMINISTRATOR']);
    expect(dangerousDiscordBits(8n).map((b) => b.name)).toEqual(['ADMINISTRATOR']);
    // every bit up to 2^40 - 1 (beyond 32-bit integers)
    expect(dangerousDiscordBits('1099511627775').map((b) => b.name)).toEqual([
      'ADMINISTRATOR', 'MANAGE_GUILD', 'MANAGE_CHANNELS', 'BAN_MEMBERS', 'KICK_MEMBERS', 'MANAGE_ROLES', 'MANAGE_WEBHOOKS',
    ]);
    // bit 3 set in a value larger than Number.MAX_SAFE_INTEGER
    expect(dangerousDiscordBits('36028797018963976').map((b) => b.name)).toEqual(['ADMINISTRATOR']);
  });

  it('finds nothing in minimal permissions or non-numbers', () => {
    expect(dangerousDiscordBits(DISCORD_MINIMAL_PERMISSIONS)).toEqual([]);
    expect(dangerousDiscordBits('68608')).toEqual([]);
    expect(dangerousDiscordBits('0')).toEqual([]);
    expect(dangerousDiscordBits('8abc')).toEqual([]);
    expect(dangerousDiscordBits(-8)).toEqual([]);
    expect(dangerousDiscordBits(8.5)).toEqual([]);
  });
});
