import { describe, expect, it } from 'vitest';
import type { IngestProgress } from '../../src/engine/build-index.js';
import { IngestProgressTally } from '../../src/cli/ingest-progress.js';

const MB = 1024 * 1024;

/** What the bar shows after each event: its bytes, and bytes read and embedded. */
function shown(events: IngestProgress[]) {
  const tally = new IngestProgressTally();
  const states = events.flatMap((event) => (tally.update(event) ? [{ ...tally.state }] : []));
  return { tally, states };
}

describe('the ingest progress bar', () => {
  it('moves while one large file is read, then while it is embedded, and ends full', () => {
    const file = '/reports/large.txt';
    const size = 30 * MB;
    const { tally, states } = shown([
      { stage: 'scan', files: 1, bytes: size },
      ...[5, 10, 20, 29].map((mb): IngestProgress => ({ stage: 'read', file, bytes: mb * MB, of: size })),
      { stage: 'read', file, bytes: size, of: size },
      ...[0.25, 0.5, 1].map((share): IngestProgress => ({ stage: 'embedding', passages: share * 1000, of: 1000, bytes: share * size })),
      { stage: 'file', done: 1, total: 1, file, passages: 1000, bytes: size },
    ]);
    const bytes = states.map((state) => state.bytes);
    // Every event while reading moves the bar, and it never goes back.
    expect(new Set(bytes.slice(0, 6)).size).toBe(6);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(states[4]).toMatchObject({ read: 29 * MB, embedded: 0, file: 'large.txt' });
    expect(states[4]!.bytes).toBeGreaterThan(0);
    expect(states[4]!.bytes).toBeLessThan(size / 2);
    expect(tally.state).toMatchObject({ bytes: size, read: size, embedded: size, files: 1, passages: 1000 });
  });

  it('adds up files read at once: a PDF loaded page by page while the file before it is still cut', () => {
    const { states } = shown([
      { stage: 'scan', files: 2, bytes: 20 * MB },
      { stage: 'read', file: '/r/a.txt', bytes: 4 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/b.pdf', bytes: 3 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/a.txt', bytes: 8 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/a.txt', bytes: 10 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/b.pdf', bytes: 6 * MB, of: 10 * MB },
    ]);
    expect(states.map((state) => state.read / MB)).toEqual([0, 4, 7, 11, 13, 16]);
  });

  it('counts small files read whole, and a large file read again from its start does not go back', () => {
    const { tally, states } = shown([
      { stage: 'scan', files: 2, bytes: 11 * MB },
      { stage: 'read', file: '/r/small.md', bytes: MB, of: MB },
      { stage: 'read', file: '/r/large.txt', bytes: 6 * MB, of: 10 * MB },
      // The worker stopped: the file is read again, here.
      { stage: 'read', file: '/r/large.txt', bytes: 2 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/large.txt', bytes: 8 * MB, of: 10 * MB },
      { stage: 'read', file: '/r/large.txt', bytes: 10 * MB, of: 10 * MB },
    ]);
    expect(states.map((state) => state.read)).toEqual([0, MB, 7 * MB, 7 * MB, 9 * MB, 11 * MB]);
    expect(tally.state.embedded).toBe(0);
  });
});
