import type { TLSSocket } from 'node:tls';
import type { NextFunction, Request, Response } from 'express';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

// The TLS layer already rejected clients without a certificate from our CA; the subject names the operator.
export function certAuth(req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): void {
  const socket = req.socket as TLSSocket;
  if (!socket.authorized) {
    res.status(401).json({ error: 'client certificate required' });
    return;
  }
  const cert = socket.getPeerCertificate();
  req.auth = { token: '', clientId: String(cert.subject.CN), scopes: String(cert.subject.OU ?? '').split('+') };
  next();
}
