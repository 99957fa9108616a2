/** The figures found in the corpus, kept as an artifact beside the search index and queried by grade, period and question. */
import { z } from 'zod';
import { groupMatches, QuestionMatcher } from './match.js';
import type { Figure, FigureMatch, FigureMatchGroup, StatsQuery } from './types.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { keyWords } from './words.js';
import { citationOf } from './extract.js';
import type { Passage } from '../ingest/types.js';

/**
 * 3: no texts. A figure's sentence is offsets into its passage, its citation and id come from the
 * passage, its quoted figure from the sentence; its context is kept as key words only (it is never
 * quoted). The passages are saved beside the figures, so the artifact holds little but numbers.
 */
const FORMAT_VERSION = 3;

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
  passages: z.array(z.string()),
  sentences: z.array(z.number().int()),
  periods: z.array(z.unknown()),
  figures: z.array(z.unknown()),
  keyWords: z.object({ sentences: z.array(z.string()), contexts: z.array(z.string()), titles: z.array(z.string()) }),
});

/** A figure as saved: what its passage and sentence tell (id, quoted text, citation) left out, the rest by position. */
type SavedFigure = Omit<Figure, 'id' | 'raw' | 'sentence' | 'context' | 'citation' | 'period'> & { sentence: number; context: number; period?: number };

export interface FiguresIndexJSON {
  version: typeof FORMAT_VERSION;
  /** The passages the figures were read from, by id. */
  passages: string[];
  /** Each sentence as three numbers: its passage's position in `passages`, then its start and end in the document. */
  sentences: number[];
  periods: NonNullable<Figure['period']>[];
  figures: SavedFigure[];
  /**
   * Key words (words.ts), space-separated: of each sentence, of each distinct context (a figure's
   * `context` is its position here) and of each passage's title. Worked out at ingest, so that the
   * first numeric question after start-up does not stem the whole corpus.
   */
  keyWords: { sentences: string[]; contexts: string[]; titles: string[] };
}

/** How a saved index finds the passages its figures were read from. */
export type PassageLookup = (passageId: string) => Passage | undefined;

/**
 * The figures' texts as key words (words.ts, space-separated), by position: what the matcher and the
 * lookup by words read. Figures of one sentence share its entry, figures of one passage its title's.
 * Saved with the index (FiguresIndexJSON.keyWords), so a saved index is not stemmed again.
 */
export interface FigureKeyWords {
  /** Per figure, in the index's order: where its sentence, its context and its title are in the lists below. */
  sentenceOf: Int32Array;
  contextOf: Int32Array;
  titleOf: Int32Array;
  sentences: readonly string[];
  contexts: readonly string[];
  titles: readonly string[];
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

/** The figures' passages, sentences and contexts, each listed once, and the figures' key words by those positions. */
function tabulate(figures: readonly Figure[]): { passageIds: string[]; sentences: number[]; keyWords: FigureKeyWords } {
  const passages = new Table<Figure['citation']>((citation) => citation.passageId);
  const sentences = new Table<{ passage: number; sentence: Figure['sentence'] }>(({ passage, sentence }) => `${passage}:${sentence.start}:${sentence.end}`);
  const contexts = new Table<string>((context) => context);
  const sentenceOf = new Int32Array(figures.length);
  const contextOf = new Int32Array(figures.length);
  const titleOf = new Int32Array(figures.length);
  figures.forEach(({ sentence, context, citation }, i) => {
    titleOf[i] = passages.add(citation);
    sentenceOf[i] = sentences.add({ passage: titleOf[i]!, sentence });
    contextOf[i] = contexts.add(context);
  });
  const words = (text: string) => keyWords(text).join(' ');
  return {
    passageIds: passages.values.map((citation) => citation.passageId),
    sentences: sentences.values.flatMap(({ passage, sentence }) => [passage, sentence.start, sentence.end]),
    keyWords: {
      sentenceOf,
      contextOf,
      titleOf,
      sentences: sentences.values.map(({ sentence }) => words(sentence.text)),
      contexts: contexts.values.map(words),
      titles: passages.values.map((citation) => words(citation.title)),
    },
  };
}

function encodeFigures(figures: readonly Figure[]): FiguresIndexJSON {
  const { passageIds, sentences, keyWords: words } = tabulate(figures);
  const periods = new Table<NonNullable<Figure['period']>>((period) => JSON.stringify(period));
  const saved = figures.map(({ id: _id, raw: _raw, sentence: _sentence, context: _context, citation: _citation, period, ...rest }, i): SavedFigure => ({
    ...rest,
    sentence: words.sentenceOf[i]!,
    context: words.contextOf[i]!,
    ...(period ? { period: periods.add(period) } : {}),
  }));
  return {
    version: FORMAT_VERSION,
    passages: passageIds,
    sentences,
    periods: periods.values,
    figures: saved,
    keyWords: { sentences: [...words.sentences], contexts: [...words.contexts], titles: [...words.titles] },
  };
}

/** The figures again, their texts read from their passages, and their saved key words. */
function decodeFigures(json: FiguresIndexJSON, passageOf: PassageLookup): { figures: Figure[]; keyWords: FigureKeyWords } {
  const at = <T>(table: readonly T[], position: number, what: string): T => {
    const value = table[position];
    if (value === undefined) throw new Error(`figures artifact: no ${what} at ${position}`);
    return value;
  };
  const { keyWords } = json;
  if (keyWords.titles.length !== json.passages.length || keyWords.sentences.length * 3 !== json.sentences.length) {
    throw new Error('figures artifact: its key words do not match its passages and sentences');
  }
  const passages = json.passages.map((id) => {
    const passage = passageOf(id);
    if (!passage) throw new Error(`figures artifact: passage ${id} is not in the index`);
    return { passage, citation: citationOf(passage) };
  });
  const sentences: { text: string; start: number; end: number; passage: number; of: (typeof passages)[number] }[] = [];
  for (let i = 0; i < json.sentences.length; i += 3) {
    const passage = json.sentences[i]!;
    const of = at(passages, passage, 'passage');
    const start = json.sentences[i + 1]!;
    const end = json.sentences[i + 2]!;
    const text = of.passage.text.slice(start - of.passage.start, end - of.passage.start);
    if (text.length !== end - start) throw new Error(`figures artifact: sentence ${i / 3} lies outside passage ${of.passage.id}`);
    sentences.push({ text, start, end, passage, of });
  }
  const sentenceOf = new Int32Array(json.figures.length);
  const contextOf = new Int32Array(json.figures.length);
  const titleOf = new Int32Array(json.figures.length);
  const figures = json.figures.map(({ sentence, context, period, ...rest }, i): Figure => {
    const { text, start, end, passage, of } = at(sentences, sentence, 'sentence');
    sentenceOf[i] = sentence;
    contextOf[i] = context;
    titleOf[i] = passage;
    return {
      id: `${of.passage.docId}#${start}+${rest.rawStart}`,
      raw: text.slice(rest.rawStart, rest.rawEnd),
      ...rest,
      ...(period !== undefined ? { period: at(json.periods, period, 'period') } : {}),
      sentence: { text, start, end },
      // A context is kept as its key words: they are what the matcher reads, and they stand for themselves.
      context: at(keyWords.contexts, context, 'context'),
      citation: of.citation,
    };
  });
  return { figures, keyWords: { sentenceOf, contextOf, titleOf, sentences: keyWords.sentences, contexts: keyWords.contexts, titles: keyWords.titles } };
}

export class FiguresIndex {
  readonly figures: readonly Figure[];
  private matcher: QuestionMatcher | undefined;
  /** Saved with the index, or worked out when first needed. */
  private words: FigureKeyWords | undefined;

