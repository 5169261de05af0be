import rule from '../../rules/no-timing-unsafe-secret-compare.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-timing-unsafe-secret-compare', rule, {
  valid: [
    // the comparison picks which token to hand back; it guards nothing
    `const refresh_token = newRefreshToken !== request.refreshToken ? newRefreshToken : undefined;`,
    // the client id split from Basic credentials is the public half of client_id:client_secret
    `const base64Credentials = header.slice('Basic '.length);
     const decoded = Buffer.from(base64Credentials, 'base64').toString('utf-8');
     const i = decoded.indexOf(':');
     const authClientId = decodeURIComponent(decoded.slice(0, i));
     if (claims.client_id !== authClientId) deny();`,
    `if (!timingSafeEqual(Buffer.from(a), Buffer.from(b))) deny();`,
    `if (typeof token !== 'string' || token.length === 0) deny();`,
    `if (scheme !== 'Bearer') deny();`,
    `if (tokenType === 'refresh_token') refresh();`,
    `if (req.headers.authorization === undefined) deny();`,
    `if (req.headers['x-request-id'] === lastRequestId) skip();`,
    // enum members are public constants, not secrets (compiler token kinds, OAuth grant types)
    `if (op.getKind() !== SyntaxKind.EqualsToken) continue;`,
    `import { GrantType } from './oauth-types.js';\n if (options.grantType === GrantType.REFRESH_TOKEN) refresh();`,
    `enum TokenKind { Access = 'access', Refresh = 'refresh' }\n if (kind === TokenKind.Refresh || token === TokenKind.Access) skip();`,
    // a test double or demo verifier compares with a readable value written in the source: nothing to leak
    `async function verifyAccessToken(token) { if (token !== 'sample-access-token') throw new Error('unknown'); }`,
    `if (refreshToken === 'stub_refresh_tok') rotate();`,
    `const FIXTURE_TOKEN = 'fixture-bearer-for-unit-tests';
     if (req.headers.authorization !== \`Bearer \${FIXTURE_TOKEN}\`) return deny();`,
  ],
  invalid: [
    {
      // near miss: the secret half of the same credentials, and an HMAC compared by hand
      code: `const base64Credentials = header.slice('Basic '.length);
const decoded = Buffer.from(base64Credentials, 'base64').toString('utf-8');
const authClientSecret = decoded.slice(decoded.indexOf(':') + 1);
if (client.secret !== authClientSecret) deny();
const expected = createHmac('sha256', STATE_SECRET).update(data).digest('hex');
if (hmac !== expected) deny();`,
      errors: [
        { messageId: 'compare', line: 4, column: 5 },
        { messageId: 'compare', line: 6, column: 5 },
      ],
    },
    {
      code: `if (req.headers['x-api-key'] === process.env.API_KEY) allow();`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'x-api-key header', operator: '===' } }],
    },
    {
      code: `const provided = auth.replace('Bearer ', '');\nif (provided !== expectedToken) throw new Error('unauthorized');`,
      errors: [{ messageId: 'compare', line: 2, column: 5, data: { what: 'expectedToken', operator: '!==' } }],
    },
    {
      code: `if (apiKey != "9f8a7b6c5d4e3f2a") throw new Response(null, { status: 401 });`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'apiKey', operator: '!=' } }],
    },
    {
      // webhook signature header against a computed HMAC
      code: `if (event.headers['x-hub-signature-256'] !== 'sha256=' + hmac(body)) reject();`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'x-hub-signature-256 header', operator: '!==' } }],
    },
    {
      // a constant that looks like key material is still a secret, also behind a scheme in a template
      code: `const SERVICE_KEY = 'Qm7tR2xK9pLw4ZvN8cYd';\nif (req.headers.authorization !== \`Bearer \${SERVICE_KEY}\`) deny();`,
      errors: [{ messageId: 'compare', line: 2, column: 5, data: { what: 'authorization header', operator: '!==' } }],
    },
    {
      // a capitalised local object holds values, not enum constants
      code: `const Settings = { ApiToken: process.env.API_TOKEN };\nif (provided !== Settings.ApiToken) deny();`,
      errors: [{ messageId: 'compare', line: 2, column: 5, data: { what: 'ApiToken', operator: '!==' } }],
    },
    {
      // an enum-looking name on a lowercase object is a value, not a constant
      code: `if (provided !== settings.ApiToken) deny();`,
      errors: [{ messageId: 'compare', line: 1, column: 5, data: { what: 'ApiToken', operator: '!==' } }],
    },
  ],
});
