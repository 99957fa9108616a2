/**
 * The question sets Citeline is measured and trained on (eval/sets.json): each names a reports
 * folder and a questions file, relative to the repository. A set whose files are not there (the
 * shared sets on a machine without them) is left out with a note.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { readEvalQuestions, type EvalQuestion } from './questions.js';

const setsSchema = z.object({
  sets: z.array(
    z.object({
      name: z.string().min(1),
      /** Which documents the set asks about: sets sharing documents are held out together. */
      collection: z.string().min(1),
      reports: z.string().min(1),
      questions: z.string().min(1),
    }),
  ),
});

export interface EvalSet {
  name: string;
  collection: string;
  reports: string;
  questionsFile: string;
  questions: EvalQuestion[];
}

export async function readEvalSets(file: string, only?: readonly string[]): Promise<{ sets: EvalSet[]; missing: string[] }> {
  const parsed = setsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid list of eval sets: ${parsed.error.message}`);
  const base = resolve(dirname(file), '..');
  const sets: EvalSet[] = [];
  const missing: string[] = [];
  const wanted = parsed.data.sets.filter((set) => !only || only.length === 0 || only.includes(set.name));
  if (only) for (const name of only) if (!parsed.data.sets.some((set) => set.name === name)) throw new Error(`No eval set named ${name} in ${file}.`);
  for (const set of wanted) {
    const reports = resolve(base, set.reports);
    const questionsFile = resolve(base, set.questions);
    if (!existsSync(reports) || !existsSync(questionsFile)) {
      missing.push(set.name);
      continue;
    }
    sets.push({ name: set.name, collection: set.collection, reports, questionsFile, questions: await readEvalQuestions(questionsFile) });
  }
  return { sets, missing };
}
