import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const jwks = createRemoteJWKSet(new URL('https://id.shop.example.com/.well-known/jwks.json'));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: 'https://id.shop.example.com', audience: 'https://orders.shop.example.com/mcp' });
    return { token, clientId: String(payload.sub), scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp };
  },
};
