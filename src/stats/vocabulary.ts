/** Loads data/stats-vocabulary.json and compiles its phrase lists into whole-word matchers. */
import { readFileSync } from 'node:fs';
import * as shape from '../util/shape.js';

/** data/stats-vocabulary.json: the words figures are read by. Each alias list holds non-empty phrases. */
export interface VocabularyData {
  grades: { name: string; aliases: string[]; needsCue?: boolean }[];
  gradeGroups: { grades: string[]; aliases: string[] }[];
  caseSensitiveAliases: string[];
  gradeCues: { window: number; words: string[] };
  gradeJoiners: string[];
  /** `graded`: what Ofsted grades, which a figure with a grade and no noun of its own counts ("28% inadequate"). */
  counted: { name: string; aliases: string[]; graded?: boolean }[];
  units: {
    percent: string[];
    percentagePoints: string[];
    currencies: Record<string, string>;
    multipliers: Record<string, number>;
    moneyRates: string[];
  };
  numberWords: Record<string, number>;
  /** A string value is a comment. */
  fractions: Record<string, number | string>;
  /** Season to month, 1 to 12. */
  seasons: Record<string, number>;
  relativePeriods: { words: string[]; yearOffset: number }[];
  /** A string value is a comment. */
  questionCues: Record<string, string[] | string>;
  recencyCues: string[];
  /** Words asking how far figures differ ("what range", "from what to what", "2012 vs 2008"): a pair of figures is wanted. */
  spreadCues: string[];
  /** A leading string is a comment; each array is a group of words used for the same idea. */
  wordGroups: (string | string[])[];
}

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
  const gradeCues = shape.object(data.gradeCues, 'gradeCues');
  return {
    grades: shape.list(data.grades, 'grades', (value, path) => {
      const grade = shape.object(value, path);
      const needsCue = shape.optional(grade.needsCue, `${path}.needsCue`, shape.boolean);
      return { ...named(grade, path), ...(needsCue !== undefined ? { needsCue } : {}) };
    }),
    gradeGroups: shape.list(data.gradeGroups, 'gradeGroups', (value, path) => {
      const group = shape.object(value, path);
      return { grades: shape.stringList(group.grades, `${path}.grades`), aliases: aliases(group.aliases, `${path}.aliases`) };
    }),
    caseSensitiveAliases: shape.stringList(data.caseSensitiveAliases, 'caseSensitiveAliases'),
    gradeCues: { window: shape.positive(gradeCues.window, 'gradeCues.window'), words: aliases(gradeCues.words, 'gradeCues.words') },
    gradeJoiners: aliases(data.gradeJoiners, 'gradeJoiners'),
    counted: shape.list(data.counted, 'counted', (value, path) => {
      const entry = shape.object(value, path);
      const graded = shape.optional(entry.graded, `${path}.graded`, shape.boolean);
      return { ...named(entry, path), ...(graded !== undefined ? { graded } : {}) };
    }),
    units: {
      percent: aliases(units.percent, 'units.percent'),
      percentagePoints: aliases(units.percentagePoints, 'units.percentagePoints'),
      currencies: shape.record(units.currencies, 'units.currencies', shape.string),
      multipliers: shape.record(units.multipliers, 'units.multipliers', shape.number),
      moneyRates: aliases(units.moneyRates, 'units.moneyRates'),
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
    recencyCues: aliases(data.recencyCues, 'recencyCues'),
    spreadCues: data.spreadCues === undefined ? [] : aliases(data.spreadCues, 'spreadCues'),
    wordGroups: data.wordGroups === undefined ? [] : shape.list(data.wordGroups, 'wordGroups', textOr(aliases)),
  };
}

/** A phrase found in text: which entry it belongs to and where. */
export interface PhraseHit {
  key: string;
  start: number;
  end: number;
  text: string;
}

/** Finds any of a set of phrases as whole words, longest first, without overlaps. */
export class PhraseMatcher {
  private readonly patterns: RegExp[] = [];
  private readonly keyOf = new Map<string, string>();

  constructor(entries: Array<{ key: string; phrases: string[] }>, caseSensitive: ReadonlySet<string> = new Set()) {
    const folded: string[] = [];
    const exact: string[] = [];
    for (const { key, phrases } of entries) {
      for (const phrase of phrases) {
        const pinned = [...caseSensitive].find((c) => c.toLowerCase() === phrase.toLowerCase());
        if (pinned) {
          this.keyOf.set(pinned, key);
          exact.push(pinned);
        } else {
          this.keyOf.set(normalisePhrase(phrase), key);
          folded.push(phrase);
        }
      }
    }
    if (folded.length > 0) this.patterns.push(compile(folded, 'gi'));
    // Aliases such as "RI" are only safe to read in their exact case.
    if (exact.length > 0) this.patterns.push(compile(exact, 'g'));
  }

