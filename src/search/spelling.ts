/**
 * Typing slips in a question ("inadqeuate", "coucnils") read as the reports' own words. A word is
 * corrected only when neither the reports nor English know it: its term is in no passage and the
 * word is not among the general English words (data/english-frequency.txt), so an everyday word
 * the reports never use ("lunch") stays as it is and an off-topic question stays off-topic. The
 * correction is a word one edit away (a letter dropped, added, changed, or two swapped) whose term
 * the reports hold, an English word first; the one whose term the most passages hold. A word written
 * with the other side of the Atlantic's spelling reads as the reports spell it.
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
/** A link, an e-mail address, a domain or a file name ("lgcplus.com", "report_v2.pdf"). */
const COPIED = /:\/\/|^www\.|@|\p{L}[._]\p{L}/u;

/** The text with each slip replaced (in the case it was typed), and the corrections made. */
export function correctSpelling(text: string, tools: SpellingTools): { text: string; corrections: SpellingCorrection[] } {
  const corrections: SpellingCorrection[] = [];
  // A link, an address or a file name is copied, not typed: its words are left as they are.
  const corrected = text.replace(/\S+/g, (token) =>
    COPIED.test(token)
      ? token
      : token.replace(/\p{L}+/gu, (word) => {
          const replacement = correctWord(word, tools);
          if (replacement === undefined) return word;
          corrections.push({ from: word, to: replacement });
          return replacement;
        }),
  );
  return { text: corrected, corrections };
}

/**
 * British and American spellings of one word: each pair's endings, either way round
 * ("organisation", "organization"). Both forms must be English words for one to stand for the other.
 */
const VARIANT_ENDINGS: readonly (readonly [string, string])[] = [
  ['isation', 'ization'],
  ['ise', 'ize'],
  ['ised', 'ized'],
  ['ises', 'izes'],
  ['ising', 'izing'],
  ['yse', 'yze'],
  ['ysed', 'yzed'],
  ['ysing', 'yzing'],
  ['our', 'or'],
  ['ours', 'ors'],
  ['tre', 'ter'],
  ['tres', 'ters'],
  ['elled', 'eled'],
  ['elling', 'eling'],
  ['ement', 'ment'],
  ['ements', 'ments'],
  ['amme', 'am'],
  ['ammes', 'ams'],
];

/** The correction of one word, or undefined when it needs none (or none can be found). */
export function correctWord(word: string, tools: SpellingTools): string | undefined {
  const { normaliser, generalRanks, lexicon, known } = tools;
  const lower = word.toLowerCase();
  if (lower.length < MIN_LENGTH) return undefined;
  const own = normaliser.term(lower);
  // A word the reports use needs nothing, whatever it is.
  if (own === null || lexicon.has(own)) return undefined;
  if (generalRanks.has(lower)) return otherSpelling(word, lower, tools);
  // An acronym in capitals is an abbreviation the reports may not spell, not a slip.
  if (!/^[a-z]+$/.test(lower) || word === word.toUpperCase() || known(word)) return undefined;
  return nearestIndexed(word, lower, tools);
}

/**
 * An English word the reports do not use, as they spell it when they use the other side of the
 * Atlantic's spelling: the other spelling must be English and indexed.
 */
function otherSpelling(word: string, lower: string, { normaliser, generalRanks, lexicon }: SpellingTools): string | undefined {
  for (const [british, american] of VARIANT_ENDINGS) {
    for (const [from, to] of [[british, american], [american, british]] as const) {
      if (!lower.endsWith(from)) continue;
      const other = lower.slice(0, -from.length) + to;
      const term = normaliser.term(other);
      if (generalRanks.has(other) && term !== null && lexicon.has(term)) return inCaseOf(word, other);
    }
  }
  return undefined;
}

/** A slip: the word one edit away whose term the reports hold. */
function nearestIndexed(word: string, lower: string, { normaliser, generalRanks, lexicon }: SpellingTools): string | undefined {
  // An English word one edit away that the reports use comes first. When the only English words
  // one edit away are ones the reports never use, the slip was of one of them ("prniter") or the
  // word is a rare one of its own ("shunted" is one edit from "hunted"): it is left alone rather than
  // read as a stem the reports happen to hold ("puniter", a stem of "punitive").
  let english: Candidate | undefined;
  let other: Candidate | undefined;
  let englishElsewhere = false;
  for (const candidate of oneEditAway(lower)) {
    const term = normaliser.term(candidate);
    if (term === null) continue;
    const rank = generalRanks.get(candidate);
    const passages = lexicon.has(term) ? lexicon.passagesHolding(term) : 0;
    if (rank !== undefined && passages === 0) englishElsewhere = true;
    if (passages === 0) continue;
    const next = { word: candidate, passages, rank: rank ?? Infinity };
    if (rank !== undefined) english = !english || better(next, english) ? next : english;
    else other = !other || better(next, other) ? next : other;
  }
  const chosen = english ?? (englishElsewhere ? undefined : other);
  return chosen ? inCaseOf(word, chosen.word) : undefined;
}

interface Candidate {
  word: string;
  passages: number;
  rank: number;
}

/** The one the most passages hold, then the commoner in English. */
function better(a: Candidate, b: Candidate): boolean {
  return a.passages !== b.passages ? a.passages > b.passages : a.rank < b.rank;
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
