/**
 * Model work runs through a small queue, so a burst of questions never starves Slack's 3-second
 * acknowledgements: every request is acknowledged at once, and answers are worked out a few at a
 * time. Past a hard cap a question is turned away with a "busy" reply rather than queued for minutes.
 */
import { setImmediate } from 'node:timers/promises';
import type { Reply } from '../answer/types.js';
import type { AskOptions, CitelineEngine, IngestSummary } from '../engine/types.js';

export class QueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`The answer queue is full (${waiting} waiting).`);
    this.name = 'QueueFullError';
  }
}

export class WorkQueue {
  private active = 0;
  private readonly waitingTasks: (() => void)[] = [];

  constructor(
    /** Tasks running at once: two cores, so two. */
    readonly concurrency = 2,
    /** Tasks allowed to wait; one more is refused with QueueFullError. */
    readonly maxWaiting = 500,
  ) {}

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waitingTasks.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waitingTasks.length >= this.maxWaiting) throw new QueueFullError(this.waitingTasks.length);
      await new Promise<void>((resolve) => this.waitingTasks.push(resolve));
    }
    this.active += 1;
    try {
      // Each task starts on a later turn of the event loop, after the I/O that is waiting: in a burst,
      // requests still to be acknowledged are read and acknowledged before the next answer's work.
      await setImmediate();
      return await task();
    } finally {
      this.active -= 1;
      // A failed task frees its place like a finished one: errors never jam the queue.
      this.waitingTasks.shift()?.();
    }
  }
}

/** The engine with its slow calls (questions, reindexing) run through the queue; lookups stay direct. */
export function queuedEngine(engine: CitelineEngine, queue: WorkQueue): CitelineEngine {
  return {
    ask: (question: string, options?: AskOptions): Promise<Reply> => queue.run(() => engine.ask(question, options)),
    findSources: (claim: string, options?: AskOptions): Promise<Reply> => queue.run(() => engine.findSources(claim, options)),
    reindex: (): Promise<IngestSummary> => queue.run(() => engine.reindex()),
    sources: () => engine.sources(),
    about: () => engine.about(),
    stats: (query: string) => engine.stats(query),
  };
}
