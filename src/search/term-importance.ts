/**
 * Learned term importance: how likely each question term is to stand in the sentence that answers,
 * read from what is general about the term (how rare it is, whether its document's title already
 * says it, how many of the document's candidate sentences hold it, how much the reports use it
 * beside everyday English, whether it is a number) rather than from which word it is. A logistic
 * model over these features is fitted by `npm run train` on the gold answer sentences and kept in
 * data/ranker-weights.json; the signal sentenceLearnedCoverage weighs coverage by it.
 */
import type { CandidateTermShares } from './candidate-context.js';
import { linearScore, sigmoid, type LinearModel } from './linear-model.js';

/** The features of one question term, in this order, for one document among the candidates. */
export const TERM_FEATURES = [
  'relativeIdf',
  'rarest',
  'twoRarest',
  'inTitle',
  'documentShare',
  'candidateShare',
  'framing',
  'specificity',
  'position',
  'numeric',
  'inverseTermCount',
  'inPreamble',
] as const;

/** What term features read of the question, once per question. */
export interface QuestionTerms {
  /** IDF of each term (framing words discounted), in the question's order of first use. */
  weights: ReadonlyMap<string, number>;
  framing: ReadonlySet<string>;
  /** How much more the reports use each term than English does (domain.ts), clipped to [-3, 3]. */
  specificity: ReadonlyMap<string, number>;
  /** The question's terms in order, for each term's position. */
  ordered: readonly string[];
  /** Terms of what precedes a colon or dash that sets the scene ("NAO report: how many ...?"). */
  preamble: ReadonlySet<string>;
}

/** Each question term's features for a window of the document with these title terms. */
export function termFeatures(question: QuestionTerms, titleTerms: ReadonlySet<string>, shares: CandidateTermShares, docId: string): Map<string, number[]> {
  const ranked = [...question.weights].sort((a, b) => b[1] - a[1]).map(([term]) => term);
  const highest = Math.max(1e-9, ...question.weights.values());
  const documentShares = shares.byDocument.get(docId);
  const features = new Map<string, number[]>();
  for (const [term, weight] of question.weights) {
    const rank = ranked.indexOf(term);
    const at = question.ordered.indexOf(term);
    features.set(term, [
      weight / highest,
      rank === 0 ? 1 : 0,
      rank <= 1 ? 1 : 0,
      titleTerms.has(term) ? 1 : 0,
      documentShares?.get(term) ?? 0,
      shares.overall.get(term) ?? 0,
      question.framing.has(term) ? 1 : 0,
      (question.specificity.get(term) ?? 0) / 3,
      at < 0 ? 0 : at / Math.max(1, question.ordered.length - 1),
      /\d/.test(term) ? 1 : 0,
      1 / question.weights.size,
      question.preamble.has(term) ? 1 : 0,
    ]);
  }
  return features;
}

/** A logistic model over TERM_FEATURES (those it names), standardised as the ranker's models are. */
export type TermImportanceModel = LinearModel;

/**
 * The probability that each term stands in the answering sentence. The model reads the features it
 * names (a subset of TERM_FEATURES, by name), so weights fitted before a feature was added still load.
 */
export function termImportance(model: TermImportanceModel, features: ReadonlyMap<string, readonly number[]>): Map<string, number> {
  const importance = new Map<string, number>();
  for (const [term, row] of features) {
    const named = Object.fromEntries(TERM_FEATURES.map((name, j) => [name, row[j] ?? 0]));
    importance.set(term, sigmoid(linearScore(model, named)));
  }
  return importance;
}

/**
 * The share of a question's term importance a text says: each term counts by its importance times
 * how fully the text says it (`credit`, 1 or 0 for a set of terms). What sentenceLearnedCoverage
 * reads at run time and training reads of its saved examples.
 */
export function importanceShare(importance: ReadonlyMap<string, number>, credit: (term: string) => number): number {
  let total = 0;
  let found = 0;
  for (const [term, weight] of importance) {
    total += weight;
    found += weight * credit(term);
  }
  return total === 0 ? 0 : found / total;
}
