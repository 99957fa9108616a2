/** The figures found in the corpus, kept as an artifact beside the search index and queried by grade, period and question. */
import { z } from 'zod';
import { groupMatches, QuestionMatcher } from './match.js';
import type { Figure, FigureMatch, FigureMatchGroup, FigureUnit, LocatedSentence, StatsQuery } from './types.js';
import { decodeAscendingLists, decodeVarints, encodeAscendingLists, encodeVarints, fromBase64, toBase64 } from '../search/varint.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { keyWords } from './words.js';
import { citationOf } from './extract.js';
import { stemsOf, type FigureKeyWords, type StemLists } from './key-words.js';
import type { Passage } from '../ingest/types.js';

/**
 * 4: columns. Each field of the figures is one array (numbers as base64 varints or float64 bytes, texts
 * as positions in small tables), and key words are stem numbers: opening a 100k-passage index read
 * 180k figure objects out of JSON and split 350k key-word strings, seconds before the first answer.
 * As in 3, no texts: a figure's sentence is offsets into its passage, its citation and id come from
 * the passage, its quoted figure from the sentence; its context is kept as key words only (it is
 * never quoted). The passages are saved beside the figures.
 */
const FORMAT_VERSION = 4;

const UNITS = ['percent', 'percentage-points', 'count', 'GBP', 'USD', 'EUR', 'ratio'] as const satisfies readonly FigureUnit[];

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
  unit: z.enum(UNITS),
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
  context: z.string().optional(),
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
 * The artifact's envelope is checked whole, each column as it is decoded (its length), and the first
 * figure decoded: the file is checksummed on load, so a column of the right length holds what was saved.
 */
const artifactSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  count: z.number().int().nonnegative(),
  passages: z.array(z.string()),
  sentences: z.string(),
  periods: z.array(periodSchema),
  strings: z.array(z.string()),
  gradeLists: z.array(z.array(z.string())),
  columns: z.object({
    value: z.string(),
    outOf: z.string(),
    unit: z.string(),
    rawStart: z.string(),
    rawEnd: z.string(),
    per: z.string(),
    grade: z.string(),
    grades: z.string(),
    counted: z.string(),
    period: z.string(),
    sentence: z.string(),
    context: z.string(),
  }),
  keyWords: z.object({ stems: z.array(z.string()), sentences: stemListsSchema(), contexts: stemListsSchema(), titles: stemListsSchema() }),
});

function stemListsSchema() {
  return z.object({ count: z.number().int().nonnegative(), lengths: z.string(), stems: z.string() });
}

export type FiguresIndexJSON = z.infer<typeof artifactSchema>;

/** How a saved index finds the passages its figures were read from. */
export type PassageLookup = (passageId: string) => Passage | undefined;

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

/** Texts to stem lists, numbering stems as they are first met. */
class StemListsBuilder {
  private readonly offsets: number[] = [0];
  private readonly stems: number[] = [];

  constructor(private readonly numberOf: (stem: string) => number) {}

  add(words: readonly string[]): void {
    const numbers = [...new Set(words.map(this.numberOf))].sort((a, b) => a - b);
    this.stems.push(...numbers);
    this.offsets.push(this.stems.length);
  }

  build(): StemLists {
    return { offsets: Uint32Array.from(this.offsets), stems: Uint32Array.from(this.stems) };
  }
}

/** The figures' passages and sentences, each listed once, and the figures' key words by those positions. */
function tabulate(figures: readonly Figure[], withKeyWords = true): { citations: Figure['citation'][]; sentences: number[]; keyWords?: FigureKeyWords } {
  const passages = new Table<Figure['citation']>((citation) => citation.passageId);
  const sentences = new Table<{ passage: number; sentence: Figure['sentence'] }>(({ passage, sentence }) => `${passage}:${sentence.start}:${sentence.end}`);
  const contexts = new Table<string>((context) => context);
  const sentenceOf = new Uint32Array(figures.length);
  const contextOf = new Uint32Array(figures.length);
  const titleOf = new Uint32Array(figures.length);
  figures.forEach(({ sentence, context, citation }, i) => {
    titleOf[i] = passages.add(citation);
    sentenceOf[i] = sentences.add({ passage: titleOf[i]!, sentence });
    contextOf[i] = contexts.add(context ?? '');
  });
  const citations = passages.values;
  const triples = sentences.values.flatMap(({ passage, sentence }) => [passage, sentence.start, sentence.end]);
  if (!withKeyWords) return { citations, sentences: triples };
  const stems: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (stem: string) => {
    let n = numbers.get(stem);
    if (n === undefined) {
      n = stems.length;
      stems.push(stem);
      numbers.set(stem, n);
    }
    return n;
  };
  const lists = (texts: readonly string[]) => {
    const builder = new StemListsBuilder(numberOf);
    for (const text of texts) builder.add(keyWords(text));
    return builder.build();
  };
  return {
    citations,
    sentences: triples,
    keyWords: {
      stems,
      sentenceOf,
      contextOf,
      titleOf,
      sentences: lists(sentences.values.map(({ sentence }) => sentence.text)),
      contexts: lists(contexts.values),
      titles: lists(passages.values.map((citation) => citation.title)),
    },
  };
}

