import { describe, expect, it } from 'vitest';
import {
  classifyCredentialName,
  extractAuthSchemeCredential,
  isPlaceholder,
  looksLikeSchemeSecret,
  looksLikeSecretValue,
  SECRET_KEYWORDS,
  shannonEntropy,
} from '../../src/rule-kit/secrets.js';
import { SECRET_PATTERNS } from '../../src/rule-kit/tables/secret-patterns.js';

describe('classifyCredentialName', () => {
  it.each([
    ['password', 'password'],
    ['PASSWORD', 'password'],
    ['dbPassword', 'password'],
    ['DB_PASS', 'password'],
    ['smtp.pass', 'password'],
    ['pass', 'password'],
    ['passwd', 'password'],
    ['pwd', 'password'],
    ['keyPassphrase', 'password'],
    ['config.database.password', 'password'],
    ['apiKey', 'secret'],
    ['api_key', 'secret'],
    ['apikey', 'secret'],
    ['API-KEY', 'secret'],
    ['x-api-key', 'secret'],
    ['X-API-Key', 'secret'],
    ['token', 'secret'],
    ['accessToken', 'secret'],
    ['GITHUB_TOKEN', 'secret'],
    ['githubtoken', 'secret'],
    ['secret', 'secret'],
    ['clientSecret', 'secret'],
    ['client_secret', 'secret'],
    ['webhook_secret', 'secret'],
    ['AWS_ACCESS_KEY', 'secret'],
    ['accessKey', 'secret'],
    ['privateKey', 'secret'],
    ['private_key', 'secret'],
    ['secretKey', 'secret'],
    ['signing_key', 'secret'],
    ['signingKey', 'secret'],
    ['encryptionKey', 'secret'],
    ['authToken', 'secret'],
    ['auth', 'secret'],
    ['bearer', 'secret'],
    ['bearerToken', 'secret'],
    ['credential', 'secret'],
    ['credentials', 'secret'],
    ['Authorization', 'secret'],
    ["headers['Authorization']", 'secret'],
    ['headers["x-api-key"]', 'secret'],
    ['GITHUB_PAT', 'secret'],
    ['OPENAI_API_KEY', 'secret'],
    ['GITHUB_PERSONAL_ACCESS_TOKEN', 'secret'],
  ] as const)('%s -> %s', (name, kind) => {
    expect(classifyCredentialName(name)).toBe(kind);
  });

  it.each([
    'token_url',
    'tokenUrl',
    'token_endpoint',
    'tokenEndpoint',
    'tokenType',
    'token_type',
    'max_tokens',
    'maxTokens',
    'token_count',
    'tokenizer',
    'secret_name',
    'secretName',
    'key_id',
    'keyId',
    'public_key',
    'publicKey',
    'publishableKey',
    'password_field',
    'passwordHash',
    'password_hash',
    'API_KEY_ENV',
    'api_key_env_var',
    'bearer_token_env_var',
    'TOKEN_PATH',
    'secretFile',
    'private_key_file',
    'auth_url',
    'authUri',
    'client_id',
    'apiKeyName',
    'token_label',
    'apiKeyPlaceholder',
    'auth_header_name',
    'authHeadersName',
    'passwordLength',
    'min_password_length',
    'authType',
    'progressToken',
    'nextPageToken',
    'page_token',
    'key',
    'name',
    'bypass',
    'compass',
    'author',
    'oauth',
    'path',
    '',
  ])('%s -> null', (name) => {
    expect(classifyCredentialName(name)).toBeNull();
  });
});

