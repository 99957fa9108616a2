/**
 * How much a question speaks the reports' language. A term is characteristic of the reports when
 * they use it far more often than English does ("inadequate", "councils"), everyday when they use it
 * as often or less ("lunch", "office"), and foreign when they never use it ("wifi"). Off-topic
 * questions are made of everyday and foreign words; a question about the reports, however worded,
 * names at least some of their own. Read once per question, for the confidence models (a
 * share of "characteristic" terms above a cut-off was tried beside the mean: it declined answerable
 * questions on a small collection, and added nothing elsewhere).
 */

/** General English: a word's rank by frequency (0 the most frequent), from data/english-frequency.txt. */
export type GeneralRanks = ReadonlyMap<string, number>;

/** A word of the question (lower case, as written) and its search term. */
export interface QuestionWord {
  word: string;
  term: string;
}

/** Rank given to a term English rarely uses (beyond the list). */
const RARE_RANK = 150_000;
/** Zipf's law for the share of English text a word of rank r makes up: 1 / ((r + 10) * H). */
const HARMONIC = Math.log(RARE_RANK) + 0.5772;
/** How far a term's specificity counts either way (natural log of a ratio). */
const CLIP = 3;

export interface CorpusFrequency {
  /** How many indexed passages hold the term. */
  passagesHolding(term: string): number;
  readonly size: number;
  readonly termsPerPassage: number;
}

/**
 * How much more often the reports use a term than English would lead one to expect of this much
 * text: log(share of passages holding it / share expected of passages that long, were the term as
 * common as in English), clipped. A term no passage holds counts against by how many passages were
 * expected to hold it: little in a small collection or for a rare word, much for an everyday word
 * a large collection never uses.
 */
export function termSpecificity({ word, term }: QuestionWord, corpus: CorpusFrequency, ranks: GeneralRanks): number {
  if (corpus.size === 0) return 0;
  const perWord = 1 / (((ranks.get(word.toLowerCase()) ?? RARE_RANK) + 10) * HARMONIC);
  const expected = 1 - Math.exp(-Math.max(1, corpus.termsPerPassage) * perWord);
  const holding = corpus.passagesHolding(term);
  if (holding === 0) return -Math.min(CLIP, corpus.size * expected);
  return Math.max(-CLIP, Math.min(CLIP, Math.log(holding / corpus.size / expected)));
}

/** How much a question speaks the reports' language: the mean specificity of its words, and the highest. */
export interface QuestionSpecificity {
  /** Each term once (0 with none). */
  mean: number;
  /**
   * Its most characteristic term's (0 with none). A question about the reports, however loosely
   * worded, names at least one thing they talk about; an off-topic one names none, however many
   * words it shares with them. Held out, reading this beside the mean declined 60 of 126
   * unanswerable questions against 50, at the same 5% of answerable ones.
   */
  peak: number;
}

export function questionSpecificity(words: readonly QuestionWord[], corpus: CorpusFrequency, ranks: GeneralRanks): QuestionSpecificity {
  const distinct = [...new Map(words.map((w) => [w.term, w])).values()];
  if (distinct.length === 0) return { mean: 0, peak: 0 };
  const each = distinct.map((word) => termSpecificity(word, corpus, ranks));
  return { mean: each.reduce((sum, value) => sum + value, 0) / each.length, peak: Math.max(...each) };
}

/** Ranks from the word list: one word a line, most frequent first, '#' comments. */
export function parseGeneralRanks(text: string): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const line of text.split('\n')) {
    const word = line.trim().toLowerCase();
    if (word === '' || word.startsWith('#') || ranks.has(word)) continue;
    ranks.set(word, ranks.size);
  }
  return ranks;
}
