/**
 * Which passages a reply cites, and which extract of each it quotes. The first is the passage of the
 * best window, quoted by that window, whose sentence is the lead. The later passages come in the
 * order of the ranker's belief that the answer lies in them (the sum of the probabilities it gives
 * their windows), and each is quoted by the window most likely to hold the answer: the one holding
 * the most of that belief. A passage's best-scoring window may be centred on a sentence that matches
 * the question's words, while the answer stands two sentences away.
 */

/** What choosing citations reads of a ranked window. */
export interface CitableWindow {
  passageId: string;
  docId: string;
  /** What the window quotes. */
  text: string;
  /** The sentence it is built around. */
  sentence: string;
  /** The ranker's score: the logit of its softmax over every window of the question. */
  score: number;
}

export interface ChosenCitation<T> {
  /** The window quoted. */
  quoted: T;
  /** The best-scoring window whose sentence the quoted one holds: the sentence to mark. */
  focus: T;
}

/**
 * One citation per passage, at most `limit` (`ranked` is best first). A sentence already quoted by
 * a citation from the same document (neighbouring passages share a sentence) is not marked again,
 * and a window holding no other is passed over.
 */
export function chooseCitations<T>(ranked: readonly T[], limit: number, read: (item: T) => CitableWindow): ChosenCitation<T>[] {
  const byPassage = new Map<string, T[]>();
  for (const item of ranked) {
    const id = read(item).passageId;
    const items = byPassage.get(id);
    if (items) items.push(item);
    else byPassage.set(id, [item]);
  }
  const chosen: ChosenCitation<T>[] = [];
  const quotedBefore = (docId: string, sentence: string) =>
    chosen.some((other) => read(other.quoted).docId === docId && read(other.quoted).text.includes(sentence));
  for (const items of inBeliefOrder([...byPassage.values()], read)) {
    if (chosen.length >= limit) break;
    const fresh = items.filter((item) => !quotedBefore(read(item).docId, read(item).sentence));
    // Each window would mark the best-scoring of the passage's sentences it holds that no citation
    // quotes yet, and holds their belief: the sum of exp(score), proportional to the probability the
    // ranker gives each. One holding none is passed over.
    const top = Math.max(...fresh.map((item) => read(item).score));
    const candidates = items.flatMap((quoted) => {
      const held = fresh.filter((item) => read(quoted).text.includes(read(item).sentence));
      const focus = held[0];
      return focus ? [{ quoted, focus, belief: held.reduce((sum, item) => sum + Math.exp(read(item).score - top), 0) }] : [];
    });
    // The lead is the best window; a later passage is quoted by the window holding the most belief
    // (ties to the better-ranked).
    const pick = chosen.length === 0 ? candidates[0] : candidates.reduce<(typeof candidates)[number] | undefined>((best, c) => (best && best.belief >= c.belief ? best : c), undefined);
    if (pick) chosen.push({ quoted: pick.quoted, focus: pick.focus });
  }
  return chosen;
}

/**
 * The passage of the best window first, then the others by the belief they hold: the sum of
 * exp(score) of their windows, proportional to the probability the ranker's softmax gives them.
 */
function inBeliefOrder<T>(passages: readonly T[][], read: (item: T) => CitableWindow): T[][] {
  const [first, ...rest] = passages;
  if (!first) return [];
  const top = read(first[0] as T).score;
  const belief = (items: readonly T[]) => items.reduce((sum, item) => sum + Math.exp(read(item).score - top), 0);
  return [first, ...rest.sort((a, b) => belief(b) - belief(a))];
}