describe('isPlaceholder', () => {
  it.each([
    '',
    '   ',
    'your-api-key',
    'YOUR_API_KEY',
    'YOUR_TOKEN_HERE',
    'your_github_token',
    'api-key-here',
    'paste your key here',
    '<TOKEN>',
    '<your-api-key>',
    'Bearer <token>',
    'xxx',
    'xxxxxxxxxxxxxxxx',
    'XXXX-XXXX-XXXX',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '***',
    '********',
    'changeme',
    'change-me',
    'CHANGE_ME',
    'sk-...',
    'sk-…',
    'example',
    'example-token-123',
    'dummy',
    'dummy_secret_value',
    'fake-key',
    'redacted',
    '[REDACTED]',
    'replace-me',
    'REPLACE_ME',
    '...',
    'aaaaaaaaaaaa',
    '000000000000',
    'abcdefghijklmnop',
    '1234567890',
    'sk_live_123456789012',
    'sk_live_000000000000000000000000',
    '00000000-0000-0000-0000-000000000000',
    '${API_KEY}',
    '${env:GITHUB_TOKEN}',
    '${input:apiKey}',
    'Bearer ${TOKEN}',
    '$API_KEY',
    '{env:API_KEY}',
    '%API_KEY%',
    '{{ secrets.API_KEY }}',
    'process.env.API_KEY',
    'password',
    'secret',
    'test',
    'placeholder',
    'not-a-real-key',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    'Qm7vT2xK9pL4wR8nZ3cF6hJ1',
    '9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj',
    'hunter2',
    'Tr0ub4dor&3',
    'ghp_Wq4nT7kP2xZ9mL5vR8cB3dF6hJ1sG0aYeUiO',
    'AKIAQ3EGRTX7ZLMNWB5D',
    'sk_test_Hn3Kx8Pq2Vz7Lm4Rt9Wb6Yc1',
    'abc123',
    'theretofore',
    '$5',
  ])('%j is not a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it('does not read words or zero-byte runs into long key material', () => {
    const material = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC${'q7Zp2Lw9Xk4Rt8Vb3Nc6Hj1Ms5Df0Gy'.repeat(4)}AAAAAAAAfakeExampleSample`;
    expect(material.length).toBeGreaterThan(128);
    expect(isPlaceholder(material)).toBe(false);
    expect(isPlaceholder(`${material}xxxx`)).toBe(true);
  });
});

describe('looksLikeSecretValue', () => {
  it.each([
    ['Qm7vT2xK9pL4wR8nZ3cF6hJ1', 'secret'],
    ['9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj', 'secret'],
    ['3f9a1c7e5b2d8f604a1e9c3b7d5f2a8e', 'secret'],
    ['kJhGfDsAqWeRtYuI', 'secret'],
    ['q8Z-v2_Lm4Rt9Wb6', 'secret'],
    ['hunter2', 'password'],
    ['Tr0ub4dor&3', 'password'],
    ['s3cr3t!pw', 'password'],
    ['Qm7vT2xK9pL4wR8nZ3cF6hJ1', 'password'],
  ] as const)('%j looks like a %s', (value, kind) => {
    expect(looksLikeSecretValue(value, kind)).toBe(true);
  });

  it.each([
    ['', 'secret'],
    ['', 'password'],
    ['abc12', 'password'],
    ['sunshine', 'password'],
    ['password', 'password'],
    ['changeme', 'password'],
    ['your-password', 'password'],
    ['${DB_PASSWORD}', 'password'],
    ['Ab3dE9', 'secret'],
    ['short1A', 'secret'],
    ['session-token', 'secret'],
    ['Authorization', 'secret'],
    ['x-api-key', 'secret'],
    ['mySecretApiKey', 'secret'],
    ['GITHUB_PERSONAL_ACCESS_TOKEN', 'secret'],
    ['SESSION_TOKEN_2', 'secret'],
    ['your-api-key', 'secret'],
    ['<TOKEN>', 'secret'],
    ['${GITHUB_TOKEN}', 'secret'],
    ['$GITHUB_TOKEN', 'secret'],
    ['{env:GITHUB_TOKEN}', 'secret'],
    ['%GITHUB_TOKEN%', 'secret'],
    ['process.env.GITHUB_TOKEN', 'secret'],
    ['https://api.example.com/oauth/token', 'secret'],
    ['https://auth.internal/token?grant=client', 'secret'],
    ['./secrets/api-key.txt', 'secret'],
    ['/etc/ssl/private/server.key', 'secret'],
    ['~/.config/token', 'secret'],
    ['service-account.json', 'secret'],
    ['client_secret.json', 'secret'],
    ['Bearer Qm7vT2xK9pL4wR8nZ3cF6hJ1', 'secret'],
    ['aaaaaaaaaaaaaaaa', 'secret'],
    ['abcdefghijkl1234', 'secret'],
    ['111122223333', 'secret'],
    ['xxxxxxxxxxxxxxxxxxxx', 'secret'],
    ['newaccess123', 'secret'],
    ['client-secret-12345', 'secret'],
  ] as const)('%j does not look like a %s', (value, kind) => {
    expect(looksLikeSecretValue(value, kind)).toBe(false);
  });
});

describe('looksLikeSchemeSecret', () => {
  const basic = (userPass: string) => Buffer.from(userPass).toString('base64');
  it.each([
    ['Bearer', '9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj'],
    ['Basic', basic('svc-reports:Hq7Lm2Zx9Vb4Nc1Rt6Yh')],
    ['Basic', 'Qm7vT2xK9pL4wR8nZ3cF6hJ1'],
  ])('%s %s is a credential', (scheme, credential) => expect(looksLikeSchemeSecret(scheme, credential)).toBe(true));
  it.each([
    ['Basic', basic('user:pass')],
    ['Basic', basic('client123:secret123')],
    ['Basic', basic('admin:changeme')],
    ['Bearer', 'newaccess123'],
  ])('%s %s is a stand-in', (scheme, credential) => expect(looksLikeSchemeSecret(scheme, credential)).toBe(false));
});

describe('shannonEntropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });
});

describe('extractAuthSchemeCredential', () => {
  it.each([
    ['Bearer Qm7vT2xK9pL4wR8nZ3cF6hJ1', { scheme: 'Bearer', credential: 'Qm7vT2xK9pL4wR8nZ3cF6hJ1', offset: 7 }],
    ['bearer  abc.def.ghi', { scheme: 'bearer', credential: 'abc.def.ghi', offset: 8 }],
    ['Basic dXNlcjpwYXNzd29yZA==', { scheme: 'Basic', credential: 'dXNlcjpwYXNzd29yZA==', offset: 6 }],
    ['token ghp_Wq4nT7kP2xZ9mL5vR8cB3dF6hJ1sG0aYeUiO', { scheme: 'token', credential: 'ghp_Wq4nT7kP2xZ9mL5vR8cB3dF6hJ1sG0aYeUiO', offset: 6 }],
    ['Bot MTA4NjU3.GxYz12.abc', { scheme: 'Bot', credential: 'MTA4NjU3.GxYz12.abc', offset: 4 }],
    ['Authorization: Bearer Qm7vT2xK9pL4', { scheme: 'Bearer', credential: 'Qm7vT2xK9pL4', offset: 22 }],
    ['--header=Authorization: Bearer Qm7vT2xK9pL4', { scheme: 'Bearer', credential: 'Qm7vT2xK9pL4', offset: 31 }],
    ['Bearer ${API_TOKEN}', { scheme: 'Bearer', credential: '${API_TOKEN}', offset: 7 }],
  ] as const)('%j', (value, expected) => {
    expect(extractAuthSchemeCredential(value)).toEqual(expected);
  });

  it.each([
    'Bearer',
    'Bearer ',
    'Qm7vT2xK9pL4wR8nZ3cF6hJ1',
    'Bearer realm="mcp", error="invalid_token"',
    'the token is invalid',
    'Bearer abc def',
    'Digest username="x"',
    'BearerQm7vT2xK9pL4',
  ])('%j -> null', (value) => {
    expect(extractAuthSchemeCredential(value)).toBeNull();
  });
});

describe('SECRET_KEYWORDS', () => {
  it('is lowercase, unique, and covers every catalog keyword and the credential-name words', () => {
    expect(new Set(SECRET_KEYWORDS).size).toBe(SECRET_KEYWORDS.length);
    for (const k of SECRET_KEYWORDS) expect(k).toBe(k.toLowerCase());
    for (const p of SECRET_PATTERNS) for (const k of p.keywords) expect(SECRET_KEYWORDS).toContain(k);
    for (const w of ['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'bearer', 'authorization', 'credential', 'access_key', 'private_key', 'signing_key']) {
      expect(SECRET_KEYWORDS).toContain(w);
    }
  });

  it('prefilters every name classifyCredentialName accepts', () => {
    for (const name of ['dbPassword', 'X-API-Key', 'clientSecret', 'GITHUB_PAT', 'signingKey', 'encryptionKey', 'auth']) {
      expect(classifyCredentialName(name)).not.toBeNull();
      expect(SECRET_KEYWORDS.some((k) => name.toLowerCase().includes(k)), name).toBe(true);
    }
  });
});
