import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_HEADERS,
  IDENTITY_ARGUMENT_KEYWORDS,
  IDENTITY_ARGUMENTS,
  IDENTITY_HEADERS,
  isCredentialHeader,
  isIdentityArgument,
  isIdentityHeader,
} from '../../src/rule-kit/tables/identity-headers.js';
import { isSecretName, isSignatureName, JWT_ASYMMETRIC, JWT_HMAC, nameWords, VERIFICATION_CALL } from '../../src/rule-kit/tables/auth-primitives.js';
import { MORGAN_SECRET_TOKENS, SECRET_FILES } from '../../src/rule-kit/tables/outbound.js';

describe('identity headers', () => {
  it.each(['x-user-id', 'X-Forwarded-Email', 'x-remote-user', 'x-auth-request-email', 'x-ms-client-principal-name', 'cf-access-authenticated-user-email', 'x-goog-authenticated-user-email', 'x-amzn-oidc-identity', 'x-tenant-id', 'x-roles', 'X-User-Role', 'x-user-groups', 'remote-groups', 'x-authentik-username', 'x-pomerium-claim-email'])(
    '%s carries identity',
    (h) => expect(isIdentityHeader(h)).toBe(true),
  );
  it.each(['x-request-id', 'traceparent', 'x-correlation-id', 'user-agent', 'authorization', 'mcp-session-id'])('%s does not', (h) =>
    expect(isIdentityHeader(h)).toBe(false),
  );
  it('credential headers are not identity headers, and the lists are lowercase and unique', () => {
    for (const list of [IDENTITY_HEADERS, CREDENTIAL_HEADERS]) {
      expect(list.every((h) => h === h.toLowerCase())).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(CREDENTIAL_HEADERS.some((h) => isIdentityHeader(h))).toBe(false);
    expect(isCredentialHeader('Authorization')).toBe(true);
    expect(isCredentialHeader('x-request-id')).toBe(false);
  });
  it('identity arguments are unique', () => expect(new Set(IDENTITY_ARGUMENTS).size).toBe(IDENTITY_ARGUMENTS.length));
});

describe('identity arguments', () => {
  const claiming = ['userId', 'actingAgent', 'actorEmail', 'callerRole', 'requesterEmail', 'current_user_id', 'onBehalfOf', 'on_behalf_of', 'requested_by', 'performedBy', 'runAs', 'isSupervisor', 'is_admin'];
  it.each(claiming)('%s claims who is calling', (n) => expect(isIdentityArgument(n)).toBe(true));
  it.each(['targetUserId', 'ownerId', 'assigneeEmail', 'currentPage', 'current', 'actingOn', 'requestId', 'actionType', 'isActive', 'username', 'email'])(
    '%s does not',
    (n) => expect(isIdentityArgument(n)).toBe(false),
  );
  it('every claiming name contains a keyword of the prefilter', () => {
    for (const n of claiming) expect(IDENTITY_ARGUMENT_KEYWORDS.some((k) => n.toLowerCase().includes(k))).toBe(true);
  });
});

describe('secret names', () => {
  it('splits camelCase, snake_case and kebab-case', () => {
    expect(nameWords('apiKey')).toEqual(['api', 'key']);
    expect(nameWords('GITHUB_TOKEN')).toEqual(['github', 'token']);
    expect(nameWords('x-api-key')).toEqual(['x', 'api', 'key']);
  });
  it.each(['token', 'accessToken', 'JWT_SECRET', 'apiKey', 'API_KEY', 'clientSecret', 'password', 'authorization', 'x-api-key', 'privateKey'])(
    '%s is secret',
    (n) => expect(isSecretName(n)).toBe(true),
  );
  it.each(['tokenCount', 'tokenType', 'key', 'secretName', 'passwordField', 'maxTokens', 'tokenUrl', 'keyId', 'authHeader'])('%s is not', (n) =>
    expect(isSecretName(n)).toBe(false),
  );
});

describe('signature names', () => {
  it.each(['x-hub-signature-256', 'stripe-signature', 'webhookHmac', 'x-slack-signature'])('%s is a MAC', (n) => expect(isSignatureName(n)).toBe(true));
  it.each(['x-request-id', 'machine', 'design', 'macro'])('%s is not', (n) => expect(isSignatureName(n)).toBe(false));
});

describe('auth primitives', () => {
  it.each(['verify', 'jwtVerify', 'introspectToken', 'timingSafeEqual', 'findUnique', 'getUserByApiKey', 'fetch', 'has', '_verifyAccessToken', 'getMcpSession'])('%s verifies', (n) =>
    expect(VERIFICATION_CALL.test(n)).toBe(true),
  );
  it.each(['startsWith', 'split', 'next', 'json', 'status', 'decode', '_decode', 'getBearerToken'])('%s does not', (n) => expect(VERIFICATION_CALL.test(n)).toBe(false));
  it('sorts JWT algorithms into families', () => {
    expect(['HS256', 'HS512'].every((a) => JWT_HMAC.test(a))).toBe(true);
    expect(['RS256', 'ES384', 'PS512', 'EdDSA'].every((a) => JWT_ASYMMETRIC.test(a))).toBe(true);
    expect(JWT_HMAC.test('RS256') || JWT_ASYMMETRIC.test('HS256') || JWT_ASYMMETRIC.test('none')).toBe(false);
  });
});

describe('outbound tables', () => {
  it('recognises secret files', () => {
    for (const f of ['.env', 'config/.env.production', 'certs/server.pem', '/home/u/.ssh/id_ed25519', '.aws/credentials', '.npmrc']) expect(SECRET_FILES.test(f), f).toBe(true);
    for (const f of ['README.md', '.env.example.md', 'environment.ts', 'src/env.ts']) expect(SECRET_FILES.test(f), f).toBe(false);
  });
  it('recognises morgan tokens that print credentials', () => {
    expect(MORGAN_SECRET_TOKENS.test(':method :url :req[Authorization]')).toBe(true);
    expect(MORGAN_SECRET_TOKENS.test(':method :url :req[x-request-id]')).toBe(false);
  });
});
