/**
 * How much a question speaks the reports' language. A term is characteristic of the reports when
 * they use it far more often than English does ("inadequate", "councils"), everyday when they use it
 * as often or less ("lunch", "office"), and foreign when they never use it ("wifi"). Off-topic
 * questions are made of everyday and foreign words; a question about the reports, however worded,
 * names at least some of their own. Read once per question, for the confidence models (a
 * share of "characteristic" terms above a cut-off was tried beside the mean: it declined answerable
 * questions on a small collection, and added nothing elsewhere).
 */

/** General English: a term's rank by frequency (0 the most frequent), from data/english-frequency.txt. */
export type GeneralRanks = ReadonlyMap<string, number>;

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
export function termSpecificity(term: string, corpus: CorpusFrequency, ranks: GeneralRanks): number {
  if (corpus.size === 0) return 0;
  const perWord = 1 / (((ranks.get(term) ?? RARE_RANK) + 10) * HARMONIC);
  const expected = 1 - Math.exp(-Math.max(1, corpus.termsPerPassage) * perWord);
  const holding = corpus.passagesHolding(term);
  if (holding === 0) return -Math.min(CLIP, corpus.size * expected);
  return Math.max(-CLIP, Math.min(CLIP, Math.log(holding / corpus.size / expected)));
}

/** The mean specificity of a question's terms (0 with none): how much it speaks the reports' language. */
export function questionSpecificity(terms: readonly string[], corpus: CorpusFrequency, ranks: GeneralRanks): number {
  if (terms.length === 0) return 0;
  return terms.reduce((sum, term) => sum + termSpecificity(term, corpus, ranks), 0) / terms.length;
}

/** Ranks from the word list (one a line, most frequent first, '#' comments), as search terms: a term's best rank wins. */
export function parseGeneralRanks(text: string, term: (word: string) => string | null): Map<string, number> {
  const ranks = new Map<string, number>();
  let rank = 0;
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word === '' || word.startsWith('#')) continue;
    const t = term(word);
    if (t !== null && !ranks.has(t)) ranks.set(t, rank);
    rank += 1;
  }
  return ranks;
}