  find(text: string): PhraseHit[] {
    const plain = foldQuotes(text);
    const hits: PhraseHit[] = [];
    for (const pattern of this.patterns) {
      for (const match of plain.matchAll(pattern)) {
        const found = match[0];
        const key = this.keyOf.get(found) ?? this.keyOf.get(normalisePhrase(found));
        if (key === undefined) continue;
        hits.push({ key, start: match.index, end: match.index + found.length, text: text.slice(match.index, match.index + found.length) });
      }
    }
    return withoutOverlaps(hits);
  }
}

/** Curly apostrophes and quotes to straight ones, one character for one so offsets survive. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** The lookup form of a phrase: lower case, with runs of quotes and spaces as one space. */
function normalisePhrase(phrase: string): string {
  return foldQuotes(phrase).toLowerCase().replace(/['"\s]+/g, ' ').trim();
}

function compile(phrases: string[], flags: string): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const alternatives = sorted.map((phrase) => {
    // Words may be split by quotes as well as spaces: "below 'good'".
    const body = escapeRegExp(foldQuotes(phrase)).replace(/ /g, `['"\\s]+`);
    // Word edges only where the phrase starts or ends with a word character ("%" and "£" need none).
    const before = /^\w/.test(phrase) ? '\\b' : '';
    const after = /\w$/.test(phrase) ? '(?!\\w)' : '';
    return `${before}${body}${after}`;
  });
  return new RegExp(alternatives.join('|'), flags);
}

function withoutOverlaps(hits: PhraseHit[]): PhraseHit[] {
  const byPreference = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PhraseHit[] = [];
  for (const hit of byPreference) {
    if (kept.every((k) => hit.end <= k.start || hit.start >= k.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The vocabulary with its matchers built once. */
export interface Vocabulary {
  data: VocabularyData;
  /** Keys are grade names, or several names joined by "+" for a group phrase. */
  grades: PhraseMatcher;
  /** For typed queries and questions, where "ri" in any case means requires improvement. */
  gradesAnyCase: PhraseMatcher;
  gradeOrder: string[];
  needsCue: Set<string>;
  gradeCues: Set<string>;
  counted: PhraseMatcher;
  /** The counted things marked `graded`: what a graded figure naming nothing counts. */
  gradedCounted: ReadonlySet<string>;
  relative: PhraseMatcher;
  relativeOffset: Map<string, number>;
  questionCues: PhraseMatcher;
  recency: PhraseMatcher;
  spread: PhraseMatcher;
  numberWords: Map<string, number>;
  fractions: Map<string, number>;
}

export function buildVocabulary(data: VocabularyData): Vocabulary {
  const caseSensitive = new Set(data.caseSensitiveAliases);
  const gradeEntries = data.grades.map((g) => ({ key: g.name, phrases: g.aliases }));
  for (const group of data.gradeGroups) gradeEntries.push({ key: group.grades.join('+'), phrases: group.aliases });
  const relativeEntries = data.relativePeriods.map((r, i) => ({ key: String(i), phrases: r.words }));
  const cueEntries = Object.entries(data.questionCues)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
    .map(([key, phrases]) => ({ key, phrases }));
  return {
    data,
    grades: new PhraseMatcher(gradeEntries, caseSensitive),
    gradesAnyCase: new PhraseMatcher(gradeEntries),
    gradeOrder: data.grades.map((g) => g.name),
    needsCue: new Set(data.grades.filter((g) => g.needsCue).map((g) => g.name)),
    gradeCues: new Set(data.gradeCues.words),
    counted: new PhraseMatcher(data.counted.map((c) => ({ key: c.name, phrases: c.aliases }))),
    gradedCounted: new Set(data.counted.filter((c) => c.graded).map((c) => c.name)),
    relative: new PhraseMatcher(relativeEntries),
    relativeOffset: new Map(data.relativePeriods.map((r, i) => [String(i), r.yearOffset])),
    questionCues: new PhraseMatcher(cueEntries),
    recency: new PhraseMatcher([{ key: 'recent', phrases: data.recencyCues }]),
    spread: new PhraseMatcher([{ key: 'spread', phrases: data.spreadCues }]),
    numberWords: new Map(Object.entries(data.numberWords)),
    fractions: new Map(
      Object.entries(data.fractions).filter((e): e is [string, number] => typeof e[1] === 'number'),
    ),
  };
}

export function parseVocabulary(json: unknown): Vocabulary {
  return buildVocabulary(checkVocabularyData(json));
}

const VOCABULARY_FILE = new URL('../../data/stats-vocabulary.json', import.meta.url);

let cached: Vocabulary | undefined;

/** The project's vocabulary file, read once. */
export function defaultVocabulary(): Vocabulary {
  cached ??= parseVocabulary(JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')));
  return cached;
}
