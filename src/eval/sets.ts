/**
 * The question sets Citeline is measured and trained on (eval/sets.json): each names a reports
 * folder and a questions file, relative to the repository. A set whose files are not there (the
 * shared sets on a machine without them) is left out with a note.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { readEvalQuestions, type EvalQuestion } from './questions.js';

/** What a set's lines are, and how each is put to Citeline. */
export const EVAL_ASKS = ['questions', 'claims', 'stats'] as const;
export type EvalAsks = (typeof EVAL_ASKS)[number];

const setsSchema = z.object({
  sets: z.array(
    z.object({
      name: z.string().min(1),
      /** Which documents the set asks about: sets sharing documents are held out together. */
      collection: z.string().min(1),
      reports: z.string().min(1),
      questions: z.string().min(1),
      /** false: a held-back test set, measured by `npm run eval` and never trained on (questions by `npm run train`, stats lookups by `npm run train:figures`). */
      train: z.boolean().default(true),
      /** What its lines are: questions (asked), claims posted in a discussion (their sources found), or `/citeline stats` lookups. */
      asks: z.enum(EVAL_ASKS).default('questions'),
    }),
  ),
});

export interface EvalSet {
  name: string;
  collection: string;
  reports: string;
  questionsFile: string;
  questions: EvalQuestion[];
  /** Whether `npm run train` (questions) or `npm run train:figures` (stats lookups) learns from it. */
  train: boolean;
  /** Questions are asked (`ask`); claims have their sources found (`findSources`, Slack's Find sources); stats queries are looked up (`stats`). */
  asks: EvalAsks;
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
    sets.push({ name: set.name, collection: set.collection, reports, questionsFile, questions: await readEvalQuestions(questionsFile), train: set.train, asks: set.asks });
  }
  return { sets, missing };
}

/** One entry of a sets file, as written. */
export interface EvalSetEntry {
  name: string;
  collection: string;
  reports: string;
  questions: string;
  train?: boolean;
  asks?: EvalAsks;
}

/**
 * Writes `folder`/eval/sets.json naming these sets, for `npm run eval -- --sets` (the eval sets
 * reshaped by scripts/joined-reports.ts and scripts/misspelt-questions.ts), and returns its path.
 * readEvalSets reads a sets file's paths from its folder's parent: give them absolute.
 */
export async function writeEvalSets(folder: string, sets: readonly EvalSetEntry[]): Promise<string> {
  const file = join(folder, 'eval', 'sets.json');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ sets }, null, 2) + '\n');
  return file;
}
