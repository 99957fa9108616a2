import { describe, expect, it } from 'vitest';
import { QueueFullError, WorkQueue } from '../../src/slack/answer-queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkQueue', () => {
  it('runs at most `concurrency` tasks at once, the rest in arrival order', async () => {
    const queue = new WorkQueue(2, 10);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((gate, index) =>
      queue.run(async () => {
        started.push(index);
        peak = Math.max(peak, queue.running);
        await gate.promise;
        return index;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1]);
    expect(queue.waiting).toBe(2);
    gates[1]!.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('frees the place of a failed task, so errors never jam it', async () => {
    const queue = new WorkQueue(1, 10);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
    expect(queue.running).toBe(0);
  });

  it('refuses a task past the waiting cap', async () => {
    const queue = new WorkQueue(1, 1);
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    const second = queue.run(async () => 'waited');
    await expect(queue.run(async () => 'refused')).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await first;
    expect(await second).toBe('waited');
  });

  it('starts each task on a later turn of the event loop, after the callbacks already waiting, so a burst of requests is acknowledged before answers are worked out', async () => {
    const queue = new WorkQueue(2, 10);
    const order: string[] = [];
    // Stands for requests already read from their sockets and waiting to be acknowledged.
    setImmediate(() => order.push('acknowledge 1'));
    setImmediate(() => order.push('acknowledge 2'));
    const runs = [queue.run(async () => void order.push('answer 1')), queue.run(async () => void order.push('answer 2'))];
    order.push('queued');
    await Promise.all(runs);
    expect(order).toEqual(['queued', 'acknowledge 1', 'acknowledge 2', 'answer 1', 'answer 2']);
  });
});
