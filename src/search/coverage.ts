/** How much of a question a text covers: the measure both re-ranking and sentence choice use. */
import type { AnalysedQuery } from './query.js';

/** Credit for a question term that is missing but stood in for by a vocabulary equivalent. */
export const EQUIVALENT_CREDIT = 0.5;

/**
 * IDF-weighted share of the question's terms present in a text. A term that is absent but whose
 * phrase has an equivalent in the text ("the auditors" for "NAO") earns part of its weight.
 */
export function termCoverage(textTerms: ReadonlySet<string>, query: AnalysedQuery, idf: ReadonlyMap<string, number>): number {
  let total = 0;
  let found = 0;
  for (const term of query.terms) {
    const weight = idf.get(term) ?? 1;
    total += weight;
    if (textTerms.has(term)) found += weight;
    else if (hasEquivalent(term, textTerms, query)) found += EQUIVALENT_CREDIT * weight;
  }
  return total === 0 ? 0 : found / total;
}

function hasEquivalent(term: string, textTerms: ReadonlySet<string>, query: AnalysedQuery): boolean {
  return query.expansions.some(
    (expansion) => expansion.phrase.includes(term) && expansion.alternatives.some((alternative) => alternative.every((t) => textTerms.has(t))),
  );
}