  constructor(
    figures: Figure[],
    private readonly vocabulary: Vocabulary = defaultVocabulary(),
    /** A saved index's figures, in the order they were saved, and their key words. */
    saved?: { keyWords: FigureKeyWords },
  ) {
    // A saved index was sorted when it was built (and is checksummed), and its key words are by position.
    this.figures = saved ? figures : [...figures].sort(byPeriodThenDocument);
    this.words = saved?.keyWords;
  }

  private get keyWords(): FigureKeyWords {
    return (this.words ??= tabulate(this.figures).keyWords);
  }

  get size(): number {
    return this.figures.length;
  }

  toJSON(): FiguresIndexJSON {
    return encodeFigures(this.figures);
  }

  /**
   * Reads an artifact written by `toJSON`, its texts from the passages it was read from; throws on a
   * different version, a malformed file or a passage the lookup does not know.
   */
  static fromJSON(json: unknown, passageOf: PassageLookup, vocabulary?: Vocabulary): FiguresIndex {
    const parsed = artifactSchema.parse(typeof json === 'string' ? JSON.parse(json) : json) as FiguresIndexJSON;
    const { figures, keyWords } = decodeFigures(parsed, passageOf);
    if (figures.length > 0) figureSchema.parse(figures[0]);
    return new FiguresIndex(figures, vocabulary, { keyWords });
  }

  /** Every figure that fits all the query's fields, by period then document. */
  lookup(query: StatsQuery): Figure[] {
    const words = this.keyWords;
    const split = (text: string) => text.split(' ').filter(Boolean);
    return this.figures.filter((figure, i) =>
      fitsQuery(figure, query, () => [...split(words.sentences[words.sentenceOf[i]!]!), ...split(words.titles[words.titleOf[i]!]!)]),
    );
  }

  /**
   * Figures ranked against a question in natural language, best first. `passageIds`: passages the
   * extract search found for it, whose figures are considered even when they share no word with it.
   */
  matchQuestion(question: string, limit = 10, passageIds: ReadonlySet<string> = new Set()): FigureMatch[] {
    this.matcher ??= new QuestionMatcher([...this.figures], this.vocabulary, this.keyWords);
    return this.matcher.match(question, limit, passageIds);
  }

  /** `matchQuestion`, laid out by what each figure measures so differing periods and sources are visible. */
  matchQuestionGrouped(question: string, limit = 10): FigureMatchGroup[] {
    return groupMatches(this.matchQuestion(question, limit));
  }
}

/** `keyWordsOf`: the key words of the figure's sentence and title. */
function fitsQuery(figure: Figure, query: StatsQuery, keyWordsOf: () => readonly string[]): boolean {
  if (query.grades.length > 0 && !query.grades.every((g) => figure.grades.includes(g))) return false;
  if (query.period && !(figure.period?.years ?? []).some((y) => query.period!.years.includes(y))) return false;
  if (query.unit && figure.unit !== query.unit) return false;
  if (query.counted && figure.counted !== query.counted) return false;
  if (query.words.length > 0) {
    const present = new Set(keyWordsOf());
    if (!query.words.every((w) => present.has(w))) return false;
  }
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
