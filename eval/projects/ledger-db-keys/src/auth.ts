import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { pool } from './db.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Keys are issued per user and stored hashed; revoking one sets revoked_at, effective on the next request.
export async function apiKeyAuth(req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): Promise<void> {
  const key = req.header('x-api-key');
  if (!key) {
    res.status(401).json({ error: 'x-api-key required' });
    return;
  }
  const { rows } = await pool.query('SELECT user_id, scopes FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [sha256(key)]);
  if (rows.length === 0) {
    res.status(401).json({ error: 'unknown or revoked key' });
    return;
  }
  req.auth = { token: key, clientId: String(rows[0].user_id), scopes: rows[0].scopes as string[] };
  next();
}
