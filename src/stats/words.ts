/** Key words of a question or sentence, stemmed, for lexical overlap. */
import { stemmer } from 'stemmer';
import { foldQuotes } from './phrases.js';

/** Question words that say nothing about which figure is meant. */
const QUESTION_WORDS = ['what', 'whats', 'which', 'how', 'many', 'much', 'did', 'does', 'say', 'says', 'according', 'figure', 'figures', 'number'];

const STEM_MEMO_LIMIT = 200_000;

/**
 * Reads key words with one stopword list, built once by whoever loads the stats vocabulary. It
 * keeps a memo of stems: stemming was most of the time spent reading figures' key words, and a
 * corpus says the same words again and again.
 */
export class KeyWordReader {
  /** Function words (data/stopwords.txt) plus question words. */
  readonly stopwords: ReadonlySet<string>;
  private readonly stems = new Map<string, string>();

  constructor(stopwords: Iterable<string>) {
    this.stopwords = new Set([...stopwords, ...QUESTION_WORDS]);
  }

  /**
   * Lower-cased word stems, without function words; figures and years are kept whole. Numbers of two
   * digits count ("10 of 43 councils"): a question quoting one names the sentence that states it.
   */
  keyWords(text: string): string[] {
    const words = foldQuotes(text).toLowerCase().replace(/'s\b/g, '').match(/[a-z]+|\d[\d,./]*\d|\d/g) ?? [];
    return words.filter((w) => !this.stopwords.has(w) && (w.length > 2 || /^\d\d$/.test(w))).map((w) => (/^\d/.test(w) ? w : this.stem(w)));
  }

  /** Porter stems, with a final doubled consonant undone so "referral" and "referred" meet ("referr", "refer"). */
  stem(word: string): string {
    let stemmed = this.stems.get(word);
    if (stemmed === undefined) {
      if (this.stems.size >= STEM_MEMO_LIMIT) this.stems.clear();
      stemmed = stemmer(word).replace(/([b-df-hj-km-np-rtv-z])\1$/, '$1');
      this.stems.set(word, stemmed);
    }
    return stemmed;
  }
}

/** data/stopwords.txt's lines, without comments. */
export function parseStopwords(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
