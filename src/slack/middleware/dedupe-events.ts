/**
 * Slack redelivers an event when it thinks we missed it (HTTP: `X-Slack-Retry-Num`; Socket Mode:
 * `retry_attempt`). An event whose `event_id` we have already taken in is dropped, so a slow answer is not
 * posted twice. A retry of an event we never saw (say, we were restarting) is answered as new.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { BoundedMap } from '../bounded-map.js';

export function dropRepeatedEvents(options: { capacity?: number; onDropped?: (line: string) => void } = {}): Middleware<AnyMiddlewareArgs> {
  const seen = new BoundedMap<string, true>(options.capacity ?? 5000);
  return async (args) => {
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId) {
      if (seen.has(eventId)) {
        options.onDropped?.(`Dropped repeated delivery of event ${eventId} (retry ${args.context.retryNum ?? '?'}, ${args.context.retryReason ?? 'no reason given'}).`);
        return;
      }
      seen.set(eventId, true);
    }
    await args.next();
  };
}
