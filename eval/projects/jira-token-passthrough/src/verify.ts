import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const ISSUER = process.env.OIDC_ISSUER ?? 'https://login.example.com/';
const JWKS = createRemoteJWKSet(new URL('.well-known/jwks.json', ISSUER));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER, audience: 'https://jira-mcp.example.com' });
    return {
      token,
      clientId: String(payload.azp ?? payload.client_id),
      scopes: String(payload.scope ?? '').split(' '),
      expiresAt: payload.exp,
    };
  },
};
