import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { config } from './config.js';

// Every dashboard user's MCP client is configured with the same METRICS_MCP_TOKEN.
export function requireToken(req: Request, res: Response, next: NextFunction): void {
  const presented = Buffer.from(req.get('authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(config.token);
  if (!config.token || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
}
