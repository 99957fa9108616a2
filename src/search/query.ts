/** What a question asks for, read once and shared by search and the ranking signals. */
import { foldText, yearsIn } from './text-analysis.js';
import type { GradeModel } from '../grades/model.js';
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
  /** Regions and councils the question names (data/places.txt). */
  places: string[];
  /** The parts of the service Ofsted judges apart that the question names ("help and protection"). */
  areas: string[];
  /** The kind of figure asked for: a share, a count, a sum of money. */
  asksFor: { percent: boolean; count: boolean; money: boolean };
  /** "latest", "most recent", "now": the newest evidence is wanted. */
  asksLatest: boolean;
  /** "When", "what year", "which date": the answer is a date or a year. */
  asksForDate: boolean;
  /** The vocabulary's framing words ("view", "latest figures"): searched, but not required of an answer. */
  framing: string[];
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
    places: vocabulary.places.find(text, { anyCase: true }),
    areas: vocabulary.areas.find(text),
    asksFor: {
      percent: /%|\bper ?cent|\bshare\b|\bproportion|\bpercentage|\bfraction\b/.test(lower),
      count: /\bhow many\b|\bnumber of\b|\bcount\b/.test(lower),
      money: /£|\bspend|\bcost|\bspent|\bmoney|\bfunding|\bbudget|\bpounds?\b|\bpaid\b|\bpay\b|\bsalar(?:y|ies)\b|\bwages?\b|\bfees?\b|\bearn(?:s|ed|ings)?\b/.test(lower),
    },
    asksLatest: /\b(latest|most recent|newest|current|currently|now|nowadays|today|these days)\b/.test(lower),
    asksForDate: /^\s*when\b|\b(?:what|which) (?:year|date|month)s?\b|\bby when\b/.test(lower),
    framing: [...new Set(terms.filter((term) => vocabulary.framingTerms.has(term)))],
  };
}

/**
 * Grades named in a lower-case text (search's reading of the grade model), combined grades first,
 * then worst first. A combined grade hides its parts ("good or outstanding" is not
 * also "Good"), and a word that is ordinary English too ("good staff") counts only beside a cue
 * ("rated good", "good councils", "'good'").
 */
export function gradesIn(lowerText: string, grades: GradeModel): string[] {
  const words = lowerText.match(/[a-z]+|%|['"+]/g) ?? [];
  const present = new Set(words);
  const used = new Array<boolean>(words.length).fill(false);
  const found: string[] = [];
  for (const [grade, phrases] of grades.phrases) {
    for (const parts of phrases) {
      // Most texts name no grade: a phrase whose first word is absent is not looked for word by word.
      if (!present.has(parts[0] as string)) continue;
      for (let i = 0; i + parts.length <= words.length; i++) {
        const end = phraseEnd(words, used, i, parts);
        if (end === -1) continue;
        if (parts.length === 1 && grades.rankingCues.ambiguous.has(grade) && !hasCue(words, i, grades)) continue;
        used.fill(true, i, end);
        found.push(grade);
      }
    }
  }
  return [...new Set(found)];
}

/**
 * Where a phrase's words, starting at `start`, end; -1 when they are not there. Quotes between its
 * words are passed over: '"good" or "outstanding"' is the combined grade as much as "good or outstanding".
 */
function phraseEnd(words: readonly string[], used: readonly boolean[], start: number, parts: readonly string[]): number {
  let at = start;
  for (const [j, part] of parts.entries()) {
    if (j > 0) while (at < words.length && (words[at] === '"' || words[at] === "'") && !used[at]) at++;
    if (used[at] || words[at] !== part) return -1;
    at++;
  }
  return at;
}

function hasCue(words: readonly string[], index: number, grades: GradeModel): boolean {
  const before = [words[index - 1], words[index - 2]];
  return before.some((word) => word !== undefined && grades.rankingCues.before.has(word)) || grades.rankingCues.after.has(words[index + 1] ?? '');
}
