/**
 * The question a thread (or a DM) is about, so an elliptical follow-up ("and in 2019?") can be read with it.
 * In memory and bounded: after a restart a follow-up is simply read on its own.
 */
import { isFollowUp } from '../engine/question.js';
import { BoundedMap } from './bounded-map.js';

/** What a thread is about: in memory (one process), or in Postgres (a follow-up may reach another replica). */
export interface ThreadStore {
  previousFor(threadKey: string, question: string): string | undefined | Promise<string | undefined>;
  remember(threadKey: string, question: string, previousQuestion: string | undefined): void | Promise<void>;
}

export class ThreadMemory implements ThreadStore {
  private readonly questions: BoundedMap<string, string>;

  constructor(capacity = 2000) {
    this.questions = new BoundedMap(capacity);
  }

  /** The earlier question to pass as `previousQuestion`, when `question` reads as a follow-up to it. */
  previousFor(threadKey: string, question: string): string | undefined {
    const previous = this.questions.get(threadKey);
    return previous && isFollowUp(question) ? previous : undefined;
  }

  /**
   * Remembers what the thread is about. A follow-up does not replace the full question it leans on, so
   * "and in 2019?" then "and 2020?" both read with the original question.
   */
  remember(threadKey: string, question: string, previousQuestion: string | undefined): void {
    this.questions.set(threadKey, previousQuestion ?? question);
  }
}

export function threadKey(channel: string, threadTs: string | undefined): string {
  return `${channel}:${threadTs ?? 'top'}`;
}
