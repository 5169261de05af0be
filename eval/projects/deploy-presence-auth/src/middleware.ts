import type { NextFunction, Request, Response } from 'express';

// Clients send "Authorization: Bearer <token>"; the platform team rotates tokens monthly.
export function bearer(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Bearer ')) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'missing token' });
    return;
  }
  next();
}

export function isAdminKey(apiKey: string | undefined): boolean {
  return apiKey !== undefined && apiKey === process.env.ADMIN_API_KEY;
}
