/**
 * At most N questions per user per minute (RATE_LIMIT_PER_MINUTE), over a sliding window: a burst is refused
 * until its oldest question is a minute old. Help, sources and feedback do not count, only questions,
 * because questions are what costs (a search and an embedding).
 */
export interface RateLimiter {
  readonly limit: number;
  /** Records a question by `key` and says whether it is within the limit. A refused question is not counted. */
  tryAcquire(key: string): boolean | Promise<boolean>;
}

export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question by `key` and says whether it is within the limit. A refused question is not counted. */
  tryAcquire(key: string): boolean {
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((time) => time > since);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.recent.set(key, times);
    if (this.recent.size > 10_000) this.forgetIdle(since);
    return allowed;
  }

  private forgetIdle(since: number): void {
    for (const [key, times] of this.recent) {
      if (times.every((time) => time <= since)) this.recent.delete(key);
    }
  }
}