const varints = (values: ArrayLike<number>) => toBase64(encodeVarints(values));
const float64s = (values: readonly number[]) => toBase64(new Uint8Array(Float64Array.from(values).buffer));

function encodeStemLists(lists: StemLists): FiguresIndexJSON['keyWords']['sentences'] {
  const { lengths, gaps } = encodeAscendingLists(lists.offsets, lists.stems);
  return { count: lists.offsets.length - 1, lengths: toBase64(lengths), stems: toBase64(gaps) };
}

/** `keyWords`: a saved index's, by the same positions (they are not worked out again). */
function encodeFigures(figures: readonly Figure[], keyWords?: FigureKeyWords): FiguresIndexJSON {
  const tables = tabulate(figures, keyWords === undefined);
  const words = keyWords ?? tables.keyWords!;
  const periods = new Table<NonNullable<Figure['period']>>((period) => JSON.stringify(period));
  const strings = new Table<string>((text) => text);
  const gradeLists = new Table<string[]>((grades) => grades.join('\u0000'));
  // Optional values as position + 1, 0 for none.
  const optional = (text: string | undefined) => (text === undefined ? 0 : strings.add(text) + 1);
  const columns: FiguresIndexJSON['columns'] = {
    value: float64s(figures.map((f) => f.value)),
    outOf: float64s(figures.map((f) => f.outOf ?? Number.NaN)),
    unit: varints(figures.map((f) => UNITS.indexOf(f.unit))),
    rawStart: varints(figures.map((f) => f.rawStart)),
    rawEnd: varints(figures.map((f) => f.rawEnd)),
    per: varints(figures.map((f) => optional(f.per))),
    grade: varints(figures.map((f) => optional(f.grade))),
    grades: varints(figures.map((f) => gradeLists.add(f.grades))),
    counted: varints(figures.map((f) => optional(f.counted))),
    period: varints(figures.map((f) => (f.period ? periods.add(f.period) + 1 : 0))),
    sentence: varints(words.sentenceOf),
    context: varints(words.contextOf),
  };
  return {
    version: FORMAT_VERSION,
    count: figures.length,
    passages: tables.citations.map((citation) => citation.passageId),
    sentences: varints(tables.sentences),
    periods: periods.values,
    strings: strings.values,
    gradeLists: gradeLists.values,
    columns,
    keyWords: {
      stems: [...words.stems],
      sentences: encodeStemLists(words.sentences),
      contexts: encodeStemLists(words.contexts),
      titles: encodeStemLists(words.titles),
    },
  };
}

function decodeStemLists(saved: FiguresIndexJSON['keyWords']['sentences'], stemCount: number, what: string): StemLists {
  const outOfRange = () => new Error(`figures artifact: ${what} key words name a stem it does not have`);
  const { offsets, values } = decodeAscendingLists(fromBase64(saved.lengths), fromBase64(saved.stems), saved.count, stemCount, outOfRange);
  return { offsets, stems: values };
}

