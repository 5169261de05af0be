import rule from '../../rules/jwt-verify-options.js';
import { jsRuleTester } from '../rule-tester.js';

// Made-up HMAC secret; only its shape matters.
const SECRET = 'q8Zr2LmV7xKp4TnW9bYc';

jsRuleTester().run('jwt-verify-options', rule, {
  valid: [
    // audience and issuer checked by hand on the verified payload (a test assertion, an allow-list)
    `import { jwtVerify } from 'jose';
     async function check(assertion, key) {
       const { payload } = await jwtVerify(assertion, key);
       expect(payload.iss).toBe(CLIENT_ID);
       if (!AUDIENCES.includes(payload.aud)) throw new Error('audience');
     }`,
    `import jwt from 'jsonwebtoken';
     jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'], audience: 'https://mcp.example.com/mcp', issuer: 'https://auth.example.com' });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose';
     const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL));
     const opts = { audience: RESOURCE, issuer: ISSUER, algorithms: ['ES256'] };
     await jwtVerify(token, JWKS, opts);`,
    // options built elsewhere: unknown, not reported
    `import jwt from 'jsonwebtoken'; jwt.verify(token, key, buildOptions());`,
    // not a JWT library
    `import { verify } from 'node:crypto'; verify('sha256', data, key, sig);`,
    `crypto.subtle.verify('HMAC', key, sig, data);`,
    // a literal PEM *public* key is not a secret
    "import jwt from 'jsonwebtoken'; jwt.verify(t, '-----BEGIN PUBLIC KEY-----\\nMFkw\\n-----END PUBLIC KEY-----', { algorithms: ['ES256'], audience: A, issuer: I });",
  ],
  invalid: [
    {
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, key, { algorithms: ['HS256', 'none'], audience: A, issuer: I });`,
      errors: [{ messageId: 'algNone', line: 2, column: 26 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, key, { algorithms: ['HS256', 'RS256'], ignoreExpiration: true, audience: A, issuer: I });`,
      errors: [
        { messageId: 'algMix', line: 2, column: 26, data: { hmac: 'HS256', asym: 'RS256' } },
        { messageId: 'ignoreExpiration', line: 2, column: 58 },
      ],
    },
    {
      // no options at all: audience and issuer unchecked
      code: `const jwt = require('jsonwebtoken');
const claims = jwt.verify(token, process.env.JWT_SECRET);`,
      errors: [{ messageId: 'missingClaims', line: 2, column: 16, data: { missing: 'audience and issuer' } }],
    },
    {
      code: `import { jwtVerify } from 'jose';
const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER });`,
      errors: [{ messageId: 'missingClaims', line: 2, column: 50, data: { missing: 'audience' } }],
    },
    {
      // the audience is only copied into the result, and the issuer is checked on another token
      code: `import { jwtVerify } from 'jose';
async function authInfoOf(token, other) {
  const { payload } = await jwtVerify(token, JWKS);
  if (other.iss !== ISSUER) throw new Error('issuer');
  return { token, resource: payload.aud };
}`,
      errors: [{ messageId: 'missingClaims', line: 3, column: 29, data: { missing: 'audience and issuer' } }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, '${SECRET}', { audience: A, issuer: I });`,
      errors: [{ messageId: 'literalKey', line: 2, column: 19, data: { what: 'a literal', masked: 'q8…(20 chars)' } }],
    },
    {
      code: `import { jwtVerify } from 'jose';
await jwtVerify(token, new TextEncoder().encode(''), { audience: A, issuer: I });`,
      errors: [{ messageId: 'literalKey', line: 2, column: 24, data: { what: 'an empty string', masked: "''" } }],
    },
  ],
});
