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
    // a hand-signed cookie: the payload segment is checked with the signature segment before it is trusted
    `async function approvedTenants(cookie, key) {
       const [mac, body] = cookie.split('.');
       const json = atob(body);
       if (!(await crypto.subtle.verify('HMAC', key, hexToBytes(mac), encode(json)))) return [];
       const tenants = JSON.parse(json);
       return tenants.includes(wanted) ? tenants : [];
     }`,
    // a client checking its own token's expiry before refreshing it
    `import { jwtDecode } from 'jwt-decode';
     function isExpired(token, bufferSeconds = 300) {
       const payload = jwtDecode(token);
       if (!payload.exp) return false;
       return Date.now() + bufferSeconds * 1000 >= payload.exp * 1000;
     }`,
    // HMAC over the header and payload segments compared in constant time before the claims are parsed
    `function verify(token) {
       const [headerB64, payloadB64, signatureB64] = token.split('.');
       const expected = sign(headerB64 + '.' + payloadB64);
       if (!signatureB64 || !equalsConstantTime(signatureB64, expected)) return { valid: false };
       const claims = JSON.parse(Buffer.from(payloadB64, 'base64url').toString());
       if (claims.role !== 'admin') return { valid: false };
       return { valid: true, claims };
     }`,
    // the proof was verified by a helper of this file before one of its claims is read again
    `import * as jose from 'jose';
     async function validateProof(proof) { const { payload } = await jose.jwtVerify(proof, jose.EmbeddedJWK); return { ok: true, jti: payload.jti }; }
     async function handle(proof, res) {
       const result = await validateProof(proof);
       if (!result.ok) return res.status(400).end();
       const nonce = jose.decodeJwt(proof).nonce;
       if (nonce !== EXPECTED_NONCE) return res.status(400).end();
     }`,
    // claims read next to a verify of the same token in the same function
    `import jwt from 'jsonwebtoken';
     function roleOf(token, key) {
       jwt.verify(token, key, { audience: AUD, issuer: ISS });
       const claims = jwt.decode(token);
       if (claims.role === 'admin') grant();
     }`,
    // a missing kid turns the token away before any claim is trusted; a bare return only skips the display
    `import jwt from 'jsonwebtoken';
     function keyId(t) { const d = jwt.decode(t, { complete: true }); if (!d?.header?.kid) throw new Error('no kid'); return d.header.kid; }
     function greet(idToken) { const c = jwt.decode(idToken); if (!c?.name) return; render(c.name); }`,
    // only asks whether the token parses at all; the verifying middleware runs next
    `import jwt from 'jsonwebtoken';
     app.use((req, res, next) => { const d = jwt.decode(req.headers.authorization?.slice(7)); if (!d) return res.status(400).json({ error: 'malformed token' }); next(); });`,
  ],
  invalid: [
    {
      // near misses: a helper of this file that only parses, and an expiry check next to an identity read
      code: `import * as jose from 'jose';
function parseProof(proof) { return { ok: proof.length > 0 }; }
async function handle(proof, token) {
  if (!parseProof(proof).ok) return;
  const claims = jose.decodeJwt(token);
  if (claims.exp < Date.now() / 1000 || claims.sub !== owner) throw new Error('forbidden');
}`,
      errors: [{ messageId: 'decoded', line: 6, column: 41, data: { sourceLine: 5, how: 'jose.decodeJwt', use: 'an access decision', sinkLine: 6 } }],
    },
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
    {
      // a signature check in another function does not cover this decode
      code: `async function isSigned(cookie, key) { const [mac, body] = cookie.split('.'); return verifySignature(key, mac, body); }
function tenantOf(cookie) {
  const [, body] = cookie.split('.');
  return JSON.parse(atob(body)).tenant;
}
if (tenantOf(c) === 'internal') allow();`,
      errors: [{ messageId: 'decoded', line: 6, column: 5, data: { sourceLine: 3, how: 'manual decode of the payload segment', use: 'an access decision', sinkLine: 6 } }],
    },
    {
      // the verify checks a different token than the one decoded
      code: `import jwt from 'jsonwebtoken';
function roleOf(idToken, accessToken, key) {
  jwt.verify(accessToken, key, { audience: AUD, issuer: ISS });
  if (jwt.decode(idToken).role === 'admin') grant();
}`,
      errors: [{ messageId: 'decoded', line: 4, column: 7, data: { sourceLine: 4, how: 'jwt.decode', use: 'an access decision', sinkLine: 4 } }],
    },
    {
      // "our SSO issued it": a decoded token with a sub is let in
      code: `import jwt from 'jsonwebtoken';
export const sso = async (c, next) => {
  const claims = jwt.decode(c.req.header('authorization')?.slice(7) ?? '');
  if (!claims?.sub) return c.json({ error: 'unauthorized' }, 401);
  await next();
};`,
      errors: [{ messageId: 'decoded', line: 4, column: 8, data: { sourceLine: 3, how: 'jwt.decode', use: 'a presence check that gates access', sinkLine: 4 } }],
    },
  ],
});
