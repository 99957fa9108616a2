/**
 * Items handed from one task to another in arrival order, each taken once. The taker waits while the
 * queue is empty; after `close` it gets what is left, then the end; after `fail`, what is left, then
 * the error.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: { resolve: (next: IteratorResult<T, undefined>) => void; reject: (error: unknown) => void } | undefined;
  private ended: { error?: unknown; failed: boolean } | undefined;

  /** Adds `item`; false, and nothing added, once the queue has ended. */
  push(item: T): boolean {
    if (this.ended) return false;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ value: item, done: false });
    } else this.items.push(item);
    return true;
  }

  /** No more items: the taker ends once it has the ones left. */
  close(): void {
    this.end({ failed: false });
  }

  /** No more items, for `error`: the taker gets it once it has the ones left. */
  fail(error: unknown): void {
    this.end({ error, failed: true });
  }

  /** No more items, for `error`, and those not yet taken are dropped: the taker gets the error next. */
  abort(error: unknown): void {
    if (this.ended) return;
    this.items.length = 0;
    this.head = 0;
    this.fail(error);
  }

  /** The next item; done once the queue is closed and empty; rejected once it failed and is empty. */
  next(): Promise<IteratorResult<T, undefined>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head] as T;
      // Taken items are let go of at once: a queue of passages can hold a large ingest's text.
      this.items[this.head] = undefined as T;
      this.head += 1;
      // Compacted once half is taken: a taker that never quite catches up would otherwise leave a
      // growing run of empty places at the front.
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return this.ended.failed ? Promise.reject(this.ended.error) : Promise.resolve({ value: undefined, done: true });
    if (this.waiting) return Promise.reject(new Error('the queue has one taker at a time'));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return { next: () => this.next() };
  }

  private end(ended: { error?: unknown; failed: boolean }): void {
    if (this.ended) return;
    this.ended = ended;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    if (ended.failed) waiting.reject(ended.error);
    else waiting.resolve({ value: undefined, done: true });
  }
}
