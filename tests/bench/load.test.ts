import { describe, expect, it } from 'vitest';
import { runLoad } from '../../src/bench/load.js';

describe('a burst of Slack requests', () => {
  // Counts, not timings: how fast is for `npm run bench -- --load` to print.
  it('acknowledges every one of 40 simultaneous mentions and commands and answers each exactly once', async () => {
    const result = await runLoad(40);
    expect(result.answered).toBe(40);
    expect(result.answeredTwice).toBe(0);
    expect(result.ackedWithin3s).toBe(40);
  }, 120_000);

  it('with two replicas on one Postgres, answers each mention delivered to both, and each command, exactly once', async () => {
    const result = await runLoad(20, { store: 'postgres' });
    expect(result.replicas).toBe(2);
    // Ten mentions to both replicas, ten commands to one each.
    expect(result.deliveries).toBe(30);
    expect(result.answered).toBe(20);
    expect(result.answeredTwice).toBe(0);
  }, 180_000);
});
