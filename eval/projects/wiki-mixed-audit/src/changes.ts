import { logger } from './log.js';

/** The wiki's change log: who changed what, kept with the application log. */
export async function recordChange(actor: string | undefined, action: string, detail: Record<string, string>): Promise<void> {
  logger.info('wiki change', { actor: actor ?? 'unknown', action, ...detail });
}
