import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const INTROSPECTION_URL = process.env.OAUTH_INTROSPECTION_URL!;
const CLIENT_ID = process.env.OAUTH_CLIENT_ID!;
const CLIENT_SECRET = process.env.OAUTH_CLIENT_SECRET!;

// RFC 7662 introspection against our authorization server: the token is checked by its issuer.
export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(INTROSPECTION_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token }),
    });
    if (!res.ok) throw new Error(`introspection failed: ${res.status}`);
    const data = (await res.json()) as { active: boolean; client_id: string; scope?: string; exp?: number; sub?: string; aud?: string };
    if (!data.active || data.aud !== 'https://crm.example.com/mcp') throw new Error('inactive or foreign token');
    return {
      token,
      clientId: data.client_id,
      scopes: data.scope?.split(' ') ?? [],
      expiresAt: data.exp,
      extra: { sub: data.sub },
    };
  },
};

export function hasScope(authInfo: AuthInfo | undefined, scope: string): boolean {
  return !!authInfo?.scopes.includes(scope);
}
