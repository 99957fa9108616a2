/**
 * What ranking signals read. A signal is a small named function from what is known of the question
 * and of one candidate window to a number; the ranker (src/search/ranker.ts) weighs them.
 */
import type { QuestionSpecificity } from '../domain.js';
import type { AnalysedQuery } from '../query.js';
import type { SearchVocabulary } from '../vocabulary.js';
import type { TableRowFocus } from '../table-focus.js';
import type { AnswerWindow } from '../windows.js';

/** Read once per question. */
export interface QuestionEvidence {
  query: AnalysedQuery;
  vocabulary: SearchVocabulary;
  /** Inverse document frequency of each question term, discounted for framing words. */
  termWeights: ReadonlyMap<string, number>;
  /** The question's terms in its own order, for phrase matching. */
  orderedTerms: readonly string[];
  /** Whether the question asks for a person ("who ..."). */
  asksForPerson: boolean;
  /** Whether the question asks which council or region ("which LAs ...?"). */
  asksForPlace: boolean;
  /** How much the question speaks the reports' language rather than everyday English (domain.ts): its terms' mean and highest. */
  specificity: QuestionSpecificity;
  /** The same for each of its terms. */
  termSpecificity: ReadonlyMap<string, number>;
  /** Terms of what sets the scene before a colon or a dash ("NAO report: how many ...?"): they find the document. */
  preambleTerms: ReadonlySet<string>;
}

/** Read once per candidate window. */
export interface WindowEvidence {
  window: AnswerWindow;
  /** The window's terms in order. */
  terms: readonly string[];
  termSet: ReadonlySet<string>;
  sentenceTerms: ReadonlySet<string>;
  /** Terms of the document's title and the passage's heading. */
  titleTerms: ReadonlySet<string>;
  /** Cosine similarity of the question's vector to the window's sentences (weighted by words) and to its best sentence. */
  windowSimilarity: number;
  sentenceSimilarity: number;
  /** For each question term, the best cosine similarity of its word to a word of the window. */
  wordSimilarity: ReadonlyMap<string, number>;
  /** The window's text folded (quotes, dashes) and lower-cased, for pattern signals. */
  foldedText: string;
  /**
   * The document's title and the passage's heading, folded: what a window's context says, as
   * titleTerms read it. In a long report the section heading names the year or place the title does not.
   */
  foldedTitle: string;
  /** Each question term's features for the learned term importance (term-importance.ts), read by training too. */
  termFeatures: ReadonlyMap<string, readonly number[]>;
  /** Each question term's learned probability of standing in the answering sentence (empty without the model). */
  termImportance: ReadonlyMap<string, number>;
  /** When the best sentence is a table: the row that answers, offsets in that sentence (table-focus.ts). */
  focusRow?: TableRowFocus;
  /** The best place among the figures the statistics lookup lists for the question (ListedFigure) of one the window states, from 1; 0 for none. */
  listedFigureRank: number;
}

/**
 * A figure the statistics lookup lists for the question read as a lookup, in its order: where it is
 * written, as offsets in its document (the Passage offset space).
 */
export interface ListedFigure {
  passageId: string;
  at: number;
}

export type Signal = (question: QuestionEvidence, window: WindowEvidence) => number;
