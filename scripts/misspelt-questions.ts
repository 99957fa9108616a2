/**
 * Writes every eval set present with each question's longest word misspelt
 * (src/eval/misspelt-questions.ts) and a sets file naming them, so the usual eval measures what a
 * typing slip costs:
 *
 *   npx tsx scripts/misspelt-questions.ts [--out .cache/misspelt]
 *   npm run eval -- --sets .cache/misspelt/eval/sets.json
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { misspellLongestWord } from '../src/eval/misspelt-questions.js';
import { readEvalSets } from '../src/eval/sets.js';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'eval/sets.json' },
    out: { type: 'string', default: '.cache/misspelt' },
  },
});
const out = resolve(values.out);
const { sets, missing } = await readEvalSets(resolve(values.sets));
if (missing.length > 0) console.error(`left out (files not here): ${missing.join(', ')}`);
await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'eval'), { recursive: true });
const misspelt = [];
for (const set of sets) {
  const questions = join(out, `${set.name}.jsonl`);
  await writeFile(questions, set.questions.map((q) => JSON.stringify({ ...q, question: misspellLongestWord(q.question) })).join('\n') + '\n');
  // readEvalSets reads paths relative to the sets file's parent folder; these are absolute.
  misspelt.push({ name: `${set.name}-misspelt`, collection: set.collection, reports: set.reports, questions });
}
await writeFile(join(out, 'eval', 'sets.json'), JSON.stringify({ sets: misspelt }, null, 2) + '\n');
console.error(`npm run eval -- --sets ${join(values.out, 'eval', 'sets.json')}`);
