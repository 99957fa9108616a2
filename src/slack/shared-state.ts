/**
 * The Slack state replicas share when STORE=postgres: events taken in (each answered exactly once,
 * whichever replica Slack delivers it to), questions per user (the rate limit holds across replicas),
 * what each thread is about (a follow-up works on any replica) and feedback votes.
 */
import { isFollowUp } from '../engine/question.js';
import { DatabaseUnavailableError, type Database } from '../store/postgres/database.js';
import type { FeedbackRecord, FeedbackStore } from './feedback-store.js';
import type { EventLedger } from './middleware/dedupe-events.js';
import type { RateLimiter } from './middleware/rate-limit.js';
import type { ThreadStore } from './thread-memory.js';

/** Events and thread memory older than this are deleted, now and then: Slack retries within minutes. */
const KEEP_EVENTS_MS = 24 * 3600_000;
const KEEP_THREADS_MS = 7 * 24 * 3600_000;
/** One write in this many also tidies up. */
const PRUNE_EVERY = 500;

/** A retry may take over an event its replica took this long ago and never finished (it died). */
export const DEFAULT_TAKEOVER_MS = 60_000;

export class PgEventLedger implements EventLedger {
  private writes = 0;

  constructor(
    private readonly db: Database,
    private readonly takeoverMs = DEFAULT_TAKEOVER_MS,
  ) {}

  async firstDelivery(eventId: string, retry: boolean): Promise<boolean> {
    const table = this.db.table('slack_events');
    // The primary key decides: of two replicas inserting the same event at once, exactly one inserts a row.
    const { rowCount } = await this.db.query(`INSERT INTO ${table} (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [eventId]);
    if (++this.writes % PRUNE_EVERY === 0) {
      void this.db.query(`DELETE FROM ${table} WHERE seen_at < now() - $1 * interval '1 millisecond'`, [KEEP_EVENTS_MS]).catch(() => {});
    }
    if (rowCount === 1) return true;
    if (!retry) return false;
    // One UPDATE decides among retries too: only one finds the row still unfinished and stale.
    const takeover = await this.db.query(
      `UPDATE ${table} SET seen_at = now() WHERE event_id = $1 AND NOT done AND seen_at < now() - $2 * interval '1 millisecond'`,
      [eventId, this.takeoverMs],
    );
    return takeover.rowCount === 1;
  }

  async finished(eventId: string): Promise<void> {
    await this.db.query(`UPDATE ${this.db.table('slack_events')} SET done = true WHERE event_id = $1`, [eventId]);
  }
}

export class PgRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Database,
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async tryAcquire(key: string): Promise<boolean> {
    const now = this.now();
    // The database away: the question goes on, and the engine, which needs it too, says to try again.
    return this.db.transaction(async (client) => {
      // One user's questions are counted one replica at a time, so a burst split across replicas cannot overshoot.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`citeline-rate:${key}`]);
      const table = this.db.table('slack_questions');
      await client.query(`DELETE FROM ${table} WHERE user_id = $1 AND asked_at <= to_timestamp($2 / 1000.0)`, [key, now - this.windowMs]);
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE user_id = $1`, [key]);
      if (Number(rows[0]!.n) >= this.limit) return false;
      await client.query(`INSERT INTO ${table} (user_id, asked_at) VALUES ($1, to_timestamp($2 / 1000.0))`, [key, now]);
      return true;
    }).catch(failOpen(true));
  }
}

export class PgThreadStore implements ThreadStore {
  private writes = 0;

  constructor(private readonly db: Database) {}

  async previousFor(threadKey: string, question: string): Promise<string | undefined> {
    if (!isFollowUp(question)) return undefined;
    const found = await this.db.query<{ question: string }>(`SELECT question FROM ${this.db.table('slack_threads')} WHERE thread_key = $1`, [threadKey]).catch(failOpen(undefined));
    return found?.rows[0]?.question;
  }

  /** A thread has a row once Citeline has answered in it, on whichever replica. */
  async hasAnswered(threadKey: string): Promise<boolean> {
    const found = await this.db.query(`SELECT 1 FROM ${this.db.table('slack_threads')} WHERE thread_key = $1`, [threadKey]).catch(failOpen(undefined));
    return (found?.rows.length ?? 0) > 0;
  }

  async remember(threadKey: string, question: string, previousQuestion: string | undefined): Promise<void> {
    // A follow-up does not replace the full question it leans on (as ThreadMemory).
    await this.db
      .query(
        `INSERT INTO ${this.db.table('slack_threads')} (thread_key, question, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (thread_key) DO UPDATE SET question = EXCLUDED.question, updated_at = now()`,
        [threadKey, previousQuestion ?? question],
      )
      .catch(failOpen(undefined));
    if (++this.writes % PRUNE_EVERY === 0) {
      void this.db.query(`DELETE FROM ${this.db.table('slack_threads')} WHERE updated_at < now() - $1 * interval '1 millisecond'`, [KEEP_THREADS_MS]).catch(() => {});
    }
  }
}

export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Database) {}

  async record(feedback: FeedbackRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.db.table('feedback')} (time, user_id, channel, question, answer, passage_ids, helpful) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [feedback.time, feedback.user, feedback.channel, feedback.question, feedback.answer, feedback.passageIds, feedback.helpful],
    );
  }

  async readAll(): Promise<FeedbackRecord[]> {
    const { rows } = await this.db.query<{ time: Date; user_id: string; channel: string; question: string; answer: string; passage_ids: string[]; helpful: boolean }>(
      `SELECT time, user_id, channel, question, answer, passage_ids, helpful FROM ${this.db.table('feedback')} ORDER BY id`,
    );
    return rows.map((row) => ({ time: row.time.toISOString(), user: row.user_id, channel: row.channel, question: row.question, answer: row.answer, passageIds: row.passage_ids, helpful: row.helpful }));
  }
}

/**
 * With the database unreachable, the rate limit and thread memory step aside (`fallback`) rather than
 * fail the request: the engine needs the database as well, and its failure is what the user is told.
 */
function failOpen<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof DatabaseUnavailableError) return fallback;
    throw error;
  };
}

/** Everything the Slack app keeps between requests, in the shared database. */
export function sharedSlackState(db: Database, rateLimitPerMinute: number, options: { now?: () => number; takeoverMs?: number } = {}) {
  const { now, takeoverMs } = options;
  return {
    events: new PgEventLedger(db, takeoverMs),
    rateLimiter: new PgRateLimiter(db, rateLimitPerMinute, 60_000, now),
    threads: new PgThreadStore(db),
    feedback: new PgFeedbackStore(db),
  };
}
