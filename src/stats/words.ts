/** Key words of a question or sentence, stemmed, for lexical overlap. */
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { foldQuotes } from './vocabulary.js';

const STOPWORDS_FILE = new URL('../../data/stopwords.txt', import.meta.url);
/** Question words that say nothing about which figure is meant. */
const QUESTION_WORDS = ['what', 'whats', 'which', 'how', 'many', 'much', 'did', 'does', 'say', 'says', 'according', 'figure', 'figures', 'number'];

let stopwords: Set<string> | undefined;

/** Function words (data/stopwords.txt) plus question words. */
export function stopwordSet(): Set<string> {
  if (!stopwords) {
    const listed = readFileSync(STOPWORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#'));
    stopwords = new Set([...listed, ...QUESTION_WORDS]);
  }
  return stopwords;
}

/**
 * Lower-cased word stems, without function words; figures and years are kept whole. Numbers of two
 * digits count ("10 of 43 councils"): a question quoting one names the sentence that states it.
 */
export function keyWords(text: string): string[] {
  const words = foldQuotes(text).toLowerCase().replace(/'s\b/g, '').match(/[a-z]+|\d[\d,./]*\d|\d/g) ?? [];
  const stop = stopwordSet();
  return words.filter((w) => !stop.has(w) && (w.length > 2 || /^\d\d$/.test(w))).map((w) => (/^\d/.test(w) ? w : stem(w)));
}

/** Porter stems, with a final doubled consonant undone so "referral" and "referred" meet ("referr", "refer"). */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    // Stemming was most of the figures matcher's time: a corpus says the same words again and again.
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stemmed = stemmer(word).replace(/([b-df-hj-km-np-rtv-z])\1$/, '$1');
    stems.set(word, stemmed);
  }
  return stemmed;
}

const STEM_CACHE_LIMIT = 200_000;
const stems = new Map<string, string>();
