import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const jwks = createRemoteJWKSet(new URL('https://sso.example.com/oauth2/v1/keys'));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: 'https://sso.example.com', audience: 'api://helpdesk-mcp' });
    return { token, clientId: String(payload.email), scopes: String(payload.scp ?? '').split(' '), expiresAt: payload.exp };
  },
};
