import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

interface Claims {
  sub: string;
  roles?: string[];
  scope?: string;
}

export function jwtAuth(req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): void {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (!token) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  try {
    const claims = jwt.verify(token, 'Q3v9tYp2Lr8xWm4Kb7Nd1Hs6Zc0Fg5Jq', {
      algorithms: ['HS256', 'RS256'],
    }) as Claims;
    req.auth = { token, clientId: claims.sub, scopes: claims.scope?.split(' ') ?? [], extra: { roles: claims.roles ?? [] } };
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}
