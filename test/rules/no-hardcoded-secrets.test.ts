import rule from '../../rules/no-hardcoded-secrets.js';
import { jsRuleTester } from '../rule-tester.js';

// Every value below is made up; each only has the shape of its provider's format.
const GITHUB = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d';
const STRIPE_LIVE = 'sk_live_KLzdocJ2isAjIhKtJ0RlgLKO';
const SLACK_BOT = 'xoxb-351819093786-5797543231948-F4vUCsMehGAkWvj7FAc9QeWJ';
const AWS_ID = 'AKIAUVW75EFR6EDT4SYW';
const AWS_SECRET = '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';
const SUPABASE_ANON =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3a2RqZmh0eXJ1ZWl3b3Bsa21uIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.Xq3vR8kLm2NpT6wYz9Ab4Cd7Ef1Gh5Ij0Kl3Mn6Op8';
const STRIPE_TEST = 'sk_test_51ZwNmuoIfN2FYy6LIvMcEvi9cHR7lZb';
const SUPABASE_PAT = 'sbp_0b15d5d56b6a7a838680d47708ce99fb07888a4f';
const MAPBOX_PUBLIC = 'pk.eyJ1IjoiZGVtby11c2VyIiwiYSI6Imd6b3FkOGQza2xzbm1zNXptY2xoNTY3cmsifQ.eyNLuXD3-d_XdF5nIkNaYJ';
const MAPBOX_SECRET = 'sk.eyJ1IjoiZGVtby11c2VyIiwiYSI6Im5obDc3cTc2ZHRnbnR2aTU1N3FvbmJycXIifQ.EXBtKos9dN8Pj9esB_L7LO';
const SUPABASE_SERVICE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3a2RqZmh0eXJ1ZWl3b3Bsa21uIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.Rf5tG7hJ2kL9mN4bV6cX1zQ8wE3rT0yU7iO5pA2sD4';

