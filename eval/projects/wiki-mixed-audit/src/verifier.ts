import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

const INTROSPECT = process.env.WIKI_INTROSPECTION_URL ?? 'https://sso.example.com/oauth2/introspect';

// RFC 7662: the authorization server says whether the token is live, and for whom.
export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token) {
    const res = await fetch(INTROSPECT, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${process.env.WIKI_INTROSPECTION_BASIC}` },
      body: new URLSearchParams({ token }),
    });
    const data = (await res.json()) as { active: boolean; client_id: string; scope?: string; exp?: number; aud?: string };
    if (!data.active || data.aud !== 'https://wiki.example.com/mcp') throw new Error('inactive token');
    return { token, clientId: data.client_id, scopes: (data.scope ?? '').split(' '), expiresAt: data.exp };
  },
};
