import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const jwks = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: 'https://auth.example.com', audience: 'https://billing.example.com/mcp' });
    return { token, clientId: String(payload.client_id), scopes: String(payload.scope).split(' '), expiresAt: payload.exp };
  },
};
