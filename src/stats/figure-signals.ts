/**
 * What a stats lookup reads of each figure it lists, to order them: small named signals, each a
 * number, which a learned linear model (figure-order.ts) weighs. Figures of one sentence share its
 * words; the signals near the figure (its clause, the words beside it) tell them apart.
 */
import type { Period } from './types.js';

/** One listed figure as the signals read it. */
export interface FigureReading {
  /** The figure's sentence, and where the figure stands in it. */
  sentence: string;
  rawStart: number;
  rawEnd: number;
  /** Whether the figure says a query word: by its sentence, its title, its counted thing or an acronym (the lookup's own reading). */
  says: (word: string) => boolean;
  /** Whether its sentence alone says a query word (an acronym the sentence writes counts). */
  sentenceSays: (word: string) => boolean;
  /** Where a search for the query ranks the figure's passage (0 first), undefined when not among those read. */
  searchRank: number | undefined;
  period: Period | undefined;
  counted: string | undefined;
}

/** The query's words and how much each weighs (rarer words more: WordWeights), with the lookup's key-word reader. */
export interface QueryWords {
  words: readonly string[];
  /** The share of the words' weight `amount` gives, each word's amount between 0 and 1. */
  share: (amount: (word: string) => number) => number;
  keyWords: (text: string) => string[];
}

export type FigureSignal = (figure: FigureReading, query: QueryWords) => number;

/** Characters either side of a figure read as beside it: a few words. */
const NEAR_CHARS = 50;
/** Words away from the figure at which a query word counts 1/e as much as one beside it. */
const PROXIMITY_WORDS = 6;
/** What ends a clause around a figure: a list or a contrast names another figure's thing. */
const CLAUSE_BREAKS = /[;:()]|,\s|\s(?:and|while|but|whereas|compared with)\s/g;

const said = (says: (word: string) => boolean) => (word: string) => (says(word) ? 1 : 0);

/** The share of the query's words (by weight) the figure says anywhere: sentence, title, counted thing, acronyms. */
export const wordCoverage: FigureSignal = (figure, query) => query.share(said(figure.says));

/** The share its sentence says: a title every figure of a report shares tells them apart less. */
export const sentenceCoverage: FigureSignal = (figure, query) => query.share(said(figure.sentenceSays));

/** The share said within a few words of the figure. */
export const nearCoverage: FigureSignal = (figure, query) => {
  const near = new Set(query.keyWords(figure.sentence.slice(Math.max(0, figure.rawStart - NEAR_CHARS), figure.rawEnd + NEAR_CHARS)));
  return query.share(said((word) => near.has(word)));
};

/** The share said in the figure's own clause: "64% of boys and 71% of girls" gives each its noun. */
export const clauseCoverage: FigureSignal = (figure, query) => {
  const { start, end } = clauseAround(figure.sentence, figure.rawStart, figure.rawEnd);
  const clause = new Set(query.keyWords(figure.sentence.slice(start, end)));
  return query.share(said((word) => clause.has(word)));
};

/** Each query word's weight, less the further (in words) its nearest mention stands from the figure. */
export const proximity: FigureSignal = (figure, query) => {
  const tokens = [...figure.sentence.matchAll(/\S+/g)].map((match) => ({ start: match.index, keyWords: query.keyWords(match[0]) }));
  const at = Math.max(0, tokens.findIndex((token, n) => (tokens[n + 1]?.start ?? Infinity) > figure.rawStart));
  const distance = (word: string) => {
    let nearest = Infinity;
    tokens.forEach((token, n) => {
      if (token.keyWords.includes(word)) nearest = Math.min(nearest, Math.abs(n - at));
    });
    return nearest;
  };
  return query.share((word) => Math.exp(-distance(word) / PROXIMITY_WORDS));
};

/** How high the search for the query ranks the figure's passage: 1 first, 1/2 second, 0 not read. */
export const searchRank: FigureSignal = (figure) => (figure.searchRank === undefined ? 0 : 1 / (1 + figure.searchRank));

/** Whether the sentence names the figure's period itself, not the passage, title or report date. */
export const periodStated: FigureSignal = (figure) => (figure.period && !figure.period.inferred ? 1 : 0);

/** Whether the figure counts a thing the vocabulary names (children, councils): a headline figure more often than a table cell. */
export const countedNamed: FigureSignal = (figure) => (figure.counted ? 1 : 0);

/** The sentence's length, logged: a long sentence says many words of many figures. */
export const sentenceLength: FigureSignal = (figure) => Math.log(1 + figure.sentence.length);

/** The words just before a figure: what it is stated as ("rose by", "Change:"). */
const before = (figure: FigureReading) => figure.sentence.slice(Math.max(0, figure.rawStart - 24), figure.rawStart).toLowerCase();

/** Written in words ("one", "a third", "three-quarters"): more often an aside than the figure a table or headline states. */
export const numberInWords: FigureSignal = (figure) => (/\d/.test(figure.sentence.slice(figure.rawStart, figure.rawEnd)) ? 0 : 1);

/** Stated as a change ("rose by 12%", "Change: -5", "+3"), not as a level. */
export const statedAsChange: FigureSignal = (figure) => (/\b(?:by|change:?)\s*$/.test(before(figure)) || /^[+\-−]/.test(figure.sentence.slice(figure.rawStart, figure.rawEnd)) ? 1 : 0);

/** The signals by the names the weights file gives them. */
export const FIGURE_SIGNALS = { wordCoverage, sentenceCoverage, nearCoverage, clauseCoverage, proximity, searchRank, periodStated, countedNamed, sentenceLength, numberInWords, statedAsChange } as const satisfies Record<string, FigureSignal>;

export type FigureSignalName = keyof typeof FIGURE_SIGNALS;

export const FIGURE_SIGNAL_NAMES = Object.keys(FIGURE_SIGNALS) as FigureSignalName[];

/** Every signal of one figure, by name. */
export function readFigureSignals(figure: FigureReading, query: QueryWords): Record<FigureSignalName, number> {
  const values = {} as Record<FigureSignalName, number>;
  for (const name of FIGURE_SIGNAL_NAMES) values[name] = FIGURE_SIGNALS[name](figure, query);
  return values;
}

/** The clause of `sentence` holding the figure at `rawStart..rawEnd`: between the breaks either side of it. */
export function clauseAround(sentence: string, rawStart: number, rawEnd: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BREAKS)) {
    const breakEnd = match.index + match[0].length;
    if (breakEnd <= rawStart) start = breakEnd;
    else if (match.index >= rawEnd) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}
