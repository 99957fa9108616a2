/**
 * How text becomes search terms, the same way for passages and questions:
 * fold quotes and case, keep years and figures whole, drop function words, stem the rest.
 */
import { stemmer } from 'stemmer';

/** Straight quotes and plain dashes, so ‘Good’ and 'Good' and 2013–14 and 2013-14 match. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/** A text states a percentage: "28%", "28 %", "28 per cent", "28 percent". */
export const PERCENTAGE = /\d\s?%|\d\s?per ?cent\b/i;

/** A month's name, whole or as people shorten it ("Aug", "Sept"), for regular expressions (no flags). */
export const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

// "2007/08", "2013-14", "2007/2008": one period, written many ways.
const SPLIT_YEAR = /\b((?:19|20)\d\d)\s?[/-]\s?((?:19|20)?\d\d)\b/g;

/** Canonical form of a split year: "2007/08". */
export function canonicalSplitYear(first: string, second: string): string {
  return `${first}/${second.slice(-2)}`;
}

/** Years and split years named in a text, canonical ("2015", "2007/08"). */
export function yearsIn(text: string): string[] {
  const folded = foldText(text);
  const found = new Set<string>();
  for (const match of folded.matchAll(SPLIT_YEAR)) {
    const [, first, second] = match;
    if (first && second && isNextYear(first, second)) found.add(canonicalSplitYear(first, second));
  }
  for (const match of folded.matchAll(/\b(?:19|20)\d\d\b/g)) found.add(match[0]);
  return [...found];
}

function isNextYear(first: string, second: string): boolean {
  const a = Number(first);
  const b = Number(second.length === 2 ? first.slice(0, 2) + second : second);
  return b === a + 1;
}

/** Lower-case word tokens; split years stay one token and also give their first year. */
export function tokenize(text: string): string[] {
  return tokensOfFolded(foldText(text).toLowerCase());
}

/** `tokenize` of a text already folded and lower-cased. */
function tokensOfFolded(folded: string): string[] {
  const tokens: string[] = [];
  // Where each split year's short second half ends: "14" of "2013-14" is no number of its own.
  const secondHalves = new Set<number>();
  for (const match of folded.matchAll(SPLIT_YEAR)) {
    const [whole, first, second] = match;
    if (!first || !second || !isNextYear(first, second)) continue;
    tokens.push(canonicalSplitYear(first, second));
    if (second.length === 2) secondHalves.add(match.index + whole.length);
  }
  // Words (with inner apostrophes), and numbers with their decimal point or thousands commas. An
  // ordinal's or a decade's ending ("3rd", "21st", "1990s") stays with its number, and is no word.
  for (const match of folded.matchAll(/[a-z]+(?:'[a-z]+)*|(?=(\d+(?:[.,]\d+)*))\1(?:st|nd|rd|th|s)(?![a-z])|\d+(?:[.,]\d+)*/g)) {
    if (!secondHalves.has(match.index + match[0].length)) tokens.push(match[1] ?? match[0]);
  }
  return tokens;
}

const NEGATED = /n't$/;
const CONTRACTED_VERB = /^([a-z]+)'(?:re|ve|ll|d|m)$/;

/** Distinct tokens whose terms are remembered; a corpus's vocabulary is far smaller, so this is rarely reached. */
const TERM_CACHE_LIMIT = 200_000;

export class TermNormaliser {
  /** Stemming is most of indexing time, and a corpus says the same words again and again. */
  private readonly cache = new Map<string, string | null>();

  constructor(readonly stopwords: ReadonlySet<string>) {}

  /** A token's search term, or null for a function word. */
  term(token: string): string | null {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    if (this.cache.size >= TERM_CACHE_LIMIT) this.cache.clear();
    const term = this.uncachedTerm(token);
    this.cache.set(token, term);
    return term;
  }

  private uncachedTerm(token: string): string | null {
    // "doesn't", "can't", "won't": an auxiliary and "not", both function words; "they're", "we've",
    // "it'll": a pronoun and a verb. Left whole they were rare words ("doesnt") that no answer holds.
    if (NEGATED.test(token)) return null;
    const contracted = CONTRACTED_VERB.exec(token);
    if (contracted && this.stopwords.has(contracted[1]!)) return null;
    const word = token.replace(/'s$/, '').replace(/'/g, '');
    if (word.length === 0 || this.stopwords.has(word) || this.stopwords.has(token)) return null;
    if (/^\d/.test(word)) return word.replace(/,/g, '');
    return stemmer(word);
  }

  /** The content words of a text (no numbers, no function words), each with its search term. */
  words(text: string): { word: string; term: string }[] {
    return this.wordsOf(tokenize(text));
  }

  /** Every search term of a text, in order, function words dropped. */
  terms(text: string): string[] {
    return this.termsOf(tokenize(text));
  }

  /** A text's `terms` and `words` and its folded lower-case form, from one reading of it. */
  read(text: string): { folded: string; terms: string[]; words: { word: string; term: string }[] } {
    const folded = foldText(text).toLowerCase();
    const tokens = tokensOfFolded(folded);
    return { folded, terms: this.termsOf(tokens), words: this.wordsOf(tokens) };
  }

  private wordsOf(tokens: readonly string[]): { word: string; term: string }[] {
    const out: { word: string; term: string }[] = [];
    for (const token of tokens) {
      if (/\d/.test(token)) continue;
      const term = this.term(token);
      if (term) out.push({ word: token.replace(/'s$/, ''), term });
    }
    return out;
  }

  private termsOf(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (const token of tokens) {
      const term = this.term(token);
      if (term) out.push(term);
    }
    return out;
  }
}
