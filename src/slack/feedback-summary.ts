/**
 * What the helpful / not-helpful votes say, counted once for both places that show it: `/citeline feedback`
 * (Slack, admins only) and `npm run feedback` (terminal). Counts over the last 7 and 30 days, and the
 * latest not-helpful questions with the answer that was given, so an admin can see what went wrong.
 */
import type { FeedbackRecord } from './feedback-store.js';

export const FEEDBACK_WINDOWS_DAYS = [7, 30] as const;

/** Not-helpful questions listed: enough to spot a pattern, few enough to read. */
export const LATEST_NOT_HELPFUL = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
}

export interface FeedbackWindow extends FeedbackCounts {
  days: number;
}

export interface NotHelpfulEntry {
  time: string;
  user: string;
  channel: string;
  question: string;
  answer: string;
}

export interface FeedbackSummary {
  /** ISO time the counts are as of. */
  asOf: string;
  windows: FeedbackWindow[];
  allTime: FeedbackCounts;
  /** Newest first. */
  latestNotHelpful: NotHelpfulEntry[];
}

export function summariseFeedback(records: readonly FeedbackRecord[], now: Date = new Date(), latest = LATEST_NOT_HELPFUL): FeedbackSummary {
  // A record without a readable time (hand-edited, say) counts in no window and is listed last.
  const dated = records.map((record) => ({ record, at: Date.parse(record.time) }));
  const windows = FEEDBACK_WINDOWS_DAYS.map((days) => {
    const since = now.getTime() - days * DAY_MS;
    return { days, ...count(dated.filter(({ at }) => Number.isFinite(at) && at > since && at <= now.getTime()).map(({ record }) => record)) };
  });
  const latestNotHelpful = dated
    .filter(({ record }) => record.helpful === false)
    .sort((a, b) => (Number.isFinite(b.at) ? b.at : -Infinity) - (Number.isFinite(a.at) ? a.at : -Infinity))
    .slice(0, latest)
    .map(({ record }) => ({ time: record.time, user: record.user, channel: record.channel, question: record.question, answer: record.answer }));
  return { asOf: now.toISOString(), windows, allTime: count(records), latestNotHelpful };
}

function count(records: readonly FeedbackRecord[]): FeedbackCounts {
  let helpful = 0;
  let notHelpful = 0;
  for (const record of records) {
    if (record.helpful === true) helpful += 1;
    else if (record.helpful === false) notHelpful += 1;
  }
  return { helpful, notHelpful };
}

/** "12 helpful, 3 not helpful (80% helpful)". */
export function describeCounts(counts: FeedbackCounts): string {
  const total = counts.helpful + counts.notHelpful;
  const share = total === 0 ? '' : ` (${Math.round((100 * counts.helpful) / total)}% helpful)`;
  return `${counts.helpful} helpful, ${counts.notHelpful} not helpful${share}`;
}
