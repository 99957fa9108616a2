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
});
