import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL!));

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const { payload } = await jwtVerify(token, jwks, { issuer: process.env.OIDC_ISSUER, audience: 'k8s-ops-mcp' });
    return { token, clientId: String(payload.sub), scopes: String(payload.scope ?? '').split(' ') };
  },
};
