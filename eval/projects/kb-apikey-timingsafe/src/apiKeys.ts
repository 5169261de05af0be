import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

interface KeyRecord {
  clientId: string;
  sha256: Buffer;
  scopes: string[];
}

// KB_API_KEYS="client-a:<sha256 hex>:kb:read kb:write,client-b:<sha256 hex>:kb:read"
const KEYS: KeyRecord[] = (process.env.KB_API_KEYS ?? '')
  .split(',')
  .filter(Boolean)
  .map((entry) => {
    const [clientId, hex, scopes] = entry.split(':', 3);
    return { clientId, sha256: Buffer.from(hex, 'hex'), scopes: (scopes ?? '').split(' ') };
  });

function lookup(presented: string): KeyRecord | undefined {
  const digest = createHash('sha256').update(presented).digest();
  return KEYS.find((k) => k.sha256.length === digest.length && timingSafeEqual(k.sha256, digest));
}

export function apiKeyAuth(req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): void {
  const presented = req.header('x-api-key');
  const record = presented ? lookup(presented) : undefined;
  if (!record) {
    res.status(401).json({ error: 'invalid api key' });
    return;
  }
  req.auth = { token: presented!, clientId: record.clientId, scopes: record.scopes };
  next();
}
