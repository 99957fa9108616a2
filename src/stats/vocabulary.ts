/** Loads data/stats-vocabulary.json and compiles its phrase lists into whole-word matchers. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const aliasList = z.array(z.string().min(1));

const vocabularySchema = z.object({
  grades: z.array(z.object({ name: z.string(), aliases: aliasList, needsCue: z.boolean().optional() })),
  gradeGroups: z.array(z.object({ grades: z.array(z.string()), aliases: aliasList })),
  caseSensitiveAliases: z.array(z.string()),
  gradeCues: z.object({ window: z.number().int().positive(), words: aliasList }),
  gradeJoiners: aliasList,
  counted: z.array(z.object({ name: z.string(), aliases: aliasList })),
  units: z.object({
    percent: aliasList,
    percentagePoints: aliasList,
    currencies: z.record(z.string(), z.string()),
    multipliers: z.record(z.string(), z.number()),
    moneyRates: aliasList,
  }),
  numberWords: z.record(z.string(), z.number()),
  fractions: z.record(z.string(), z.union([z.number(), z.string()])),
  seasons: z.record(z.string(), z.number().int().min(1).max(12)),
  relativePeriods: z.array(z.object({ words: aliasList, yearOffset: z.number().int() })),
  questionCues: z.record(z.string(), z.union([aliasList, z.string()])),
  recencyCues: aliasList,
  /** Words asking how far figures differ ("what range", "from what to what", "2012 vs 2008"): a pair of figures is wanted. */
  spreadCues: aliasList.default([]),
  /** A leading string is a comment; each array is a group of words used for the same idea. */
  wordGroups: z.array(z.union([z.string(), aliasList])).default([]),
});

export type VocabularyData = z.infer<typeof vocabularySchema>;

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
  return buildVocabulary(vocabularySchema.parse(json));
}

const VOCABULARY_FILE = new URL('../../data/stats-vocabulary.json', import.meta.url);

let cached: Vocabulary | undefined;

/** The project's vocabulary file, read once. */
export function defaultVocabulary(): Vocabulary {
  cached ??= parseVocabulary(JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')));
  return cached;
}
