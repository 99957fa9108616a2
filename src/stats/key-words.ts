/** The figures' key words as the figures index keeps them and a lookup by words reads them: stem numbers by position. */

/** Lists of stem numbers, one after another: list i is `stems[offsets[i]..offsets[i+1])`, ascending and distinct. */
export interface StemLists {
  offsets: Uint32Array;
  stems: Uint32Array;
}

/**
 * The figures' texts as key words (words.ts), as numbers into `stems`, by position: what the lookup
 * by words reads. Figures of one sentence share its entry, figures of one passage its
 * title's. Saved with the index, so a saved index is not stemmed again.
 */
export interface FigureKeyWords {
  stems: readonly string[];
  /** Per figure, in the index's order: where its sentence and its title are in the lists below. */
  sentenceOf: Uint32Array;
  titleOf: Uint32Array;
  sentences: StemLists;
  titles: StemLists;
}

/** The stem numbers of list `i`. */
export function stemsOf(lists: StemLists, i: number): Uint32Array {
  return lists.stems.subarray(lists.offsets[i]!, lists.offsets[i + 1]!);
}