jsRuleTester().run('no-hardcoded-secrets', rule, {
  valid: [
    // read at run time
    'const token = process.env.GITHUB_TOKEN;',
    'const client = new Octokit({ auth: process.env.GH_TOKEN });',
    'fetch(url, { headers: { Authorization: `Bearer ${token}` } });',
    // placeholders
    "const apiKey = 'your-api-key';",
    "const token = '<TOKEN>';",
    "const secret = 'xxxxxxxxxxxxxxxxxxxxxxxx';",
    "const password = 'changeme';",
    "const openaiKey = 'sk-...';",
    "const headers = { Authorization: 'Bearer <your-token-here>' };",
    // documented test keys and public keys
    "const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');",
    "const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';",
    "const publishable = 'pk_live_51Hc9xK2eZvKYlo2CzQ8rT5mN';",
    `const supabase = createClient(url, '${SUPABASE_ANON}');`,
    // ... also where the name says credential: the name-based check asks isKnownNonSecret first
    `const STRIPE_SECRET_KEY = '${STRIPE_TEST}';`,
    "const STRIPE_API_KEY = 'rk_test_KvxbCnQzUjgJhg0qQdAupP1c';",
    `const headers = { Authorization: 'Bearer ${STRIPE_TEST}' };`,
    `const options = { apiKey: '${SUPABASE_ANON}' };`,
    "const options = { apiKey: 'sb_publishable_uqvway-LGv9HVy9OcbOvFYyHFumWu1y' };",
    "const stripe = { secretKey: 'pk_test_G5txyJAoNnKcCS6qQPpvxiwnpfoXCwzqYmNCgh2e' };",
    `const MAPBOX_ACCESS_TOKEN = '${MAPBOX_PUBLIC}';`,
    "const posthogApiKey = 'phc_FFFzCnmuxwO7cfvY8b3nji4iFuv9IxTQUVK7DzDJcsk';",
    // the Azurite storage emulator's documented account key (a catalog `allow` value)
    "const storageAccessKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';",
    // credential-ish names that are not credentials
    "const tokenUrl = 'https://oauth2.googleapis.com/token';",
    "const passwordField = 'password-input';",
    "const maxTokens = '4096';",
    "const secretName = 'prod/db/password';",
    "const authHeader = 'Authorization';",
    "import token from 'token-library';",
    "const tokenType = 'Bearer';",
    // WWW-Authenticate challenges carry auth-params, not credentials
    "res.set('WWW-Authenticate', 'Basic realm=\"oauth\"');",
    "const headers = { 'www-authenticate': 'Bearer error=\"invalid_token\", error_description=\"expired\"' };",
    // human-written demo values, not generated secrets
    "const app = { clientSecret: 'demo-m2m-secret' };",
    "const jwtOptions = { privateKey: 'a-string-secret-at-least-256-bits-long' };",
    // words with a count from 1 (test fixtures), also inside Basic's base64 of user:password
    "const tokens = { access_token: 'rotatedaccess123', refresh_token: 'rotatedrefresh1234' };",
    "expect(sent.get('Authorization')).toBe('Basic Y2ktcnVubmVyOmJ1aWxkZXIxMjM=');",
    "const malformed = ['Basic YWRtaW46Y2hhbmdlbWU=', 'Bearer'];",
    // a value that restates its own name: the name of an env var, a keychain entry or a CLI command
    "const KEYS = { REFRESH_TOKEN: 'AUTH0_REFRESH_TOKEN', TOKEN_EXPIRES_AT: 'AUTH0_TOKEN_EXPIRES_AT' };",
    "const COMMANDS = { PG_CREDENTIALS: 'pg:credentials' };",
    "const apiKeyVar = { apiKey: 'OPENAI_API_KEY' };",
    // the value is the part of a token the name says it is a prefix of
    "const CUSTOM_TOKEN_PREFIX_ORPHEUS = '<custom_token_';",
    // a key its author declares public (a search-only key that ships in client code)
    "const ALGOLIA = {\n  appId: 'N8EOC5BQGH',\n  apiKey: 'f03c81a4be1d4a2c8c4e7b0d9a6e5f21', // search-only (public) API key\n};",
    "// publishable key, safe to commit\nconst clientKey = 'Lr8Tq3Vx6Nz1Kp5Wm9Hc2Fd';",
    // inline suppression with a reason (the CLI lists it as suppressed)
    `// mcp-audit-ignore no-hardcoded-secrets -- sandbox token without scopes\nconst token = '${GITHUB}';`,
    `const token = '${GITHUB}'; // mcp-audit-ignore no-hardcoded-secrets -- revoked`,
  ],
  invalid: [
    {
      // near misses of the above: a name's words followed by generated material, a comment that is no such statement
      code: "const githubToken = 'github_token_9f8a7b6c5d4e3f2a1b0c';\nconst apiKey = 'f03c81a4be1d4a2c8c4e7b0d9a6e5f21'; // used by the public search page",
      errors: [
        { messageId: 'credential', line: 1, column: 21 },
        { messageId: 'credential', line: 2, column: 16 },
      ],
    },
    {
      code: `const token = '${GITHUB}';`,
      errors: [{ messageId: 'provider', line: 1, column: 16, endColumn: 56 }],
    },
    {
      code: `const client = new Stripe('${STRIPE_LIVE}');`,
      errors: [{ messageId: 'provider', line: 1, column: 28 }],
    },
    {
      // fallback literal behind an env read is still in the source
      code: `const slackToken = process.env.SLACK_TOKEN ?? '${SLACK_BOT}';`,
      errors: [{ messageId: 'provider', line: 1, column: 48 }],
    },
    {
      code: `const accessKeyId = '${AWS_ID}';\nconst secretAccessKey = '${AWS_SECRET}';`,
      errors: [
        { messageId: 'provider', line: 1, column: 22 },
        { messageId: 'provider', line: 2, column: 26 },
      ],
    },
    {
      code: `const DATABASE_URL = 'postgres://app:Vq7rLk2Pz9Wx4Tn6@db.internal:5432/app';`,
      errors: [{ messageId: 'provider', line: 1, column: 38, endColumn: 54 }],
    },
    {
      // Supabase management API token: reported as such, not as a generic credential
      code: `const SUPABASE_ACCESS_TOKEN = '${SUPABASE_PAT}';`,
      errors: [{ messageId: 'provider', line: 1, column: 32, endColumn: 76 }],
    },
    {
      // near misses of the known non-secret formats: Mapbox secret token, PostHog personal key, live restricted key
      code: `const MAPBOX_ACCESS_TOKEN = '${MAPBOX_SECRET}';\nconst posthogApiKey = 'phx_FFFzCnmuxwO7cfvY8b3nji4iFuv9IxTQUVK7DzDJcsk';`,
      errors: [
        { messageId: 'credential', line: 1, column: 29 },
        { messageId: 'credential', line: 2, column: 23 },
      ],
    },
    {
      code: `const headers = { Authorization: 'Bearer ${STRIPE_TEST.replace('_test_', '_tost_')}' };`,
      errors: [{ messageId: 'authScheme', line: 1, column: 42 }],
    },
    {
      code: `export const supabaseAdmin = createClient(url, '${SUPABASE_SERVICE}');`,
      errors: [{ messageId: 'provider', line: 1, column: 49 }],
    },
    {
      code: "fetch(url, {\n  headers: { Authorization: 'Bearer 9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj' },\n});",
      errors: [{ messageId: 'authScheme', line: 2, column: 37 }],
    },
    {
      code: "req.headers.set('Authorization', 'Bearer 9f8Kq2LmZx7Vb4Nc1Rt6Yh3Wp0Sd5Gj');",
      errors: [{ messageId: 'authScheme', line: 1, column: 42 }],
    },
    {
      // Basic with a generated password: judged by the decoded password
      code: "const headers = { Authorization: 'Basic c3ZjLXJlcG9ydHM6SHE3TG0yWng5VmI0TmMxUnQ2WWg=' };",
      errors: [{ messageId: 'authScheme', line: 1, column: 41 }],
    },
    {
      // a person's password may be words and a count; only keys and tokens are always generated
      code: "const db = { password: 'postgres123' };",
      errors: [{ messageId: 'credential', line: 1, column: 24 }],
    },
    {
      code: "function connect(host: string, password = 'Tr0ub4dor&3x') {}",
      errors: [{ messageId: 'credential', line: 1, column: 43 }],
    },
    {
      code: 'const apiKey = `Qm7vT2xK9pL4wR8nZ3cF6hJ1`;',
      errors: [{ messageId: 'credential', line: 1, column: 16 }],
    },
    {
      code: "class Upstream {\n  private clientSecret = 'q8Vn2Kx7Lm4Pz9Rt1Wb6Yc3Hd5Jf0Gs';\n}",
      errors: [{ messageId: 'credential', line: 2, column: 26 }],
    },
    {
      code: "const config = { db: { password: 'Zp4!qW8#rT2x' } };",
      errors: [{ messageId: 'credential', line: 1, column: 34 }],
    },
    {
      code: "const signed = jwt.sign(payload, 'k9#Vm2$Lq7@Xz4!Rw8');",
      errors: [{ messageId: 'credential', line: 1, column: 34 }],
    },
    {
      code: "process.env.API_KEY = 'Lr8Tq3Vx6Nz1Kp5Wm9Hc2Fd';",
      errors: [{ messageId: 'credential', line: 1, column: 23 }],
    },
  ],
});
