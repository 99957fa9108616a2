/** Loads data/stats-vocabulary.json and compiles its phrase lists into whole-word matchers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGradeModel, type GradeModel } from '../grades/model.js';
import * as shape from '../util/shape.js';
import { compileNumberPatterns, type NumberPatterns } from './number-patterns.js';
import { seasonPatternFor } from './year-patterns.js';
import type { VocabularyData } from './vocabulary-data.js';
import { PhraseMatcher } from './phrases.js';
import { KeyWordReader, parseStopwords } from './words.js';

export { foldQuotes, PhraseMatcher, type PhraseHit } from './phrases.js';
export type { VocabularyData } from './vocabulary-data.js';

const aliases = (value: unknown, path: string) => shape.list(value, path, shape.nonEmptyString);
const named = (entry: Record<string, unknown>, path: string) => ({ name: shape.string(entry.name, `${path}.name`), aliases: aliases(entry.aliases, `${path}.aliases`) });
const textOr = <T>(check: (value: unknown, path: string) => T) => (value: unknown, path: string) => (typeof value === 'string' ? value : check(value, path));

/**
 * Checks the vocabulary file by hand rather than with zod (src/util/shape.ts): it is read in the
 * ingest worker too, where loading zod alone took 11 MB.
 */
export function checkVocabularyData(json: unknown): VocabularyData {
  const data = shape.object(json, 'vocabulary');
  const units = shape.object(data.units, 'units');
  return {
    counted: shape.list(data.counted, 'counted', (value, path) => {
      const entry = shape.object(value, path);
      const graded = shape.optional(entry.graded, `${path}.graded`, shape.boolean);
      const narrower = entry.narrower === undefined ? undefined : shape.list(entry.narrower, `${path}.narrower`, aliases);
      return { ...named(entry, path), ...(graded !== undefined ? { graded } : {}), ...(narrower ? { narrower } : {}) };
    }),
    units: {
      percent: aliases(units.percent, 'units.percent'),
      percentagePoints: aliases(units.percentagePoints, 'units.percentagePoints'),
      currencies: shape.record(units.currencies, 'units.currencies', shape.string),
      multipliers: shape.record(units.multipliers, 'units.multipliers', shape.number),
      moneyRates: aliases(units.moneyRates, 'units.moneyRates'),
      measureWords: units.measureWords === undefined ? [] : aliases(units.measureWords, 'units.measureWords'),
    },
    numberWords: shape.record(data.numberWords, 'numberWords', shape.number),
    fractions: shape.record(data.fractions, 'fractions', textOr(shape.number)),
    seasons: shape.record(data.seasons, 'seasons', (value, path) => {
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 12) throw new shape.ShapeError(path, 'a month from 1 to 12');
      return value as number;
    }),
    relativePeriods: shape.list(data.relativePeriods, 'relativePeriods', (value, path) => {
      const period = shape.object(value, path);
      return { words: aliases(period.words, `${path}.words`), yearOffset: shape.integer(period.yearOffset, `${path}.yearOffset`) };
    }),
    questionCues: shape.record(data.questionCues, 'questionCues', textOr(aliases)),
  };
}

/** The vocabulary with its matchers built once. */
export interface Vocabulary {
  data: VocabularyData;
  /** Ofsted's grades (data/grades.json), shared with search. */
  gradeModel: GradeModel;
  /** Key words with the stopword list, and a memo of stems for this vocabulary's life. */
  words: KeyWordReader;
  /** Keys are grade names, or several names joined by "+" for a combined grade. */
  grades: PhraseMatcher;
  /** For typed queries and questions, where "ri" in any case means requires improvement. */
  gradesAnyCase: PhraseMatcher;
  counted: PhraseMatcher;
  /** Each alias naming part of a counted thing ("cla"), and its group ("children in care", "looked after children", ...). */
  narrowerCounted: ReadonlyMap<string, readonly string[]>;
  /** The counted things marked `graded`: what a graded figure naming nothing counts. */
  gradedCounted: ReadonlySet<string>;
  relative: PhraseMatcher;
  relativeOffset: Map<string, number>;
  questionCues: PhraseMatcher;
  numberWords: Map<string, number>;
  fractions: Map<string, number>;
  /** What numbers.ts reads figures by. */
  numberPatterns: NumberPatterns;
  /** "autumn 2017", "spring of 2019": a season the vocabulary names, and a year. */
  seasonPattern: RegExp;
}

