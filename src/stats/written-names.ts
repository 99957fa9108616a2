/**
 * The words a collection writes as names (a council, a place, a home, a service): those it
 * capitalises wherever a sentence does not open, and the documents writing each. A name is not
 * paraphrased as other words are, so a report that never writes it holds no figure about it:
 * "high needs deficit Westmere" is not answered from a report on two other councils, nor a claim
 * about Westmere backed by another council's line.
 */
import { MONTH_NAME } from '../search/text-analysis.js';
import { foldQuotes } from './phrases.js';

/** A word is a name when at least this share of its writings inside a sentence are capitalised. */
const CAPITALISED_SHARE = 0.9;
/** ... and it is written so at least this often: one capitalised mention may be a heading's. */
const CAPITALISED_AT_LEAST = 2;

const MONTH = new RegExp(`^${MONTH_NAME}$`, 'i');
const WORD = /[A-Za-z]+/g;

/** What opens a sentence, a line, a list item, a table cell or a quotation: a capital after it says nothing. */
const OPENING = /(?:^|[\n.!?:;|•()"“‘'\-–—]|\d)[ \t]*$/;

export interface NamedText {
  docId: string;
  /** A document's title is capitalised as titles are: it says which documents write a name, not which words are names. */
  title: string;
  text: string;
}

export class WrittenNames {
  private constructor(
    private readonly capitalised: ReadonlyMap<string, number>,
    private readonly lowerCase: ReadonlyMap<string, number>,
    private readonly writers: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /**
   * Reads every passage's words, each as written in lower case: a name is a word, not a stem
   * ("landed" is no sign of "Land").
   */
  static read(passages: Iterable<NamedText>): WrittenNames {
    const capitalised = new Map<string, number>();
    const lowerCase = new Map<string, number>();
    const writers = new Map<string, Set<string>>();
    const titlesRead = new Set<string>();
    const wrote = (word: string, docId: string) => {
      const docs = writers.get(word);
      if (docs) docs.add(docId);
      else writers.set(word, new Set([docId]));
    };
    for (const { docId, title, text } of passages) {
      if (!titlesRead.has(docId)) {
        titlesRead.add(docId);
        for (const [word] of foldQuotes(title).matchAll(WORD)) wrote(word.toLowerCase(), docId);
      }
      const folded = foldQuotes(text);
      for (const match of folded.matchAll(WORD)) {
        const word = match[0];
        wrote(word.toLowerCase(), docId);
        // An acronym ("SEND", "LAs", "DfE") is capitalised whatever it stands for, and a month as a date: only "Westmere" or "westmere" say.
        const written = MONTH.test(word) ? undefined : /^[A-Z][a-z]+$/.test(word) ? capitalised : /^[a-z]+$/.test(word) ? lowerCase : undefined;
        if (!written || OPENING.test(folded.slice(Math.max(0, match.index - 4), match.index))) continue;
        const key = word.toLowerCase();
        written.set(key, (written.get(key) ?? 0) + 1);
      }
    }
    // Only a name's writers are ever asked for: the other words' would be most of the memory.
    const named = (word: string) => writtenAsName(capitalised.get(word) ?? 0, lowerCase.get(word) ?? 0);
    return new WrittenNames(capitalised, lowerCase, new Map([...writers].filter(([word]) => named(word))));
  }

  /** Whether the collection writes `word` (in lower case) as a name. */
  isName(word: string): boolean {
    return writtenAsName(this.capitalised.get(word) ?? 0, this.lowerCase.get(word) ?? 0);
  }

  /** The names a text writes, in lower case, each once, in order. */
  namesIn(text: string): string[] {
    return [...new Set(Array.from(foldQuotes(text).matchAll(WORD), ([word]) => word.toLowerCase()))].filter((word) => this.isName(word));
  }

  /** The documents writing name `word` (in lower case), in a title or a passage; none for a word that is no name. */
  documentsWriting(word: string): ReadonlySet<string> {
    return this.writers.get(word) ?? new Set();
  }

  /** The documents writing every one of `names` (undefined when there are none): only they can be about what a query names. */
  documentsNaming(names: readonly string[]): ReadonlySet<string> | undefined {
    if (names.length === 0) return undefined;
    const [first, ...rest] = names.map((name) => this.documentsWriting(name));
    return new Set([...first!].filter((docId) => rest.every((docs) => docs.has(docId))));
  }
}

/** Whether a word written `upper` times capitalised and `lower` times not, inside sentences, is a name. */
function writtenAsName(upper: number, lower: number): boolean {
  return upper >= CAPITALISED_AT_LEAST && upper / (upper + lower) >= CAPITALISED_SHARE;
}
