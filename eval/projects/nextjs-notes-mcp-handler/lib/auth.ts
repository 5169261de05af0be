import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const ISSUER = process.env.AUTH_ISSUER!;
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

export async function verifyToken(_req: Request, bearer?: string): Promise<AuthInfo | undefined> {
  if (!bearer) return undefined;
  try {
    const { payload } = await jwtVerify(bearer, jwks, { issuer: ISSUER, audience: process.env.AUTH_AUDIENCE, algorithms: ['RS256'] });
    return { token: bearer, clientId: String(payload.client_id), scopes: String(payload.scope ?? '').split(' '), extra: { userId: payload.sub } };
  } catch {
    return undefined;
  }
}
