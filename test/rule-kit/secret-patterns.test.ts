import { describe, expect, it } from 'vitest';
import { isKnownNonSecret, scanForProviderSecrets } from '../../src/rule-kit/secrets.js';
import { NON_SECRET_FORMATS, SECRET_PATTERNS } from '../../src/rule-kit/tables/secret-patterns.js';

/** Names each nameHint entry's examples are assigned to, as a rule would pass them. */
const HINT_NAMES: Record<string, string[]> = {
  'mistral-api-key': ['MISTRAL_API_KEY', 'mistralApiKey'],
  'aws-secret-access-key': ['AWS_SECRET_ACCESS_KEY', 'secretAccessKey', 'aws.secret_key'],
  'heroku-api-key': ['herokuApiKey', 'HEROKU_API_KEY'],
  'vercel-token': ['VERCEL_TOKEN'],
  'cloudflare-api-token': ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'],
  'twilio-auth-token': ['TWILIO_AUTH_TOKEN', 'twilioAuthToken'],
  'notion-legacy-token': ['notionToken', 'NOTION_API_KEY'],
  'datadog-api-key': ['DATADOG_API_KEY', 'DD_API_KEY', 'DD_APP_KEY'],
  'discord-bot-token': ['DISCORD_BOT_TOKEN', 'discordToken'],
};
const namesFor = (id: string): (string | undefined)[] => HINT_NAMES[id] ?? [undefined];

const idsOf = (text: string, name?: string) => scanForProviderSecrets(text, name).map((h) => h.patternId);

