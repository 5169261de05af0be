import rule from '../../rules/no-jwt-decode-without-verify.js';
import { jsRuleTester } from '../rule-tester.js';

jsRuleTester().run('no-jwt-decode-without-verify', rule, {
  valid: [
    // decode only to read the kid, then verify; identity comes from the verified payload
    `import jwt from 'jsonwebtoken';
     async function check(token) {
       const { header } = jwt.decode(token, { complete: true });
       const key = await keyFor(header.kid);
       const claims = jwt.verify(token, key, { audience: AUD, issuer: ISS });
       if (claims.sub !== owner) throw new Error('forbidden');
     }`,
    // jose: protected header for key selection only
    `import { decodeProtectedHeader, jwtVerify } from 'jose';
     const { kid } = decodeProtectedHeader(token);
     if (kid === 'old') rotate();`,
    // decoded claims shown to the user, not used for access
    `import { jwtDecode } from 'jwt-decode'; const c = jwtDecode(idToken); render(c.name);`,
    // jwt-simple style: decode(token, secret) verifies the signature
    `import jwt from 'jwt-simple'; const p = jwt.decode(token, process.env.SECRET); if (p.role === 'admin') ok();`,
    // split('.') of something that is not read at the payload index
    `const [host] = name.split('.'); if (host === 'api') ok();`,
  ],
  invalid: [
    {
      code: `import jwt from 'jsonwebtoken';
const claims = jwt.decode(token);
if (claims.role === 'admin') grant();`,
      errors: [{ messageId: 'decoded', line: 3, column: 5, data: { sourceLine: 2, how: 'jwt.decode', use: 'an access decision', sinkLine: 3 } }],
    },
    {
      // a verifier that returns decoded claims as AuthInfo
      code: `import { decodeJwt } from 'jose';
const verifier = {
  async verifyAccessToken(token) {
    const payload = decodeJwt(token);
    return { token, clientId: payload.azp, scopes: String(payload.scope).split(' ') };
  },
};`,
      errors: [{ messageId: 'decoded', line: 5, column: 12, data: { sourceLine: 4, how: 'decodeJwt', use: 'an identity callback result', sinkLine: 5 } }],
    },
    {
      // manual base64url decode of the payload segment, then a query filter
      code: `function userOf(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}
const { sub } = userOf(bearer);
await db.notes.findMany({ where: { ownerId: sub } });`,
      errors: [{ messageId: 'decoded', line: 5, column: 25, data: { sourceLine: 2, how: 'manual decode of the payload segment', use: 'a query filter', sinkLine: 5 } }],
    },
    {
      // jwt-decode, via require, assigned to req.user
      code: `const { jwtDecode } = require('jwt-decode');
app.use((req, res, next) => { req.user = jwtDecode(req.headers.authorization.slice(7)); next(); });`,
      errors: [{ messageId: 'decoded', line: 2, column: 42, data: { sourceLine: 2, how: 'jwtDecode', use: 'the request identity', sinkLine: 2 } }],
    },
    {
      // complete: true, payload read through the result
      code: `import * as jsonwebtoken from 'jsonwebtoken';
const d = jsonwebtoken.decode(t, { complete: true });
if (allowed.has(d.payload.sub)) next();`,
      errors: [{ messageId: 'decoded', line: 3, column: 17, data: { sourceLine: 2, how: 'jsonwebtoken.decode', use: 'an access decision', sinkLine: 3 } }],
    },
  ],
});
