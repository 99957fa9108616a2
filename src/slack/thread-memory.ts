/**
 * What Citeline remembers of a conversation (a channel thread or a DM): the question it is about, so an
 * elliptical follow-up ("and in 2019?") can be read with it, and that Citeline has answered there, so a
 * later message in that thread is heard without a mention. Kept behind `ThreadStore` so it can live in a
 * database; `ThreadMemory` keeps it in memory, bounded: after a restart a follow-up is read on its own,
 * and a thread needs a fresh mention.
 */
import { isFollowUp } from '../engine/question.js';
import { BoundedMap } from './bounded-map.js';

export interface ThreadStore {
  /** The earlier question to pass as `previousQuestion`, when `question` cannot stand alone. */
  previousFor(threadKey: string, question: string): Promise<string | undefined>;
  /**
   * Remembers that Citeline answered `question` here. A follow-up does not replace the question it
   * leans on, so "and in 2019?" then "and 2020?" both read with the original question.
   */
  remember(threadKey: string, question: string, previousQuestion: string | undefined): Promise<void>;
  /** Whether Citeline has answered a question in this thread. */
  hasAnswered(threadKey: string): Promise<boolean>;
}

export class ThreadMemory implements ThreadStore {
  private readonly questions: BoundedMap<string, string>;

  constructor(capacity = 2000) {
    this.questions = new BoundedMap(capacity);
  }

  async previousFor(threadKey: string, question: string): Promise<string | undefined> {
    const previous = this.questions.get(threadKey);
    return previous && isFollowUp(question) ? previous : undefined;
  }

  async remember(threadKey: string, question: string, previousQuestion: string | undefined): Promise<void> {
    this.questions.set(threadKey, previousQuestion ?? question);
  }

  async hasAnswered(threadKey: string): Promise<boolean> {
    return this.questions.has(threadKey);
  }
}

export function threadKey(channel: string, threadTs: string | undefined): string {
  return `${channel}:${threadTs ?? 'top'}`;
}
