import { describe, expect, it } from 'vitest';
import { AsyncQueue } from '../../src/util/async-queue.js';

describe('AsyncQueue', () => {
  it('hands over items in order, to a taker that waited and to one that comes later', async () => {
    const queue = new AsyncQueue<number>();
    const first = queue.next();
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(await first).toEqual({ value: 1, done: false });
    queue.close();
    const rest: number[] = [];
    for await (const item of queue) rest.push(item);
    expect(rest).toEqual([2, 3]);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a waiting taker when closed', async () => {
    const queue = new AsyncQueue<string>();
    const waiting = queue.next();
    queue.close();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });

  it('gives what is left before the failure, then the failure, to a waiting taker too', async () => {
    const queue = new AsyncQueue<string>();
    queue.push('a');
    queue.fail(new Error('reader died'));
    expect(await queue.next()).toEqual({ value: 'a', done: false });
    await expect(queue.next()).rejects.toThrow('reader died');

    const other = new AsyncQueue<string>();
    const waiting = other.next();
    other.fail(new Error('at once'));
    await expect(waiting).rejects.toThrow('at once');
  });

  it('takes nothing more once ended, and keeps the first ending', async () => {
    const queue = new AsyncQueue<number>();
    queue.close();
    expect(queue.push(1)).toBe(false);
    queue.fail(new Error('too late'));
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('refuses a second taker while one waits', async () => {
    const queue = new AsyncQueue<number>();
    const first = queue.next();
    await expect(queue.next()).rejects.toThrow(/one taker/);
    queue.push(7);
    expect(await first).toEqual({ value: 7, done: false });
  });

  it('drops what is waiting when aborted: the taker gets the error next', async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    queue.push(2);
    queue.abort(new Error('reading failed'));
    await expect(queue.next()).rejects.toThrow('reading failed');
    expect(queue.push(3)).toBe(false);
  });

  it('keeps every item in order while the taker lags far behind', async () => {
    const queue = new AsyncQueue<number>();
    const taken: number[] = [];
    for (let i = 0; i < 5000; i++) {
      queue.push(i);
      queue.push(i + 0.5);
      taken.push((await queue.next()).value as number);
    }
    queue.close();
    for await (const item of queue) taken.push(item);
    expect(taken).toEqual(Array.from({ length: 10000 }, (_, i) => (i % 2 === 0 ? i / 2 : (i - 1) / 2 + 0.5)).sort((a, b) => a - b));
  });
});
