import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { pool } from './db.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Append-only audit table: who did what, with which arguments. */
export async function audit(extra: Extra, action: string, detail: Record<string, unknown>): Promise<void> {
  await pool.query('INSERT INTO audit_log (actor, action, detail) VALUES ($1, $2, $3)', [extra.authInfo?.clientId, action, JSON.stringify(detail)]);
}