describe('secret pattern catalog', () => {
  it('has at least 45 entries with unique kebab-case ids', () => {
    const ids = SECRET_PATTERNS.map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('names a hint name for exactly the nameHint entries, and each hint name matches', () => {
    const hinted = SECRET_PATTERNS.filter((p) => p.nameHint);
    expect(hinted.map((p) => p.id).sort()).toEqual(Object.keys(HINT_NAMES).sort());
    for (const p of hinted) for (const n of HINT_NAMES[p.id]) expect(p.nameHint!.test(n), n).toBe(true);
  });

  it('has no /g or /y flag on catalog regexes (the matcher adds its own)', () => {
    for (const p of SECRET_PATTERNS) expect(p.regex.flags, p.id).not.toMatch(/[gy]/);
  });

  for (const p of SECRET_PATTERNS) {
    describe(p.id, () => {
      const names = namesFor(p.id);
      it('has lowercase keywords, each occurring in a match example, and one in every match example', () => {
        expect(p.keywords.length).toBeGreaterThan(0);
        const texts = p.examples.match.flatMap((m) => names.map((n) => `${m}\n${n ?? ''}`.toLowerCase()));
        for (const k of p.keywords) {
          expect(k).toBe(k.toLowerCase());
          // The prefilter indexes keywords by their first two characters.
          expect(k.length).toBeGreaterThanOrEqual(2);
          expect(texts.some((t) => t.includes(k)), `keyword ${k}`).toBe(true);
        }
        for (const t of texts) expect(p.keywords.some((k) => t.includes(k)), t).toBe(true);
      });

      it('has at least one match and one noMatch example', () => {
        expect(p.examples.match.length).toBeGreaterThan(0);
        expect(p.examples.noMatch.length).toBeGreaterThan(0);
      });

      it.each(p.examples.match)('finds %s', (example) => {
        for (const name of names) {
          expect(idsOf(example, name), name).toContain(p.id);
          // Embedded in a larger string too.
          expect(idsOf(`const v = "${example}";`, name), name).toContain(p.id);
        }
      });

      it.each(p.examples.noMatch)('does not report %s', (example) => {
        for (const name of names) expect(idsOf(example, name), name).not.toContain(p.id);
      });

      if (p.nameHint) {
        it('is not reported without a matching name', () => {
          for (const example of p.examples.match) {
            expect(idsOf(example)).not.toContain(p.id);
            expect(idsOf(example, 'unrelatedValue')).not.toContain(p.id);
            // Naming the provider is not enough: an id or URL setting is not its key.
            const provider = p.provider.split(' ')[0].toUpperCase();
            expect(idsOf(example, `${provider}_APP_ID`)).not.toContain(p.id);
          }
        });
      }
    });
  }
});

describe('scanForProviderSecrets', () => {
  it('masks every evidence string and reports offsets of the secret part', () => {
    for (const p of SECRET_PATTERNS) {
      for (const example of p.examples.match) {
        const text = `x = '${example}'`;
        for (const hit of scanForProviderSecrets(text, namesFor(p.id)[0])) {
          expect(hit.evidence).not.toContain(hit.secret);
          expect(hit.evidence).toMatch(/…\(\d+ chars\)$/);
          expect(text.slice(hit.start, hit.end)).toBe(hit.secret);
        }
      }
    }
  });

  it('returns only the password of a database URL, with its offsets', () => {
    const url = 'postgres://app:Zq8vT3mK9pW2xL7r@db.internal:5432/app';
    const [hit] = scanForProviderSecrets(url);
    expect(hit).toMatchObject({ patternId: 'database-url-password', secret: 'Zq8vT3mK9pW2xL7r', start: 15, end: 31 });
    expect(hit.evidence).toBe('Zq…(16 chars)');
  });

  it('shows the documented public prefix and rotate url', () => {
    const [hit] = scanForProviderSecrets('ghp_Wq4nT7kP2xZ9mL5vR8cB3dF6hJ1sG0aYeUiO');
    expect(hit).toMatchObject({ patternId: 'github-pat-classic', provider: 'GitHub', severity: 'high', start: 0, end: 40 });
    expect(hit.evidence).toBe('ghp_…(40 chars)');
    expect(hit.rotateUrl).toBe('https://github.com/settings/tokens');
  });

  it('reports a service-account key once, as the Google entry, not again as a bare private key', () => {
    const sa = SECRET_PATTERNS.find((p) => p.id === 'gcp-service-account-key')!.examples.match[0];
    expect(idsOf(sa)).toEqual(['gcp-service-account-key']);
  });

  it('finds several secrets in one text, in order', () => {
    const text = 'A=AKIAQ3EGRTX7ZLMNWB5D B=xoxb-351819093786-5797543231948-Hk7Lm2Nq9Rt4Vw8Xz3Bc6Df1 C=sk_test_Hn3Kx8Pq2Vz7Lm4Rt9Wb6Yc1';
    expect(idsOf(text)).toEqual(['aws-access-key-id', 'slack-bot-token']);
  });

  it('finds nothing in ordinary text', () => {
    expect(scanForProviderSecrets('const server = new McpServer({ name: "demo", version: "1.0.0" });')).toEqual([]);
    expect(scanForProviderSecrets('')).toEqual([]);
  });

  it('stays fast on long adversarial input', () => {
    const inputs = [
      `-----BEGIN PRIVATE KEY-----${'A'.repeat(50_000)}`,
      `postgres://${'a:'.repeat(20_000)}`,
      `eyJ${'a'.repeat(30_000)}.eyJ${'b'.repeat(30_000)}`,
      'xoxb-1234567890-'.repeat(5_000),
    ];
    const t0 = performance.now();
    for (const input of inputs) scanForProviderSecrets(input, 'AWS_SECRET_ACCESS_KEY');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('isKnownNonSecret: documented test, publishable and example keys', () => {
  it('has unique kebab-case ids and examples on both sides for every format', () => {
    const ids = NON_SECRET_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of NON_SECRET_FORMATS) {
      expect(f.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(f.examples.match.length, f.id).toBeGreaterThan(0);
      expect(f.examples.noMatch.length, f.id).toBeGreaterThan(0);
    }
  });

  for (const f of NON_SECRET_FORMATS) {
    describe(f.id, () => {
      it.each(f.examples.match)('accepts %s, also with surrounding whitespace', (example) => {
        expect(f.test(example)).toBe(true);
        expect(isKnownNonSecret(` ${example}\n`)).toBe(true);
      });
      it.each(f.examples.noMatch)('does not accept %s', (example) => {
        expect(f.test(example)).toBe(false);
        expect(isKnownNonSecret(example)).toBe(false);
      });
      it('only matches whole values', () => {
        for (const example of f.examples.match) expect(isKnownNonSecret(`key=${example}`)).toBe(false);
      });
    });
  }

  it('accepts the catalog allow values (AWS documentation keys, the Azurite account key)', () => {
    expect(isKnownNonSecret('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(isKnownNonSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(isKnownNonSecret('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==')).toBe(true);
  });

  it('never accepts a catalog match example: a real secret format is not a known non-secret', () => {
    for (const p of SECRET_PATTERNS) for (const example of p.examples.match) expect(isKnownNonSecret(example), `${p.id} ${example}`).toBe(false);
  });

  it('is what the catalog skips: no entry reports a known non-secret value', () => {
    for (const f of NON_SECRET_FORMATS) for (const example of f.examples.match) expect(idsOf(example), example).toEqual([]);
  });
});
