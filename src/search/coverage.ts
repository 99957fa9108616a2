/** How much of a question a text covers: the measure both re-ranking and sentence choice use. */
import type { AnalysedQuery } from './query.js';

/** Credit for a question term that is missing but stood in for by a vocabulary equivalent. */
export const EQUIVALENT_CREDIT = 0.75;

/** Terms found in one place, and how much a question term found there counts (1 = fully). */
export interface CoverageTier {
  terms: ReadonlySet<string>;
  credit: number;
}

/**
 * IDF-weighted share of the question's terms present in a text. A term that is absent but whose
 * phrase has an equivalent in the text ("the auditors" for "NAO") earns part of its weight.
 */
export function termCoverage(textTerms: ReadonlySet<string>, query: AnalysedQuery, idf: ReadonlyMap<string, number>): number {
  return tieredCoverage([{ terms: textTerms, credit: 1 }], query, idf);
}

/**
 * Coverage where a term may be found in several places worth different credit: a sentence's own
 * words count fully, its document's title less, the rest of its passage less again. Each term
 * earns its best credit once.
 */
export function tieredCoverage(
  tiers: readonly CoverageTier[],
  query: AnalysedQuery,
  idf: ReadonlyMap<string, number>,
  /** Credit in [0, 1] for a term the text says in other words (word-vector similarity), if known. */
  softCredit?: (term: string) => number,
): number {
  let total = 0;
  let found = 0;
  for (const term of query.terms) {
    const weight = idf.get(term) ?? 1;
    total += weight;
    let best = 0;
    for (const tier of tiers) {
      if (tier.terms.has(term)) best = Math.max(best, tier.credit);
      else if (hasEquivalent(term, tier.terms, query)) best = Math.max(best, EQUIVALENT_CREDIT * tier.credit);
    }
    if (softCredit && best < 1) best = Math.max(best, softCredit(term));
    found += best * weight;
  }
  return total === 0 ? 0 : found / total;
}

function hasEquivalent(term: string, textTerms: ReadonlySet<string>, query: AnalysedQuery): boolean {
  return query.expansions.some(
    (expansion) => expansion.phrase.includes(term) && expansion.alternatives.some((alternative) => alternative.every((t) => textTerms.has(t))),
  );
}
