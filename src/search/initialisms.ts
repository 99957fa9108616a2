/**
 * What a question's acronym stands for in these reports, when the reports never write it: "who's
 * the PSW?" searches for "Principal Social Worker" too, found as a run of capitalised words whose
 * initials spell it ("DASS", "Director of Adult Social Services"). Read from the reports' own
 * names, with no list to keep; a window that spells the acronym out is credited by acronyms.ts.
 */
import { JOINING_WORDS, acronymsIn, spelledOut } from './acronyms.js';
import type { Expansion } from './vocabulary.js';

/**
 * Two-letter acronyms ("SW", "CP", "RI") match too many names by chance; three letters or more
 * rarely do.
 */
const MIN_LETTERS = 3;

/** Capitalised words in a row on one line, the acronyms' joining words allowed between them ("Secretary of State"). */
const NAME_RUN = new RegExp(String.raw`\b\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:${[...JOINING_WORDS].join('|')})[ \t]+)*\p{Lu}[\p{L}'’-]+)+`, 'gu');

/** The names (runs of capitalised words) of a collection and how often each is written. */
export class CorpusNames {
  private constructor(private readonly runs: ReadonlyMap<string, number>) {}

  static fromTexts(texts: Iterable<string>): CorpusNames {
    const runs = new Map<string, number>();
    for (const text of texts) for (const [run] of text.matchAll(NAME_RUN)) runs.set(run, (runs.get(run) ?? 0) + 1);
    return new CorpusNames(runs);
  }

  /** The name written most often whose words' initials spell `acronym` (ties to the first written), or undefined. */
  spelledOut(acronym: string): string | undefined {
    let best: { name: string; count: number } | undefined;
    const counts = new Map<string, number>();
    for (const [run, count] of this.runs) {
      const words = run.split(/[ \t]+/);
      const range = spelledOut(acronym, words);
      if (!range) continue;
      const named = words.slice(...range);
      // A name starts and ends on a word of its own: "ASC" is not "and Social Care".
      if (JOINING_WORDS.has((named[0] as string).toLowerCase()) || JOINING_WORDS.has((named[named.length - 1] as string).toLowerCase())) continue;
      const name = named.join(' ');
      const total = (counts.get(name) ?? 0) + count;
      counts.set(name, total);
      if (!best || total > best.count) best = { name, count: total };
    }
    return best?.name;
  }
}

/**
 * Expansions for the acronyms of a question that the reports never write (`known` says whether a
 * term is in any passage, or already read otherwise): each stands for the name of the reports it spells. The names are read
 * only when such an acronym is asked. `terms` reads search terms.
 */
export function initialismExpansions(questionText: string, names: () => CorpusNames, known: (term: string) => boolean, terms: (text: string) => string[]): Expansion[] {
  const expansions: Expansion[] = [];
  for (const acronym of acronymsIn(questionText)) {
    if (acronym.length < MIN_LETTERS) continue;
    const phrase = terms(acronym);
    if (phrase.length !== 1 || known(phrase[0] as string)) continue;
    const name = names().spelledOut(acronym);
    const alternative = name ? terms(name) : [];
    if (alternative.length >= 2) expansions.push({ phrase, alternatives: [alternative] });
  }
  return expansions;
}
