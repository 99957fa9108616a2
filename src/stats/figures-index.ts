/** The figures found in the corpus, kept as an artifact beside the search index and queried by grade, period and question. */
import { z } from 'zod';
import { groupMatches, QuestionMatcher } from './match.js';
import type { Figure, FigureMatch, FigureMatchGroup, StatsQuery } from './types.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { keyWords } from './words.js';

const FORMAT_VERSION = 1;

const periodSchema = z.object({
  text: z.string(),
  kind: z.enum(['year', 'financial-year', 'date', 'date-range', 'season', 'relative']),
  label: z.string(),
  years: z.array(z.number().int()),
  sortKey: z.string(),
  inferred: z.boolean(),
});

const figureSchema = z.object({
  id: z.string(),
  value: z.number(),
  unit: z.enum(['percent', 'percentage-points', 'count', 'GBP', 'USD', 'EUR', 'ratio']),
  raw: z.string(),
  rawStart: z.number().int(),
  rawEnd: z.number().int(),
  per: z.string().optional(),
  outOf: z.number().optional(),
  grade: z.string().optional(),
  grades: z.array(z.string()),
  counted: z.string().optional(),
  period: periodSchema.optional(),
  sentence: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }),
  context: z.string(),
  citation: z.object({
    passageId: z.string(),
    docId: z.string(),
    title: z.string(),
    source: z.string(),
    location: z.string(),
    date: z.string().optional(),
  }),
});

const artifactSchema = z.object({ version: z.literal(FORMAT_VERSION), figures: z.array(figureSchema) });

export interface FiguresIndexJSON {
  version: typeof FORMAT_VERSION;
  figures: Figure[];
}

export class FiguresIndex {
  readonly figures: readonly Figure[];
  private matcher: QuestionMatcher | undefined;

  constructor(
    figures: Figure[],
    private readonly vocabulary: Vocabulary = defaultVocabulary(),
  ) {
    this.figures = [...figures].sort(byPeriodThenDocument);
  }

  get size(): number {
    return this.figures.length;
  }

  toJSON(): FiguresIndexJSON {
    return { version: FORMAT_VERSION, figures: [...this.figures] };
  }

  /** Reads an artifact written by `toJSON`; throws on a different version or a malformed file. */
  static fromJSON(json: unknown, vocabulary?: Vocabulary): FiguresIndex {
    const parsed = artifactSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
    return new FiguresIndex(parsed.figures as Figure[], vocabulary);
  }

  /** Every figure that fits all the query's fields, by period then document. */
  lookup(query: StatsQuery): Figure[] {
    return this.figures.filter((figure) => fitsQuery(figure, query));
  }

  /**
   * Figures ranked against a question in natural language, best first. `passageIds`: passages the
   * extract search found for it, whose figures are considered even when they share no word with it.
   */
  matchQuestion(question: string, limit = 10, passageIds: ReadonlySet<string> = new Set()): FigureMatch[] {
    this.matcher ??= new QuestionMatcher([...this.figures], this.vocabulary);
    return this.matcher.match(question, limit, passageIds);
  }

  /** `matchQuestion`, laid out by what each figure measures so differing periods and sources are visible. */
  matchQuestionGrouped(question: string, limit = 10): FigureMatchGroup[] {
    return groupMatches(this.matchQuestion(question, limit));
  }
}

function fitsQuery(figure: Figure, query: StatsQuery): boolean {
  if (query.grades.length > 0 && !query.grades.every((g) => figure.grades.includes(g))) return false;
  if (query.period && !(figure.period?.years ?? []).some((y) => query.period!.years.includes(y))) return false;
  if (query.unit && figure.unit !== query.unit) return false;
  if (query.counted && figure.counted !== query.counted) return false;
  if (query.words.length > 0) {
    const present = new Set([...keyWords(figure.sentence.text), ...keyWords(figure.citation.title)]);
    if (!query.words.every((w) => present.has(w))) return false;
  }
  return true;
}

/** Chronological; figures with no known period last; then by document and position. */
export function byPeriodThenDocument(a: Figure, b: Figure): number {
  const ka = a.period?.sortKey || '\uffff';
  const kb = b.period?.sortKey || '\uffff';
  return (
    ka.localeCompare(kb) ||
    a.citation.docId.localeCompare(b.citation.docId) ||
    a.sentence.start - b.sentence.start ||
    a.rawStart - b.rawStart
  );
}
