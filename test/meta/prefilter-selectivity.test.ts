import fc from 'fast-check';
import { Linter } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { Prefilter } from '../../src/engine/prefilter.js';
import type { Keyword, McpRuleModule } from '../../src/rule-kit/create-rule.js';
import plugin from '../../src/plugin/index.js';
import { classifyCredentialName } from '../../src/rule-kit/secrets.js';
import { CREDENTIAL_SOURCE_KEYWORDS } from '../../src/rule-kit/sources.js';
import { isSecretName, isSignatureName, SECRET_NAME_KEYWORDS, SIGNATURE_NAME_KEYWORDS } from '../../src/rule-kit/tables/auth-primitives.js';
import { CREDENTIAL_HEADERS } from '../../src/rule-kit/tables/identity-headers.js';

/**
 * The secret-flow rules' keywords are narrow (issue 2): everyday app files (paths, authors, React keys, loggers,
 * `content`) are skipped, and every shape the rules report still gets through, including the shapes the older,
 * broader lists missed (`audit.warn`, `mcpReq.info`, a prompt's `messages`).
 */
const selects = (id: string, text: string) => new Prefilter([[id, rules[id]]]).select(text).has(id);

const linter = new Linter({ configType: 'flat', cwd: resolve('.') });
const reportsOf = (id: string, text: string) =>
  linter.verify(text, plugin.configs.recommended, { filename: resolve('src/handler.ts') }).filter((m) => m.ruleId === `mcp-audit/${id}`);

const words = fc.constantFrom('api', 'access', 'client', 'auth', 'secret', 'key', 'token', 'password', 'mac', 'hmac', 'signature', 'digest', 'user', 'path', 'item', 'github', 'id', 'cookie', 'bearer', 'x');
/** Names in the spellings code uses: camelCase, snake, SCREAMING, kebab (headers). */
const names = fc.tuple(fc.array(words, { minLength: 1, maxLength: 3 }), fc.constantFrom('camel', 'snake', 'screaming', 'kebab')).map(([ws, style]) => {
  if (style === 'camel') return ws.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
  if (style === 'kebab') return ws.join('-');
  return style === 'snake' ? ws.join('_') : ws.join('_').toUpperCase();
});
/** Does the prefilter, holding only these keywords, let a file through that uses the name (with `word` semantics)? */
const containsOne = (name: string, keywords: readonly Keyword[]) =>
  new Prefilter([['t', { meta: { mcpAudit: { keywords } } } as unknown as McpRuleModule]]).select(`if (${name} == x) use(obj.${name});`).has('t');

