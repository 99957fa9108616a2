/**
 * Writes every eval collection present reshaped as long reports (src/eval/joined-collection.ts):
 * its documents joined a few to a file under their own titles as headings, its questions pointed
 * at the joined files, and a sets file naming them, so the usual eval measures the long shape.
 *
 *   npx tsx scripts/joined-reports.ts [--per-file 10] [--out .cache/joined]
 *   npm run eval -- --sets .cache/joined/eval/sets.json
 *
 * Only Markdown and text reports are joined (a PDF or Word report is left out with a note).
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { joinDocuments, pointQuestionsAt } from '../src/eval/joined-collection.js';
import { readEvalSets, writeEvalSets, type EvalSetEntry } from '../src/eval/sets.js';

const { values } = parseArgs({
  options: {
    'per-file': { type: 'string', default: '10' },
    sets: { type: 'string', default: 'eval/sets.json' },
    out: { type: 'string', default: '.cache/joined' },
  },
});
const perFile = Number(values['per-file']);
const out = resolve(values.out);
const { sets, missing } = await readEvalSets(resolve(values.sets));
if (missing.length > 0) console.error(`left out (files not here): ${missing.join(', ')}`);
await rm(out, { recursive: true, force: true });

const joinedSets: EvalSetEntry[] = [];
for (const reports of new Set(sets.map((set) => set.reports))) {
  const collection = sets.find((set) => set.reports === reports)?.collection ?? basename(reports);
  const all = await readdir(reports);
  const names = all.filter((name) => ['.md', '.markdown', '.txt'].includes(extname(name).toLowerCase()));
  const skipped = all.length - names.length;
  if (skipped > 0) console.error(`${reports}: ${skipped} reports that are not Markdown or text left out`);
  const documents = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(reports, name), 'utf8') })));
  const files = joinDocuments(documents, perFile);
  const folder = join(out, collection);
  await mkdir(join(folder, 'reports'), { recursive: true });
  for (const file of files) await writeFile(join(folder, 'reports', file.name), file.text);
  for (const set of sets.filter((s) => s.reports === reports)) {
    const questions = join(folder, `${set.name}.jsonl`);
    await writeFile(questions, pointQuestionsAt(set.questions, files).map((q) => JSON.stringify(q)).join('\n') + '\n');
    joinedSets.push({ name: `${set.name}-joined`, collection: `${set.collection}-joined`, reports: join(folder, 'reports'), questions });
  }
  console.error(`${collection}: ${documents.length} documents joined into ${files.length} files`);
}
console.error(`npm run eval -- --sets ${await writeEvalSets(out, joinedSets)}`);
