/**
 * Helpful / not helpful votes, one JSON object per line in <INDEX_DIR>/feedback.jsonl.
 * Each record is written with a single append of one line, so concurrent votes never interleave
 * (O_APPEND writes of a few KB are atomic on local file systems) and a crash loses at most the vote in flight.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface FeedbackRecord {
  /** ISO 8601. */
  time: string;
  user: string;
  channel: string;
  question: string;
  /** The lead of the reply that was judged. */
  answer: string;
  passageIds: string[];
  helpful: boolean;
}

export interface FeedbackStore {
  record(feedback: FeedbackRecord): Promise<void>;
  /** Every vote so far, for the admins' summary (feedback-summary.ts). */
  readAll(): Promise<FeedbackRecord[]>;
}

export const FEEDBACK_FILE = 'feedback.jsonl';

export class JsonLinesFeedbackStore implements FeedbackStore {
  private ready: Promise<unknown> | undefined;

  constructor(readonly path: string) {}

  static inIndexDir(indexDir: string): JsonLinesFeedbackStore {
    return new JsonLinesFeedbackStore(join(indexDir, FEEDBACK_FILE));
  }

  async record(feedback: FeedbackRecord): Promise<void> {
    this.ready ??= mkdir(dirname(this.path), { recursive: true });
    await this.ready;
    // JSON.stringify escapes newlines inside strings, so one record is always exactly one line.
    await appendFile(this.path, `${JSON.stringify(feedback)}\n`, { encoding: 'utf8', flag: 'a' });
  }

  /** Every record so far; a damaged line (e.g. a disk filled mid-write) is skipped rather than failing the lot. */
  async readAll(): Promise<FeedbackRecord[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records: FeedbackRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line) as FeedbackRecord);
      } catch {
        // skip the damaged line
      }
    }
    return records;
  }
}
