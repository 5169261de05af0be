import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const res = await fetch(`${process.env.AUTH_URL}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${process.env.INTROSPECTION_CREDENTIALS}` },
      body: new URLSearchParams({ token }),
    });
    const data = (await res.json()) as { active: boolean; client_id: string; scope: string; exp: number };
    if (!data.active) throw new Error('inactive token');
    return { token, clientId: data.client_id, scopes: data.scope.split(' '), expiresAt: data.exp };
  },
};
