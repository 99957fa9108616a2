/** The figures found in the corpus, kept as an artifact beside the search index and queried by grade, period and question. */
import { z } from 'zod';
import { groupMatches, QuestionMatcher } from './match.js';
import type { Figure, FigureMatch, FigureMatchGroup, StatsQuery } from './types.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { keyWords } from './words.js';

/** 2: sentences, contexts, citations and periods stored once each and referred to by position. */
const FORMAT_VERSION = 2;

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

/**
 * The artifact's envelope is checked whole, its figures by the first one: the file is checksummed
 * on load, so a figure of the right version has the right shape, and checking every one of tens of
 * thousands of figures was most of the time it took to open a large index.
 */
const artifactSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  sentences: z.array(z.unknown()),
  contexts: z.array(z.string()),
  citations: z.array(z.unknown()),
  periods: z.array(z.unknown()),
  figures: z.array(z.unknown()),
  keyWords: z.object({ sentences: z.array(z.string()), contexts: z.array(z.string()), titles: z.array(z.string()) }),
});

/** A figure as saved: what many figures share (their sentence, its neighbours, citation, period) by position in a table. */
type SavedFigure = Omit<Figure, 'sentence' | 'context' | 'citation' | 'period'> & { sentence: number; context: number; citation: number; period?: number };

export interface FiguresIndexJSON {
  version: typeof FORMAT_VERSION;
  sentences: Figure['sentence'][];
  contexts: string[];
  citations: Figure['citation'][];
  periods: NonNullable<Figure['period']>[];
  figures: SavedFigure[];
  /**
   * The key words (words.ts) of each sentence, context and citation's title, space-separated, in the
   * tables' order: worked out at ingest, so that the first numeric question after start-up does not
   * stem the whole corpus.
   */
  keyWords: { sentences: string[]; contexts: string[]; titles: string[] };
}

/** Values stored once each, by a key that names them: a sentence's five figures share one copy of it. */
class Table<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  add(value: T): number {
    const key = this.keyOf(value);
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(key, position);
    }
    return position;
  }
}

function encodeFigures(figures: readonly Figure[]): FiguresIndexJSON {
  // Keys that stand for the whole value: a sentence is its offsets and text; a citation and a
  // period are small, so their JSON.
  const sentences = new Table<Figure['sentence']>((sentence) => `${sentence.start}:${sentence.end}:${sentence.text}`);
  const contexts = new Table<string>((context) => context);
  const citations = new Table<Figure['citation']>((citation) => JSON.stringify(citation));
  const periods = new Table<NonNullable<Figure['period']>>((period) => JSON.stringify(period));
  const saved = figures.map(({ sentence, context, citation, period, ...rest }): SavedFigure => ({
    ...rest,
    sentence: sentences.add(sentence),
    context: contexts.add(context),
    citation: citations.add(citation),
    ...(period ? { period: periods.add(period) } : {}),
  }));
  const words = (text: string) => keyWords(text).join(' ');
  return {
    version: FORMAT_VERSION,
    sentences: sentences.values,
    contexts: contexts.values,
    citations: citations.values,
    periods: periods.values,
    figures: saved,
    keyWords: {
      sentences: sentences.values.map((sentence) => words(sentence.text)),
      contexts: contexts.values.map(words),
      titles: citations.values.map((citation) => words(citation.title)),
    },
  };
}

/** Text -> its saved key words, for the matcher. */
function knownKeyWords(json: FiguresIndexJSON): Map<string, string> {
  const known = new Map<string, string>();
  const take = (texts: readonly string[], words: readonly string[]) => texts.forEach((text, i) => words[i] !== undefined && known.set(text, words[i]));
  take(
    json.sentences.map((sentence) => sentence.text),
    json.keyWords.sentences,
  );
  take(json.contexts, json.keyWords.contexts);
  take(
    json.citations.map((citation) => citation.title),
    json.keyWords.titles,
  );
  return known;
}

function decodeFigures(json: FiguresIndexJSON): Figure[] {
  const at = <T>(table: readonly T[], position: number, what: string): T => {
    const value = table[position];
    if (value === undefined) throw new Error(`figures artifact: no ${what} at ${position}`);
    return value;
  };
  return json.figures.map(({ sentence, context, citation, period, ...rest }) => ({
    ...rest,
    sentence: at(json.sentences, sentence, 'sentence'),
    context: at(json.contexts, context, 'context'),
    citation: at(json.citations, citation, 'citation'),
    ...(period !== undefined ? { period: at(json.periods, period, 'period') } : {}),
  }));
}

export class FiguresIndex {
  readonly figures: readonly Figure[];
  private matcher: QuestionMatcher | undefined;
  /** Key words saved with the index, by text (see FiguresIndexJSON.keyWords). */
  private knownKeyWords: ReadonlyMap<string, string> = new Map();

  constructor(
    figures: Figure[],
    private readonly vocabulary: Vocabulary = defaultVocabulary(),
  ) {
    // Saved figures are already in order: checking costs less than sorting tens of thousands again.
    this.figures = isSorted(figures) ? [...figures] : [...figures].sort(byPeriodThenDocument);
  }

  get size(): number {
    return this.figures.length;
  }

  toJSON(): FiguresIndexJSON {
    return encodeFigures(this.figures);
  }

  /** Reads an artifact written by `toJSON`; throws on a different version or a malformed file. */
  static fromJSON(json: unknown, vocabulary?: Vocabulary): FiguresIndex {
    const parsed = artifactSchema.parse(typeof json === 'string' ? JSON.parse(json) : json) as FiguresIndexJSON;
    const figures = decodeFigures(parsed);
    if (figures.length > 0) figureSchema.parse(figures[0]);
    const index = new FiguresIndex(figures, vocabulary);
    index.knownKeyWords = knownKeyWords(parsed);
    return index;
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
    this.matcher ??= new QuestionMatcher([...this.figures], this.vocabulary, this.knownKeyWords);
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

function isSorted(figures: readonly Figure[]): boolean {
  for (let i = 1; i < figures.length; i++) if (byPeriodThenDocument(figures[i - 1]!, figures[i]!) > 0) return false;
  return true;
}

/** Orders as localeCompare does; a collator made once is many times faster. */
const collate = new Intl.Collator().compare;

/** Chronological; figures with no known period last; then by document and position. */
export function byPeriodThenDocument(a: Figure, b: Figure): number {
  const ka = a.period?.sortKey || '\uffff';
  const kb = b.period?.sortKey || '\uffff';
  return (
    collate(ka, kb) ||
    collate(a.citation.docId, b.citation.docId) ||
    a.sentence.start - b.sentence.start ||
    a.rawStart - b.rawStart
  );
}
