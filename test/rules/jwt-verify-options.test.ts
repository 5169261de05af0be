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
    // a DPoP proof carries its own key (its header's jwk): it has no audience or issuer to check
    `import * as jose from 'jose';
     async function checkProof(proof) {
       const header = jose.decodeProtectedHeader(proof);
       const jwk = header.jwk;
       const key = await jose.importJWK(jwk, header.alg);
       const { payload } = await jose.jwtVerify(proof, key, { algorithms: ['ES256'] });
       await jose.jwtVerify(proof, jose.EmbeddedJWK, { typ: 'dpop+jwt' });
     }`,
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
      // no options at all, with this server's own secret: a first-party token (info: only a shared secret makes it matter)
      code: `const jwt = require('jsonwebtoken');
const claims = jwt.verify(token, process.env.JWT_SECRET);`,
      errors: [{ messageId: 'missingClaimsFirstParty', line: 2, column: 16, data: { missing: 'audience and issuer' } }],
    },
    {
      // HMAC algorithms, a secret encoded into a key, a key pair generated here: keys only this server holds
      code: `import { jwtVerify, generateKeyPair } from 'jose';
class S { constructor(secret) { this.secretKey = new TextEncoder().encode(secret); } async check(t) { return jwtVerify(t, this.secretKey); } }
await jwtVerify(token, key, { algorithms: ['HS256'] });
const { publicKey } = await generateKeyPair('ES256');
await jwtVerify(assertion, publicKey, { audience: AS_URL });`,
      errors: [
        { messageId: 'missingClaimsFirstParty', line: 2, column: 110, data: { missing: 'audience and issuer' } },
        { messageId: 'missingClaimsFirstParty', line: 3, column: 29, data: { missing: 'audience and issuer' } },
        { messageId: 'missingClaimsFirstParty', line: 5, column: 39, data: { missing: 'issuer' } },
      ],
    },
    {
      // an issuer's JWKS without the audience is the MCP spec's gap, whatever else is checked
      code: `import { jwtVerify, createRemoteJWKSet } from 'jose';
const oauthJwks = createRemoteJWKSet(new URL(JWKS_URL));
await jwtVerify(token, oauthJwks, { issuer: ISSUER });`,
      errors: [{ messageId: 'missingClaims', line: 3, column: 35, data: { missing: 'audience' } }],
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