describe('name keyword tables', () => {
  it('every secret name contains a SECRET_NAME_KEYWORDS entry, every signature name a SIGNATURE_NAME_KEYWORDS one', () => {
    let secret = 0;
    fc.assert(
      fc.property(names, (n) => {
        if (isSecretName(n)) secret++;
        expect(!isSecretName(n) || containsOne(n, SECRET_NAME_KEYWORDS), n).toBe(true);
        expect(!isSignatureName(n) || containsOne(n, SIGNATURE_NAME_KEYWORDS), n).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(secret).toBeGreaterThan(200);
    // `key` alone is not a keyword: React `key={…}` and map keys are everywhere
    expect(SECRET_NAME_KEYWORDS).not.toContain('key');
  });

  it('credential sources need a credential header name, `header`, `authInfo` or `env`', () => {
    for (const h of CREDENTIAL_HEADERS) expect(CREDENTIAL_SOURCE_KEYWORDS).toContain(h);
    expect(CREDENTIAL_SOURCE_KEYWORDS).toEqual(expect.arrayContaining(['header', 'authinfo', 'env']));
  });

  it('`auth` and `pat` name a credential only as the last word', () => {
    for (const n of ['auth', 'npm_auth', 'GITHUB_PAT', 'adoPat', 'basicAuth']) expect(classifyCredentialName(n), n).toBe('secret');
    for (const n of ['patHistory', 'authValue', 'author', 'path', 'pattern', 'AUTH_PAGE']) expect(classifyCredentialName(n), n).toBeNull();
  });
});

const SUPABASE_SERVICE_JWT = [{ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'service_role', iat: 1700000000 }]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('Qm3xT8vK2pL9wR4nZ7cY5hJ1fD6gS0aE')
  .join('.');

/** One reporting shape per line of each rule's list: every one reports, and every one passes the prefilter. */
const REPORTED: Array<[string, string]> = [
  ['no-secret-logging', 'export function h(req: unknown) {\n  console.log(req);\n}\n'],
  ['no-secret-logging', 'declare const audit: { warn(x: unknown): void };\naudit.warn(process.env);\n'],
  ['no-secret-logging', 'export function t(extra: any) {\n  extra.mcpReq.warn(extra.authInfo);\n}\n'],
  ['no-secret-logging', 'declare const debug: (x: unknown) => void;\nexport function t(apiKey: string) {\n  debug(apiKey);\n}\n'],
  ['no-secret-in-tool-result', 'export function p() {\n  return { messages: [process.env.GITHUB_TOKEN] };\n}\n'],
  ['no-secret-in-tool-result', "import { readFileSync } from 'node:fs';\nexport const t = () => ({ content: [{ type: 'text', text: readFileSync('.env', 'utf8') }] });\n"],
  ['no-timing-unsafe-secret-compare', "export function ok(req: any, expected: string) {\n  return req.headers['x-hub-signature'] !== expected;\n}\n"],
  ['no-timing-unsafe-secret-compare', 'export function ok(apiKey: string, provided: string) {\n  return apiKey === provided;\n}\n'],
  ['no-presence-only-auth', 'export function mw(req: unknown, res: unknown, next: () => void) {\n  if (!process.env.MCP_API_KEY) return next();\n}\n'],
  ['no-hardcoded-secrets', "export const GITHUB_PAT = 'Zq8vT3mK9pW2xL7rQ4nBc5Hd';\n"],
  ['no-hardcoded-secrets', "export const opts = { auth: 'Zq8vT3mK9pW2xL7rQ4nBc5Hd' };\n"],
  ['no-hardcoded-secrets', "export const sid = 'SKc79fa2b8bd455846256f84cd882ead34';\n"],
  ['no-hardcoded-secrets', `export const service = '${SUPABASE_SERVICE_JWT}';\n`],
  ['no-hardcoded-secrets', "import jwt from 'jsonwebtoken';\nexport const t = (p: object) => jwt.sign(p, 'Zq8vT3mK9pW2xL7rQ4nBc5Hd');\n"],
  ['no-hardcoded-secrets', "import { sign } from 'jsonwebtoken';\nexport const t = (p: object) => sign(p, 'Zq8vT3mK9pW2xL7rQ4nBc5Hd');\n"],
];

/** Everyday application code with the words that used to let every file through. */
const SKIPPED: Array<[string, string]> = [
  ['no-secret-logging', "import { logger } from './logger';\nexport function run(items: number[]) {\n  logger.debug('path processed', { count: items.length });\n}\n"],
  ['no-secret-in-tool-result', "export const Card = ({ item }: { item: { content: string } }) => ({ content: item.content, author: item.author });\n"],
  ['no-timing-unsafe-secret-compare', 'export const List = ({ items }: { items: Array<{ id: string; key: string }> }) => items.filter((x) => x.key !== undefined);\n'],
  ['no-presence-only-auth', 'export const keys = (o: Record<string, number>) => Object.keys(o).map((key) => ({ key, authorId: o[key] }));\n'],
  ['no-hardcoded-secrets', "export const merged = Object.assign({}, { design: 'Zq8vT3mK9pW2xL7rQ4nBc5Hd' });\n"],
  ['no-hardcoded-secrets', "export const authorPattern = /x/; export const pathname = '/tasks'; export const patchTask = (taskCache: unknown, keyJson: string) => [taskCache, keyJson];\n"],
];

describe('secret-flow rules: narrow keywords', () => {
  it.each(REPORTED)('%s reports and is selected: %s', (id, code) => {
    expect(reportsOf(id, code).length).toBeGreaterThan(0);
    expect(selects(id, code)).toBe(true);
  });

  it.each(SKIPPED)('%s skips everyday code: %s', (id, code) => {
    expect(reportsOf(id, code)).toEqual([]);
    expect(selects(id, code)).toBe(false);
  });
});
