/** What a question asks for, read once and shared by search, re-ranking and answer composition. */
import { foldText, yearsIn } from './text-analysis.js';
import { expansionTerms, findExpansions, type Expansion, type SearchVocabulary } from './vocabulary.js';

export interface AnalysedQuery {
  text: string;
  /** The question's own search terms. */
  terms: string[];
  /** Phrases the domain vocabulary says mean the same as phrases of the question. */
  expansions: Expansion[];
  /** The distinct terms those phrases add (searched at a lower weight). */
  expansionTerms: string[];
  /** Years and split years named ("2015", "2007/08"). */
  years: string[];
  /** Ofsted grades named, canonical ("Inadequate", "Good or outstanding"). */
  grades: string[];
  asksFor: { percent: boolean; count: boolean; money: boolean };
}

export function analyseQuery(text: string, vocabulary: SearchVocabulary): AnalysedQuery {
  const terms = vocabulary.normaliser.terms(text);
  const lower = foldText(text).toLowerCase();
  const expansions = findExpansions(terms, vocabulary.synonymGroups);
  return {
    text,
    terms: [...new Set(terms)],
    expansions,
    expansionTerms: expansionTerms(expansions, terms),
    years: yearsIn(text),
    grades: gradesIn(lower, vocabulary.grades),
    asksFor: {
      percent: /%|\bper ?cent|\bshare\b|\bproportion|\bpercentage|\bwhat fraction|\bsplit\b/.test(lower),
      count: /\bhow many\b|\bnumber of\b|\bcount\b/.test(lower),
      money: /£|\bspend|\bcost|\bspent|\bmoney|\bfunding|\bbudget|\bpounds?\b/.test(lower),
    },
  };
}

/** Grades named in a lower-case text; a combined grade hides its parts ("good or outstanding" is not also "Good"). */
export function gradesIn(lowerText: string, grades: ReadonlyMap<string, readonly string[]>): string[] {
  let rest = ` ${lowerText.replace(/[^a-z/ ]+/g, ' ')} `;
  const found: string[] = [];
  for (const [grade, phrases] of grades) {
    for (const phrase of phrases) {
      const needle = ` ${phrase} `;
      if (rest.includes(needle)) {
        found.push(grade);
        rest = rest.split(needle).join('  ');
      }
    }
  }
  return [...new Set(found)];
}
