import { describe, expect, it } from 'vitest';
import { chooseCitations, type CitableWindow } from '../../src/answer/citations.js';

/** A window of passage `passageId` quoting `sentences`, built around `sentence`. */
function win(passageId: string, sentence: string, sentences: string[], score: number, docId = `${passageId}.md`): CitableWindow {
  return { passageId, docId, text: sentences.join(' '), sentence, score };
}

const byScore = (windows: CitableWindow[]) => [...windows].sort((a, b) => b.score - a.score);
const read = (w: CitableWindow) => w;

describe('choosing citations', () => {
  // A second passage of four sentences. Its best window is built around the last sentence and
  // quotes only the last two; the two before it score nearly as well.
  const first = win('p1', 'Lead sentence.', ['Lead sentence.', 'Its neighbour.'], 5);
  const second = [
    win('p2', 'Opening.', ['Opening.', 'Middle one.'], -5),
    win('p2', 'Middle one.', ['Opening.', 'Middle one.', 'Middle two.'], 1.8),
    win('p2', 'Middle two.', ['Middle one.', 'Middle two.', 'Closing.'], 1.7),
    win('p2', 'Closing.', ['Middle two.', 'Closing.'], 2),
  ];

  it("quotes the first passage by its best window, marking that window's sentence", () => {
    const [lead] = chooseCitations(byScore([first, ...second]), 3, read);
    expect(lead!.quoted).toBe(first);
    expect(lead!.focus).toBe(first);
  });

  it('quotes a later passage by the window holding most of its belief, marking the best sentence it holds', () => {
    const [, next] = chooseCitations(byScore([first, ...second]), 3, read);
    // exp(1.8-2) + exp(1.7-2) + 1 for the window around "Middle two." against 1 + exp(-0.3) for the best.
    expect(next!.quoted.text).toBe('Middle one. Middle two. Closing.');
    expect(next!.focus.sentence).toBe('Closing.');
  });

  it('passes over a window whose sentence a citation from the same document already quotes', () => {
    const shared = win('p3', 'Its neighbour.', ['Its neighbour.', 'Another.'], 4, 'p1.md');
    const other = win('p3', 'Another.', ['Its neighbour.', 'Another.'], 0, 'p1.md');
    const chosen = chooseCitations(byScore([first, shared, other]), 3, read);
    expect(chosen.map((c) => c.focus.sentence)).toEqual(['Lead sentence.', 'Another.']);
  });

  it('cites each passage once, the best window\'s first, no more than asked', () => {
    const all = byScore([first, ...second, win('p4', 'Far.', ['Far.'], -1)]);
    expect(chooseCitations(all, 5, read).map((c) => c.quoted.passageId)).toEqual(['p1', 'p2', 'p4']);
    expect(chooseCitations(all, 2, read)).toHaveLength(2);
  });

  it('orders later passages by the belief all their windows hold, not by their best window', () => {
    // p5's one window outscores each of p2's, but p2's three close ones hold more between them.
    const single = win('p5', 'Alone.', ['Alone.'], 2.5);
    const order = chooseCitations(byScore([first, single, ...second]), 5, read).map((c) => c.quoted.passageId);
    expect(order).toEqual(['p1', 'p2', 'p5']);
    // The first passage stays the best window's, however much another holds.
    const lead = win('p6', 'Top.', ['Top.'], 6);
    expect(chooseCitations(byScore([lead, first, single, ...second]), 5, read)[0]!.quoted).toBe(lead);
  });
});
