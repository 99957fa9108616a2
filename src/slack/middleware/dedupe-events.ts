/**
 * Slack redelivers an event when it thinks we missed it (HTTP: `X-Slack-Retry-Num`; Socket Mode:
 * `retry_attempt`). An event whose `event_id` we have already taken in is dropped, so a slow answer is not
 * posted twice. A retry of an event we never saw (say, we were restarting) is answered as new.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { BoundedMap } from '../bounded-map.js';

/** Which events have been taken in: in memory (one process), or in Postgres (shared by replicas). */
export interface EventLedger {
  /**
   * Records the event and says whether this delivery should be handled: its first, to any replica, or
   * a retry of one whose replica took it and never finished (died) a while ago.
   */
  firstDelivery(eventId: string, retry: boolean): Promise<boolean>;
  /** The event has been handled (its answer posted). */
  finished(eventId: string): Promise<void>;
}

/** The events this process has taken in, the oldest forgotten beyond `capacity`. */
export class InMemoryEventLedger implements EventLedger {
  private readonly seen: BoundedMap<string, true>;

  constructor(capacity = 5000) {
    this.seen = new BoundedMap(capacity);
  }

  async firstDelivery(eventId: string): Promise<boolean> {
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, true);
    return true;
  }

  async finished(): Promise<void> {}
}

export interface DedupeOptions {
  capacity?: number;
  ledger?: EventLedger;
  onDropped?: (line: string) => void;
  /**
   * The ledger could not be read (the shared database unreachable): the event is not handled, since
   * it might be handled elsewhere too; this hears of it (to tell the asker to try again).
   */
  onUnavailable?: (args: AnyMiddlewareArgs & AllMiddlewareArgs, error: unknown) => Promise<void>;
}

export function dropRepeatedEvents(options: DedupeOptions = {}): Middleware<AnyMiddlewareArgs> {
  const ledger = options.ledger ?? new InMemoryEventLedger(options.capacity);
  return async (args) => {
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId) {
      let first: boolean;
      try {
        first = await ledger.firstDelivery(eventId, args.context.retryNum !== undefined && args.context.retryNum > 0);
      } catch (error) {
        // Answered exactly once or not at all: without the ledger another replica may be answering it.
        await options.onUnavailable?.(args, error);
        return;
      }
      if (!first) {
        options.onDropped?.(`Dropped repeated delivery of event ${eventId} (retry ${args.context.retryNum ?? '?'}, ${args.context.retryReason ?? 'no reason given'}).`);
        return;
      }
    }
    await args.next();
    if (typeof eventId === 'string' && eventId) await ledger.finished(eventId).catch(() => {});
  };
}
