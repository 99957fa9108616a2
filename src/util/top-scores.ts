/** The best `limit` items offered, by a comparator (negative: the first is better): a sorted list, for small limits. */
export class TopScores<T> {
  private readonly kept: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    if (this.limit <= 0) return;
    const { kept, compare } = this;
    if (kept.length === this.limit && compare(item, kept[kept.length - 1]!) >= 0) return;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > this.limit) kept.pop();
  }

  /** The last item kept, once `limit` are kept. */
  worst(): T | undefined {
    return this.kept.length === this.limit ? this.kept[this.kept.length - 1] : undefined;
  }

  sorted(): T[] {
    return [...this.kept];
  }
}

