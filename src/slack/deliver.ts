/**
 * Posting to Slack, with one clear log line when it finally fails. The Web API client has already retried
 * (429 after Retry-After, 5xx with back-off: see retryConfig in app.ts), so a failure here is final and the
 * handler carries on: one lost message must not take the app down.
 */
import type { Logger } from '@slack/bolt';

export async function deliver<T>(logger: Logger, what: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (error) {
    logger.error(`Could not ${what}: ${describeSlackError(error)}`);
    return undefined;
  }
}

/** Best-effort extras (reactions): failures are expected (e.g. already_reacted) and only worth a debug line. */
export async function tryQuietly(logger: Logger, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.debug(`Could not ${what}: ${describeSlackError(error)}`);
  }
}

/** The Slack error code or HTTP status, not the whole error: Web API errors carry request details. */
export function describeSlackError(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; message?: string };
  if (e?.data?.error) return `Slack said ${e.data.error}`;
  if (e?.statusCode) return `HTTP ${e.statusCode} after retries`;
  if (e?.retryAfter !== undefined) return `rate limited (retry after ${e.retryAfter} s)`;
  return e?.message ?? String(error);
}
