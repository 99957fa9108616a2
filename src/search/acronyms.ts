/**
 * Acronyms a question uses for something the reports write out in full: "CYP" for Children & Young
 * People, "AR" for annual report. Reports spell a name out more often than users do.
 */

/** Small words an acronym's letters usually skip ("Association of Directors of Children's Services": ADCS). */
const SKIPPED = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to']);

/** The lower-case letters of a word written as an acronym (two to six capitals, "CYP", "LAs"), or undefined. */
export function acronymLetters(word: string): string | undefined {
  const match = /^(\p{Lu}{2,6})s?$/u.exec(word);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Whether `text` has a run of words whose first letters spell `letters`, the small words between
 * them skipped or counted: "Children & Young People" spells "cyp", "Annual Report" spells "ar".
 * `title`: the text is a document's title.
 */
export function spellsOut(letters: string, text: string, options: { title?: boolean } = {}): boolean {
  const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  // Two or three letters are spelled by chance everywhere ("from each" for "FE", "England has
  // children" for "EHC"): only a name written with capitals spells them ("Annual Report",
  // "Department for Education" for "DE" and for "DfE"), a small word at most inside it. A
  // document's title is a name however it is written ("A brave new world" for "BNW").
  const strict = letters.length < 4 && options.title !== true;
  for (let start = 0; start < words.length; start++) {
    if (matchesFrom(words, start, letters, 0, strict)) return true;
  }
  return false;
}

function matchesFrom(words: readonly string[], at: number, letters: string, next: number, strict: boolean): boolean {
  if (next === letters.length) return true;
  const word = words[at];
  if (word === undefined) return false;
  const lower = word.toLowerCase();
  const small = SKIPPED.has(lower);
  const spells = !strict || (small ? next > 0 && next < letters.length - 1 : /^\p{Lu}/u.test(word));
  if (spells && lower[0] === letters[next] && matchesFrom(words, at + 1, letters, next + 1, strict)) return true;
  // A small word may stand between two of the spelled words ("Department for Education" is also DE).
  return next > 0 && SKIPPED.has(lower) && matchesFrom(words, at + 1, letters, next, strict);
}
