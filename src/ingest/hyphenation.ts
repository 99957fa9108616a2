/**
 * A word broken by a hyphen at a line end is either a word the typesetter hyphenated ("inspec-tion")
 * or a compound whose hyphen fell at the line end ("multi-agency", "one-dimensional"). Which one is
 * decided from the document itself, then from the shape of the first part:
 * 1. the document writes the hyphenated form elsewhere ("re-inspection" mid-line): the hyphen stays;
 * 2. it writes the joined word elsewhere ("reinspection"): joined;
 * 3. the first part is a prefix or number word that English hyphenates ("multi", "non", "one"): kept;
 * 4. otherwise joined: a hyphenated syllable ("inspec", "improv") is no word to stand alone.
 */

/** Marks a line-end hyphen between two letters, until the document's words are known. */
export const SOFT_JOIN = '\uE000';
/** Marks where a page starts inside a block (pdf-flow.ts): may stand just before a SOFT_JOIN. */
export const PAGE_MARK = '\uE001';

/** First parts whose hyphen usually belongs to the word (lower case). */
const COMPOUND_PREFIXES = new Set([
  'multi', 'non', 'cross', 'self', 'well', 'co', 'ex', 'post', 'pre', 'anti', 'semi', 'mid', 'half', 'quasi',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'first', 'second',
  'third', 'long', 'short', 'full', 'part', 'high', 'low', 'under', 'over', 'all', 'year', 'day', 'front',
  'child', 'family', 'council', 'evidence', 'risk', 'decision', 'place', 'age', 'cost', 'wide',
]);

const WORD = /\p{L}+(?:['’]\p{L}+)*(?:[-‐]\p{L}+(?:['’]\p{L}+)*)*/gu;

/** The document's words as written (lower case): whole words, and hyphenated compounds apart. */
function knownWords(texts: readonly string[]): { words: Set<string>; compounds: Set<string> } {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      if (/[-‐]/.test(word)) compounds.add(word.replace(/‐/g, '-'));
      else words.add(word);
    }
  }
  return { words, compounds };
}

/** Every SOFT_JOIN in `texts` replaced by a hyphen or by nothing, as the rules above decide. */
export function resolveLineEndHyphens(texts: readonly string[]): string[] {
  if (!texts.some((text) => text.includes(SOFT_JOIN))) return [...texts];
  const known = knownWords(texts.map((text) => text.replaceAll(SOFT_JOIN, ' ').replaceAll(PAGE_MARK, '')));
  const broken = new RegExp(`(\\p{L}+)(${PAGE_MARK}?)${SOFT_JOIN}(\\p{L}+)`, 'gu');
  return texts.map((text) =>
    text
      .replace(broken, (_, first: string, mark: string, second: string) => first + mark + (keepsHyphen(first, second, known) ? '-' : '') + second)
      .replaceAll(SOFT_JOIN, '-'),
  );
}

function keepsHyphen(first: string, second: string, known: { words: Set<string>; compounds: Set<string> }): boolean {
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  if (known.compounds.has(`${a}-${b}`)) return true;
  if (known.words.has(a + b)) return false;
  // Only the last part of a longer compound ("child-" of "looked-after-child-") can be a prefix.
  const lastPart = a.split(/[-‐]/).pop()!;
  return COMPOUND_PREFIXES.has(lastPart);
}