export function buildVocabulary(data: VocabularyData, gradeModel: GradeModel, stopwords: Iterable<string>): Vocabulary {
  const caseSensitive = new Set(gradeModel.caseSensitive);
  const gradeEntries = gradeModel.grades.map((g) => ({ key: g.name, phrases: g.spellings }));
  for (const combined of gradeModel.combined) gradeEntries.push({ key: combined.grades.join('+'), phrases: combined.spellings });
  const relativeEntries = data.relativePeriods.map((r, i) => ({ key: String(i), phrases: r.words }));
  const cueEntries = Object.entries(data.questionCues)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
    .map(([key, phrases]) => ({ key, phrases }));
  const numberWords = withCompoundNumbers(new Map(Object.entries(data.numberWords)));
  const fractions = new Map(Object.entries(data.fractions).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return {
    data,
    gradeModel,
    words: new KeyWordReader(stopwords),
    grades: new PhraseMatcher(gradeEntries, caseSensitive),
    gradesAnyCase: new PhraseMatcher(gradeEntries),
    counted: new PhraseMatcher(data.counted.map((c) => ({ key: c.name, phrases: [...c.aliases, ...(c.narrower ?? []).flat()] }))),
    narrowerCounted: new Map(data.counted.flatMap((c) => (c.narrower ?? []).flatMap((group) => group.map((alias) => [alias, group] as const)))),
    gradedCounted: new Set(data.counted.filter((c) => c.graded).map((c) => c.name)),
    relative: new PhraseMatcher(relativeEntries),
    relativeOffset: new Map(data.relativePeriods.map((r, i) => [String(i), r.yearOffset])),
    questionCues: new PhraseMatcher(cueEntries),
    numberWords,
    fractions,
    numberPatterns: compileNumberPatterns(data, numberWords, fractions),
    seasonPattern: seasonPatternFor(Object.keys(data.seasons)),
  };
}

export function parseVocabulary(json: unknown, gradeModel: GradeModel, stopwords: Iterable<string>): Vocabulary {
  return buildVocabulary(checkVocabularyData(json), gradeModel, stopwords);
}

/**
 * The stats vocabulary of a data folder: stats-vocabulary.json, grades.json and stopwords.txt. Whoever
 * opens the engine, an index or an ingest reads it once and passes it down; `gradeModel` is the one
 * search was given, when there is one.
 */
export function loadStatsVocabulary(dataDir: string, gradeModel: GradeModel = loadGradeModel(dataDir)): Vocabulary {
  const json: unknown = JSON.parse(readFileSync(join(dataDir, 'stats-vocabulary.json'), 'utf8'));
  return parseVocabulary(json, gradeModel, parseStopwords(readFileSync(join(dataDir, 'stopwords.txt'), 'utf8')));
}

/** A vocabulary as plain data, for a worker thread to build its own from (a message keeps Sets and Maps, not matchers). */
export interface VocabularySource {
  data: VocabularyData;
  grades: GradeModel;
  stopwords: string[];
}

export function vocabularySource(vocabulary: Vocabulary): VocabularySource {
  return { data: vocabulary.data, grades: vocabulary.gradeModel, stopwords: [...vocabulary.words.stopwords] };
}

/** The number words, and the tens joined to the units they name ("twenty-three", "ninety one"), as reports write them at a sentence's start. */
function withCompoundNumbers(words: Map<string, number>): Map<string, number> {
  const tens = [...words].filter(([, value]) => value >= 20 && value <= 90 && value % 10 === 0);
  const units = [...words].filter(([, value]) => value >= 1 && value <= 9);
  for (const [ten, tenValue] of tens) {
    for (const [unit, unitValue] of units) {
      words.set(`${ten}-${unit}`, tenValue + unitValue);
      words.set(`${ten} ${unit}`, tenValue + unitValue);
    }
  }
  return words;
}
