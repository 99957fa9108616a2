/**
 * The words a collection writes as names (a council, a place, a home, a service): those it
 * capitalises wherever a sentence does not open, and the documents writing each. A name is not
 * paraphrased as other words are, so a report that never writes it holds no figure about it:
 * "high needs deficit Westmere" is not answered from a report on two other councils.
 */
import { foldQuotes } from './phrases.js';

/** A word is a name when at least this share of its writings inside a sentence are capitalised. */
const CAPITALISED_SHARE = 0.9;
/** ... and it is written so at least this often: one capitalised mention may be a heading's. */
const CAPITALISED_AT_LEAST = 2;

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

  /** Reads every passage's words, by the key word (`stem`) the figures index reads them as. */
  static read(passages: Iterable<NamedText>, stem: (word: string) => string | undefined): WrittenNames {
    const capitalised = new Map<string, number>();
    const lowerCase = new Map<string, number>();
    const writers = new Map<string, Set<string>>();
    const titlesRead = new Set<string>();
    const wrote = (key: string, docId: string) => {
      const docs = writers.get(key);
      if (docs) docs.add(docId);
      else writers.set(key, new Set([docId]));
    };
    for (const { docId, title, text } of passages) {
      if (!titlesRead.has(docId)) {
        titlesRead.add(docId);
        for (const [word] of foldQuotes(title).matchAll(/[A-Za-z]+/g)) {
          const key = stem(word.toLowerCase());
          if (key !== undefined) wrote(key, docId);
        }
      }
      const folded = foldQuotes(text);
      for (const match of folded.matchAll(/[A-Za-z]+/g)) {
        const word = match[0];
        const key = stem(word.toLowerCase());
        if (key === undefined) continue;
        wrote(key, docId);
        // An acronym ("SEND", "LAs", "DfE") is capitalised whatever it stands for: only "Westmere" or "westmere" say.
        const written = /^[A-Z][a-z]+$/.test(word) ? capitalised : /^[a-z]+$/.test(word) ? lowerCase : undefined;
        if (!written || OPENING.test(folded.slice(Math.max(0, match.index - 4), match.index))) continue;
        written.set(key, (written.get(key) ?? 0) + 1);
      }
    }
    return new WrittenNames(capitalised, lowerCase, writers);
  }

  /** Whether the collection writes key word `key` as a name. */
  isName(key: string): boolean {
    const upper = this.capitalised.get(key) ?? 0;
    const lower = this.lowerCase.get(key) ?? 0;
    return upper >= CAPITALISED_AT_LEAST && upper / (upper + lower) >= CAPITALISED_SHARE;
  }

  /** The documents writing key word `key`, in a title or a passage. */
  documentsWriting(key: string): ReadonlySet<string> {
    return this.writers.get(key) ?? new Set();
  }

  /**
   * The documents writing every name among `keys` (a query's key words), or undefined when none is
   * a name: only their figures can be about what the query names.
   */
  documentsNaming(keys: readonly string[]): ReadonlySet<string> | undefined {
    const names = keys.filter((key) => this.isName(key));
    if (names.length === 0) return undefined;
    const [first, ...rest] = names.map((key) => this.documentsWriting(key));
    return new Set([...first!].filter((docId) => rest.every((docs) => docs.has(docId))));
  }
}
