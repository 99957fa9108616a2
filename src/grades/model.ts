/**
 * Ofsted's grades in one place (data/grades.json): their order, the ways people write them, the
 * phrases naming several at once, and the cues that make an everyday word a grade. Search reads
 * grades in questions and passages with it, the figures index reads them in report prose; both are
 * handed the one model their caller loaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as shape from '../util/shape.js';

export interface Grade {
  /** Canonical: "Requires improvement". */
  name: string;
  /** Lower case, longest first. */
  spellings: string[];
}

/** A phrase naming several grades at once ("good or better", "below good"). */
export interface CombinedGrade {
  /** Components, worst first. */
  grades: string[];
  spellings: string[];
}

export interface GradeModel {
  /** Worst first. */
  grades: Grade[];
  combined: CombinedGrade[];
  /** Canonical names, worst first. */
  order: string[];
  /** Spellings to read only in exactly this case in reports ("RI", never "ri"). */
  caseSensitive: string[];
  /** What may stand between grades that name one combined grade ("or", "/"). */
  joiners: string[];
  /** The figures index's cue rule, for report prose (src/stats/grades.ts). */
  figureCues: { ambiguous: Set<string>; window: number; before: Set<string> };
  /**
   * Each grade's label ("Good or outstanding" for a combined one) to its spellings as words
   * ("good/outstanding" is "good", "outstanding"): combined grades first, since their phrases hold
   * single grades' words, then worst first.
   */
  phrases: Map<string, string[][]>;
  /** Search's cue rule, for questions and passages (src/search/query.ts). */
  rankingCues: { ambiguous: Set<string>; before: Set<string>; after: Set<string> };
}

const spellings = (value: unknown, path: string) => shape.list(value, path, shape.nonEmptyString);

/** Checks data/grades.json by hand rather than with zod: the ingest worker reads it too (see src/util/shape.ts). */
export function parseGradeModel(json: unknown): GradeModel {
  const data = shape.object(json, 'grades file');
  const grades = shape.list(data.grades, 'grades', (value, path) => {
    const grade = shape.object(value, path);
    return { name: shape.nonEmptyString(grade.name, `${path}.name`), spellings: spellings(grade.spellings, `${path}.spellings`) };
  });
  const order = grades.map((g) => g.name);
  const known = (value: unknown, path: string) => shape.oneOf(value, order, path);
  const combined = shape.list(data.combined, 'combined', (value, path) => {
    const entry = shape.object(value, path);
    const parts = shape.list(entry.grades, `${path}.grades`, known);
    return { grades: [...parts].sort((a, b) => order.indexOf(a) - order.indexOf(b)), spellings: spellings(entry.spellings, `${path}.spellings`) };
  });
  const cues = shape.object(data.cues, 'cues');
  const figures = shape.object(cues.figures, 'cues.figures');
  const ranking = shape.object(cues.ranking, 'cues.ranking');
  const phrases = new Map<string, string[][]>();
  for (const entry of [...combined, ...grades.map((g) => ({ grades: [g.name], spellings: g.spellings }))]) {
    // Words, and a "+" of its own ("good+" is "good", "+"); a "/" between words is no part.
    phrases.set(gradeLabel(entry.grades)!, entry.spellings.map((spelling) => spelling.split(/\s+|(?=[/+])|(?<=\/)/).filter((part) => /[a-z+]/.test(part))));
  }
  return {
    grades,
    combined,
    phrases,
    order,
    caseSensitive: spellings(data.caseSensitive, 'caseSensitive'),
    joiners: spellings(data.joiners, 'joiners'),
    figureCues: {
      ambiguous: new Set(shape.list(figures.ambiguous, 'cues.figures.ambiguous', known)),
      window: shape.positive(figures.window, 'cues.figures.window'),
      before: new Set(spellings(figures.before, 'cues.figures.before')),
    },
    rankingCues: {
      ambiguous: new Set(shape.list(ranking.ambiguous, 'cues.ranking.ambiguous', known)),
      before: new Set(spellings(ranking.before, 'cues.ranking.before')),
      after: new Set(spellings(ranking.after, 'cues.ranking.after')),
    },
  };
}

/** Reads `grades.json` from a data folder; whoever opens the engine or an index calls it once and passes the model down. */
export function loadGradeModel(dataDir: string): GradeModel {
  const path = join(dataDir, 'grades.json');
  try {
    return parseGradeModel(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path} is not a valid grades file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Grade names in the model's order (worst first), each once. */
export function orderGrades(grades: readonly string[], model: GradeModel): string[] {
  return [...new Set(grades)].sort((a, b) => model.order.indexOf(a) - model.order.indexOf(b));
}

/** "Good or outstanding", "Inadequate", "Requires improvement, good or outstanding". */
export function gradeLabel(grades: readonly string[]): string | undefined {
  if (grades.length === 0) return undefined;
  const words = grades.map((g, i) => (i === 0 ? g : g.toLowerCase()));
  if (words.length === 1) return words[0];
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
