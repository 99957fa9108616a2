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
import { readEvalSets, writeEvalSets, type EvalSetEntry } from '../src/eval/sets.js';

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
await mkdir(out, { recursive: true });
const misspelt: EvalSetEntry[] = [];
for (const set of sets) {
  const questions = join(out, `${set.name}.jsonl`);
  await writeFile(questions, set.questions.map((q) => JSON.stringify({ ...q, question: misspellLongestWord(q.question) })).join('\n') + '\n');
  misspelt.push({ name: `${set.name}-misspelt`, collection: set.collection, reports: set.reports, questions });
}
console.error(`npm run eval -- --sets ${await writeEvalSets(out, misspelt)}`);
