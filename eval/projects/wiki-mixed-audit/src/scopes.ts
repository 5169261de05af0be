import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export function requireScope(extra: RequestHandlerExtra<ServerRequest, ServerNotification>, scope: string): void {
  if (!extra.authInfo?.scopes.includes(scope)) throw new Error(`${scope} scope required`);
}
