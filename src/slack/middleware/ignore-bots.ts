/**
 * Citeline answers people. Bolt's ignoreSelf drops our own messages; this also drops other bots (two bots
 * answering each other would loop) and message edits, deletions and joins, which are not questions.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Message subtypes that still carry a person's new question. */
const QUESTION_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

export function isFromPersonAsking(event: Record<string, unknown>): boolean {
  if (event.bot_id || event.bot_profile) return false;
  const subtype = event.subtype;
  if (typeof subtype === 'string' && !QUESTION_SUBTYPES.has(subtype)) return false;
  return typeof event.user === 'string' && event.user.length > 0;
}

export const ignoreBotsAndEdits: Middleware<AnyMiddlewareArgs> = async (args) => {
  const body = args.body as { type?: unknown; event?: Record<string, unknown> };
  if (body.type === 'event_callback' && body.event && (body.event.type === 'message' || body.event.type === 'app_mention')) {
    if (!isFromPersonAsking(body.event)) return;
  }
  await args.next();
};
