/**
 * Typing slips in a question ("inadqeuate", "coucnils") read as the reports' own words. A word is
 * corrected only when neither the reports nor English know it: its term is in no passage and the
 * word is not among the general English words (data/english-frequency.txt), so an everyday word
 * the reports never use ("lunch") stays as it is and an off-topic question stays off-topic. The
 * correction is a word one edit away (a letter dropped, added, changed, or two swapped): an English
 * word if there is one, else a word whose term the reports hold; the one whose term the most
 * passages hold.
 */
import type { GeneralRanks } from './domain.js';
import type { TermNormaliser } from './text-analysis.js';

/** What spelling reads of the index. */
export interface SpellingLexicon {
  has(term: string): boolean;
  passagesHolding(term: string): number;
}

export interface SpellingTools {
  normaliser: Pick<TermNormaliser, 'term'>;
  generalRanks: GeneralRanks;
  lexicon: SpellingLexicon;
  /** Words the vocabulary knows though the reports may not use them: a place's short form ("Wilts"), a listed synonym. */
  known: (word: string) => boolean;
}

export interface SpellingCorrection {
  from: string;
  to: string;
}

/**
 * Shorter words have too many neighbours one edit away to guess among, and are more often chat
 * short forms than slips ("indep", "depts", "yorks" were read as "index", "depth", "works").
 */
const MIN_LENGTH = 6;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The text with each slip replaced (in the case it was typed), and the corrections made. */
export function correctSpelling(text: string, tools: SpellingTools): { text: string; corrections: SpellingCorrection[] } {
  const corrections: SpellingCorrection[] = [];
  const corrected = text.replace(/\p{L}+/gu, (word) => {
    const replacement = correctWord(word, tools);
    if (replacement === undefined) return word;
    corrections.push({ from: word, to: replacement });
    return replacement;
  });
  return { text: corrected, corrections };
}

/** The correction of one word, or undefined when it needs none (or none can be found). */
export function correctWord(word: string, { normaliser, generalRanks, lexicon, known }: SpellingTools): string | undefined {
  const lower = word.toLowerCase();
  // An acronym in capitals is an abbreviation the reports may not spell, not a slip.
  if (lower.length < MIN_LENGTH || !/^[a-z]+$/.test(lower) || word === word.toUpperCase() || generalRanks.has(lower) || known(word)) return undefined;
  const own = normaliser.term(lower);
  if (own === null || lexicon.has(own)) return undefined;
  // An English word one edit away comes first ("prniter" is "printer", not a stem the reports
  // happen to hold); among candidates alike, the one the most passages hold, then the commoner.
  let best: { word: string; english: boolean; passages: number; rank: number } | undefined;
  for (const candidate of oneEditAway(lower)) {
    const term = normaliser.term(candidate);
    if (term === null) continue;
    const rank = generalRanks.get(candidate);
    const passages = lexicon.has(term) ? lexicon.passagesHolding(term) : 0;
    if (rank === undefined && passages === 0) continue;
    const next = { word: candidate, english: rank !== undefined, passages, rank: rank ?? Infinity };
    if (!best || better(next, best)) best = next;
  }
  return best ? inCaseOf(word, best.word) : undefined;
}

function better(a: { english: boolean; passages: number; rank: number }, b: { english: boolean; passages: number; rank: number }): boolean {
  if (a.english !== b.english) return a.english;
  if (a.passages !== b.passages) return a.passages > b.passages;
  return a.rank < b.rank;
}

/** Every string one deletion, transposition, substitution or insertion away. */
function oneEditAway(word: string): Set<string> {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) edits.add(head + letter + tail.slice(1));
      edits.add(head + letter + tail);
    }
  }
  edits.delete(word);
  return edits;
}

/** The correction written as the word was: a capital first, or lower case. */
function inCaseOf(typed: string, correction: string): string {
  return typed[0] === typed[0]!.toUpperCase() ? correction[0]!.toUpperCase() + correction.slice(1) : correction;
}
