/**
 * Acronyms and what they stand for. People write "CSC", "DfE" or "LAs" where a report spells out
 * "children's social care", "Department for Education" or "local authorities", and the other way
 * round. A window holds an acronym's term when it spells the acronym out, and holds the words of a
 * spelled-out phrase when it writes the acronym: read from the initials, with no list to keep.
 */

/** Words an acronym may skip or take a lower-case letter from ("Department for Education", "Children in Care"). */
export const JOINING_WORDS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', 'at', 'by', '&']);

/** 2-6 letters with at least two capitals ("CSC", "DfE", "CiC"); a plural "s" is dropped ("LAs"). */
const ACRONYM = /\b[A-Za-z][A-Za-z&]{1,5}\b/g;

export function acronymsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [token] of text.matchAll(ACRONYM)) {
    const singular = /^[A-Z&]+s$/.test(token) && token.length > 2 ? token.slice(0, -1) : token;
    if ((singular.match(/[A-Z]/g) ?? []).length >= 2 && singular.length >= 2) found.add(singular);
  }
  return [...found];
}

/** A text's words for spelling: split at spaces and hyphens ("full-time equivalent"). */
export function spellingWords(text: string): string[] {
  return text.split(/[^\p{L}&']+/u).filter((word) => word !== '');
}

/**
 * Where consecutive `words` spell `acronym` by their initials: the index range [start, end) or
 * undefined. A joining word ("for", "and") may give a letter or be skipped; every other word gives one.
 */
export function spelledOut(acronym: string, words: readonly string[]): [number, number] | undefined {
  const letters = acronym.toLowerCase();
  for (let start = 0; start < words.length; start++) {
    if (words[start]![0]?.toLowerCase() !== letters[0]) continue;
    let letter = 0;
    let at = start;
    while (letter < letters.length && at < words.length) {
      const word = words[at]!.toLowerCase();
      if (word[0] === letters[letter]) letter += 1;
      else if (!JOINING_WORDS.has(word)) break;
      at += 1;
    }
    if (letter === letters.length && at - start >= 2) return [start, at];
  }
  return undefined;
}

/**
 * Reads, for one question, the terms a text holds by acronym beyond its own words: the question's
 * acronyms it spells out, and the spelled-out phrases of the question whose acronym it writes.
 * The question is read once, the texts (its candidate windows) one by one. `terms` reads search terms.
 */
export function acronymReader(questionText: string, terms: (text: string) => string[]): (text: string) => string[] {
  const asked = acronymsIn(questionText).map((acronym) => ({ acronym, terms: terms(acronym) }));
  const questionWords = spellingWords(questionText);
  return (text) => {
    const added: string[] = [];
    const textWords = spellingWords(text);
    for (const { acronym, terms: acronymOwnTerms } of asked) if (spelledOut(acronym, textWords)) added.push(...acronymOwnTerms);
    for (const phrase of phrasesWrittenAsAcronyms(text, questionWords)) added.push(...terms(phrase));
    return added;
  };
}

/** The runs of `questionWords` that `text` writes as an acronym ("TA" for "temporary accommodation"), each as text. */
export function phrasesWrittenAsAcronyms(text: string, questionWords: readonly string[]): string[] {
  const phrases: string[] = [];
  for (const acronym of acronymsIn(text)) {
    const range = spelledOut(acronym, questionWords);
    if (range) phrases.push(questionWords.slice(...range).join(' '));
  }
  return phrases;
}