/** The figures again, their texts read from their passages, and their saved key words. */
function decodeFigures(json: FiguresIndexJSON, passageOf: PassageLookup): { figures: Figure[]; keyWords: FigureKeyWords } {
  const { count, columns } = json;
  const fail = (problem: string): never => {
    throw new Error(`figures artifact: ${problem}`);
  };
  const column = (name: keyof FiguresIndexJSON['columns']) => decodeVarints(fromBase64(columns[name]), count);
  const float64Column = (name: 'value' | 'outOf') => {
    const bytes = Buffer.from(columns[name], 'base64');
    if (bytes.length !== count * 8) fail(`its ${name} column holds ${bytes.length / 8} values, not ${count}`);
    // Copied out: a decoded buffer need not be aligned for a Float64Array view.
    return new Float64Array(new Uint8Array(bytes).buffer);
  };
  const at = <T>(table: readonly T[], position: number, what: string): T => table[position] ?? fail(`no ${what} at ${position}`);
  const optional = <T>(table: readonly T[], position: number, what: string): T | undefined => (position === 0 ? undefined : at(table, position - 1, what));

  const passages = json.passages.map((id) => {
    const passage = passageOf(id) ?? fail(`passage ${id} is not in the index`);
    return { passage, citation: citationOf(passage) };
  });
  const triples = decodeVarints(fromBase64(json.sentences), json.keyWords.sentences.count * 3);
  // Figures of one sentence share its located sentence.
  const sentences: LocatedSentence[] = [];
  const passageOfSentence = new Uint32Array(triples.length / 3);
  for (let i = 0; i < triples.length; i += 3) {
    const passage = triples[i]!;
    const of = at(passages, passage, 'passage').passage;
    const start = triples[i + 1]!;
    const end = triples[i + 2]!;
    const text = of.text.slice(start - of.start, end - of.start);
    if (text.length !== end - start) fail(`sentence ${i / 3} lies outside passage ${of.id}`);
    passageOfSentence[i / 3] = passage;
    sentences.push({ text, start, end });
  }
  const { stems } = json.keyWords;
  const keyWords = {
    sentences: decodeStemLists(json.keyWords.sentences, stems.length, 'sentence'),
    contexts: decodeStemLists(json.keyWords.contexts, stems.length, 'context'),
    titles: decodeStemLists(json.keyWords.titles, stems.length, 'title'),
  };
  if (keyWords.titles.offsets.length - 1 !== passages.length) fail('its title key words do not match its passages');

  const [value, outOf] = [float64Column('value'), float64Column('outOf')];
  const [unit, rawStart, rawEnd, per, grade, grades, counted, period] = (['unit', 'rawStart', 'rawEnd', 'per', 'grade', 'grades', 'counted', 'period'] as const).map(column);
  const sentenceOf = column('sentence');
  const contextOf = column('context');
  const titleOf = new Uint32Array(count);
  const contextCount = keyWords.contexts.offsets.length - 1;
  const figures = new Array<Figure>(count);
  for (let i = 0; i < count; i++) {
    const s = sentenceOf[i]!;
    const sentence = at(sentences, s, 'sentence');
    const { passage, citation } = passages[passageOfSentence[s]!]!;
    if (contextOf[i]! >= contextCount) fail(`no context at ${contextOf[i]}`);
    titleOf[i] = passageOfSentence[s]!;
    const start = rawStart![i]!;
    const end = rawEnd![i]!;
    // One shape for every figure, optional fields undefined where not stated: tens of thousands are made at start-up.
    figures[i] = {
      id: `${passage.docId}#${sentence.start}+${start}`,
      value: value[i]!,
      unit: at(UNITS, unit![i]!, 'unit'),
      raw: sentence.text.slice(start, end),
      rawStart: start,
      rawEnd: end,
      per: optional(json.strings, per![i]!, 'text'),
      outOf: Number.isNaN(outOf[i]) ? undefined : outOf[i],
      grade: optional(json.strings, grade![i]!, 'text'),
      grades: at(json.gradeLists, grades![i]!, 'grade list'),
      counted: optional(json.strings, counted![i]!, 'text'),
      period: optional(json.periods, period![i]!, 'period'),
      sentence,
      // Its context is kept as key words only, by position (FigureKeyWords).
      context: undefined,
      citation,
    };
  }
  return { figures, keyWords: { stems, sentenceOf, contextOf, titleOf, ...keyWords } };
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
    return (this.words ??= tabulate(this.figures).keyWords!);
  }

  get size(): number {
    return this.figures.length;
  }

  toJSON(): FiguresIndexJSON {
    return encodeFigures(this.figures, this.words);
  }

  /**
   * Reads an artifact written by `toJSON`, its texts from the passages it was read from; throws on a
   * different version, a malformed file or a passage the lookup does not know.
   */
  static fromJSON(json: unknown, passageOf: PassageLookup, vocabulary?: Vocabulary): FiguresIndex {
    const parsed = artifactSchema.parse(typeof json === 'string' ? JSON.parse(json) : json);
    const { figures, keyWords } = decodeFigures(parsed, passageOf);
    if (figures.length > 0) figureSchema.parse(figures[0]);
    return new FiguresIndex(figures, vocabulary, { keyWords });
  }

  /** Every figure that fits all the query's fields, by period then document. */
  lookup(query: StatsQuery): Figure[] {
    const words = this.keyWords;
    const stemsOfFigure = (i: number) => [...stemsOf(words.sentences, words.sentenceOf[i]!), ...stemsOf(words.titles, words.titleOf[i]!)].map((n) => words.stems[n]!);
    return this.figures.filter((figure, i) => fitsQuery(figure, query, () => stemsOfFigure(i)));
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
