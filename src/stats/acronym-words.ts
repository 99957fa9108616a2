/**
 * A stats query's words a figure's text says by acronym, either way round: a word the reports never
 * write that the text spells out by its initials ("rwm": "reading, writing and mathematics"), or a
 * run of the query's words whose acronym the text writes ("temporary accommodation": "TA").
 */
import { phrasesWrittenAsAcronyms, spelledOut, spellingWords } from '../search/acronyms.js';

export class AcronymWords {
  private readonly queryWords: string[];
  /** Typed in lower case ("camhs"), an acronym is known by the reports never writing it as a word. */
  private readonly typedAcronyms: string[];

  /** `unwritten`: whether no figure's text has a key word; `keyWords`: the lookup's key words of a text. */
  constructor(
    queryText: string,
    unwritten: (word: string) => boolean,
    private readonly keyWords: (text: string) => string[],
  ) {
    this.queryWords = spellingWords(queryText);
    this.typedAcronyms = this.queryWords.filter((word) => /^[a-z]{2,6}$/i.test(word) && keyWords(word).every(unwritten));
  }

  /**
   * Whether a figure's text is worth reading for acronyms, from its key words (cheap) and the share
   * of the query they say: one of them spells out a run of the query's words, or the query typed an
   * acronym and the figure already says enough of the rest for it to matter.
   */
  worthReading(keyWords: Iterable<string>, shareSaid: number, enough: number): boolean {
    if (this.typedAcronyms.length > 0 && shareSaid >= enough) return true;
    for (const word of keyWords) if (word.length <= 6 && spelledOut(word, this.queryWords)) return true;
    return false;
  }

  /** The query's key words `text` says by acronym. */
  read(text: string): Set<string> {
    const said = new Set<string>();
    const words = spellingWords(text);
    for (const acronym of this.typedAcronyms) if (spelledOut(acronym, words)) for (const word of this.keyWords(acronym)) said.add(word);
    for (const phrase of phrasesWrittenAsAcronyms(text, this.queryWords)) for (const word of this.keyWords(phrase)) said.add(word);
    return said;
  }
}
