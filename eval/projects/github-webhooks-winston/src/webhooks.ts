import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { log } from './log.js';

const builds = new Map<string, { status: string; updatedAt: string }>();
export const latestBuilds = builds;

function expectedSignature(body: Buffer): string {
  return `sha256=${createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(body).digest('hex')}`;
}

export function githubWebhook(req: Request, res: Response): void {
  const signature = req.header('x-hub-signature-256') ?? '';
  if (signature !== expectedSignature(req.body as Buffer)) {
    log.warn('bad webhook signature', { headers: req.headers });
    res.sendStatus(401);
    return;
  }
  const event = JSON.parse((req.body as Buffer).toString('utf8'));
  if (event.check_suite) builds.set(event.repository.full_name, { status: event.check_suite.conclusion ?? 'running', updatedAt: new Date().toISOString() });
  res.sendStatus(204);
}

export function gitlabWebhook(req: Request, res: Response): void {
  const presented = Buffer.from(req.header('x-gitlab-token') ?? '');
  const secret = Buffer.from(process.env.GITLAB_WEBHOOK_TOKEN ?? '');
  if (presented.length !== secret.length || !timingSafeEqual(presented, secret)) {
    log.warn('bad gitlab token', { userAgent: req.header('user-agent'), ip: req.ip });
    res.sendStatus(401);
    return;
  }
  res.sendStatus(204);
}
