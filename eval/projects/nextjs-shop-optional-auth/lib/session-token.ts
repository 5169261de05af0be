import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { auth } from '../auth';

// MCP clients in the admin app reuse the NextAuth session; other clients are let through as guests.
export async function verifyToken(req: Request): Promise<AuthInfo | undefined> {
  const session = await auth();
  if (!session?.user?.email) return undefined;
  return { token: 'session', clientId: session.user.email, scopes: ['shop:admin'] };
}
