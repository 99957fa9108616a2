/**
 * The figures index as saved: its format (columns of varints and float64 bytes, texts as positions
 * in small tables, key words as stem numbers), the checks a saved one passes before it is used, and
 * encoding and decoding the columns.
 */
import type { Figure, FigureUnit, Period, PeriodKind } from './types.js';
import { decodeAscendingLists, decodeVarints, encodeAscendingLists, encodeVarints } from '../util/varint.js';
import type { KeyWordReader } from './words.js';
import * as shape from '../util/shape.js';
import type { FigureKeyWords, StemLists } from './key-words.js';
import type { Passage } from '../ingest/types.js';

/**
 * 4: columns. Each field of the figures is one array (numbers as base64 varints or float64 bytes, texts
 * as positions in small tables), and key words are stem numbers: opening a 100k-passage index read
 * 180k figure objects out of JSON and split 350k key-word strings, seconds before the first answer.
 * As in 3, no texts: a figure's sentence is offsets into its passage, its citation and id come from
 * the passage, its quoted figure from the sentence. The passages are saved beside the figures.
 * 5: the arrays are bytes, which the artifact codec keeps beside the JSON rather than as base64 in it.
 * 6: a sentence may have a prefix, the words before its offsets' text: a table cell's statement is
 * its row's label and column's name before the cell ("Eastpoint: Berths 140"), which a Markdown table
 * does not write beside it.
 * 7: no context key words (the neighbouring sentences'): only the question matcher, now gone, read them.
 */
const FORMAT_VERSION = 8;

export const UNITS = ['percent', 'percentage-points', 'count', 'GBP', 'USD', 'EUR', 'ratio', 'rate', 'measure'] as const satisfies readonly FigureUnit[];

const PERIOD_KINDS = ['year', 'financial-year', 'quarter', 'date', 'date-range', 'season', 'relative'] as const satisfies readonly PeriodKind[];

const COLUMN_NAMES = ['value', 'outOf', 'unit', 'rawStart', 'rawEnd', 'per', 'grade', 'grades', 'counted', 'period', 'sentence'] as const;

/** Stem lists as saved: a list's length, then its stem numbers, as ascending varints. */
interface SavedStemLists {
  count: number;
  lengths: Uint8Array;
  stems: Uint8Array;
}

/** As saved: tables of the texts and periods the figures share, and one column of bytes per field. */
export interface SavedFiguresIndex {
  version: typeof FORMAT_VERSION;
  count: number;
  passages: string[];
  sentences: Uint8Array;
  /** Per sentence: its prefix's position in `strings` + 1, 0 for none. */
  sentencePrefixes: Uint8Array;
  periods: Period[];
  strings: string[];
  gradeLists: string[][];
  columns: Record<(typeof COLUMN_NAMES)[number], Uint8Array>;
  keyWords: { stems: string[]; sentences: SavedStemLists; titles: SavedStemLists };
}

function checkPeriod(value: unknown, path: string): Period {
  const period = shape.object(value, path);
  return {
    text: shape.string(period.text, `${path}.text`),
    kind: shape.oneOf(period.kind, PERIOD_KINDS, `${path}.kind`),
    label: shape.string(period.label, `${path}.label`),
    years: shape.integers(period.years, `${path}.years`),
    sortKey: shape.string(period.sortKey, `${path}.sortKey`),
    inferred: shape.boolean(period.inferred, `${path}.inferred`),
  };
}

function checkStemLists(value: unknown, path: string): SavedStemLists {
  const lists = shape.object(value, path);
  return { count: shape.count(lists.count, `${path}.count`), lengths: shape.bytes(lists.lengths, `${path}.lengths`), stems: shape.bytes(lists.stems, `${path}.stems`) };
}

/**
 * The artifact's envelope is checked whole (by hand: src/util/shape.ts says why), each column as it is
 * decoded (its length), and the first figure decoded: the file is checksummed on load, so a column of
 * the right length holds what was saved.
 */
export function checkSaved(value: unknown): SavedFiguresIndex {
  const saved = shape.object(value, 'figures');
  const columns = shape.object(saved.columns, 'figures.columns');
  const keyWords = shape.object(saved.keyWords, 'figures.keyWords');
  return {
    version: shape.literal(saved.version, FORMAT_VERSION, 'figures.version'),
    count: shape.count(saved.count, 'figures.count'),
    passages: shape.stringList(saved.passages, 'figures.passages'),
    sentences: shape.bytes(saved.sentences, 'figures.sentences'),
    sentencePrefixes: shape.bytes(saved.sentencePrefixes, 'figures.sentencePrefixes'),
    periods: shape.list(saved.periods, 'figures.periods', checkPeriod),
    strings: shape.stringList(saved.strings, 'figures.strings'),
    gradeLists: shape.list(saved.gradeLists, 'figures.gradeLists', shape.stringList),
    columns: Object.fromEntries(COLUMN_NAMES.map((name) => [name, shape.bytes(columns[name], `figures.columns.${name}`)])) as SavedFiguresIndex['columns'],
    keyWords: {
      stems: shape.stringList(keyWords.stems, 'figures.keyWords.stems'),
      sentences: checkStemLists(keyWords.sentences, 'figures.keyWords.sentences'),
      titles: checkStemLists(keyWords.titles, 'figures.keyWords.titles'),
    },
  };
}

/** A figure as decoded from the columns holds the values a figure can have. */
export function checkFigure(figure: Figure): void {
  const path = 'figures.0';
  shape.string(figure.id, `${path}.id`);
  shape.number(figure.value, `${path}.value`);
  shape.oneOf(figure.unit, UNITS, `${path}.unit`);
  shape.string(figure.raw, `${path}.raw`);
  shape.count(figure.rawStart, `${path}.rawStart`);
  shape.count(figure.rawEnd, `${path}.rawEnd`);
  shape.optional(figure.per, `${path}.per`, shape.string);
  shape.optional(figure.outOf, `${path}.outOf`, shape.number);
  shape.optional(figure.grade, `${path}.grade`, shape.string);
  shape.stringList(figure.grades, `${path}.grades`);
  shape.optional(figure.counted, `${path}.counted`, shape.string);
  shape.optional(figure.period, `${path}.period`, checkPeriod);
  const sentence = shape.object(figure.sentence, `${path}.sentence`);
  shape.string(sentence.text, `${path}.sentence.text`);
  shape.count(sentence.start, `${path}.sentence.start`);
  shape.count(sentence.end, `${path}.sentence.end`);
  const citation = shape.object(figure.citation, `${path}.citation`);
  for (const field of ['passageId', 'docId', 'title', 'source', 'location'] as const) shape.string(citation[field], `${path}.citation.${field}`);
  shape.optional(citation.date, `${path}.citation.date`, shape.string);
}

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
/** `reader`: works out the figures' key words too (a saved index has its own). */
export function tabulate(
  figures: readonly Figure[],
  reader?: KeyWordReader,
): { citations: Figure['citation'][]; sentences: number[]; prefixes: string[]; keyWords?: FigureKeyWords } {
  const passages = new Table<Figure['citation']>((citation) => citation.passageId);
  const sentences = new Table<{ passage: number; sentence: Figure['sentence'] }>(({ passage, sentence }) => `${passage}:${sentence.start}:${sentence.end}`);
  const sentenceOf = new Uint32Array(figures.length);
  const titleOf = new Uint32Array(figures.length);
  figures.forEach(({ sentence, citation }, i) => {
    titleOf[i] = passages.add(citation);
    sentenceOf[i] = sentences.add({ passage: titleOf[i]!, sentence });
  });
  const citations = passages.values;
  const triples = sentences.values.flatMap(({ passage, sentence }) => [passage, sentence.start, sentence.end]);
  // What a sentence's text holds before its offsets' words (a table cell's label and column name).
  const prefixes = sentences.values.map(({ sentence }) => sentence.text.slice(0, Math.max(0, sentence.text.length - (sentence.end - sentence.start))));
  if (!reader) return { citations, sentences: triples, prefixes };
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
    for (const text of texts) builder.add(reader.keyWords(text));
    return builder.build();
  };
  return {
    citations,
    sentences: triples,
    prefixes,
    keyWords: {
      stems,
      sentenceOf,
      titleOf,
      sentences: lists(sentences.values.map(({ sentence }) => sentence.text)),
      titles: lists(passages.values.map(titleAndHeading)),
    },
  };
}

/** What a passage's figures are filed under beside their sentence: its document's title and its heading ("Table 4: PDU ratings"), not a page number. */
function titleAndHeading(citation: Figure['citation']): string {
  return PAGE.test(citation.location) ? citation.title : `${citation.title} ${citation.location}`;
}

const PAGE = /^(?:p\.|pp\.|page)\s*\d/i;

const float64s = (values: readonly number[]) => new Uint8Array(Float64Array.from(values).buffer);

function encodeStemLists(lists: StemLists): SavedFiguresIndex['keyWords']['sentences'] {
  const { lengths, gaps } = encodeAscendingLists(lists.offsets, lists.stems);
  return { count: lists.offsets.length - 1, lengths, stems: gaps };
}

/** `keyWords`: a saved index's, by the same positions (they are not worked out again); otherwise `reader` works them out. */
export function encodeFigures(figures: readonly Figure[], keyWords: FigureKeyWords | undefined, reader: KeyWordReader): SavedFiguresIndex {
  const tables = tabulate(figures, keyWords === undefined ? reader : undefined);
  const words = keyWords ?? tables.keyWords!;
  const periods = new Table<NonNullable<Figure['period']>>((period) => JSON.stringify(period));
  const strings = new Table<string>((text) => text);
  const gradeLists = new Table<string[]>((grades) => grades.join('\u0000'));
  // Optional values as position + 1, 0 for none.
  const optional = (text: string | undefined) => (text === undefined ? 0 : strings.add(text) + 1);
  const columns: SavedFiguresIndex['columns'] = {
    value: float64s(figures.map((f) => f.value)),
    outOf: float64s(figures.map((f) => f.outOf ?? Number.NaN)),
    unit: encodeVarints(figures.map((f) => UNITS.indexOf(f.unit))),
    rawStart: encodeVarints(figures.map((f) => f.rawStart)),
    rawEnd: encodeVarints(figures.map((f) => f.rawEnd)),
    per: encodeVarints(figures.map((f) => optional(f.per))),
    grade: encodeVarints(figures.map((f) => optional(f.grade))),
    grades: encodeVarints(figures.map((f) => gradeLists.add(f.grades))),
    counted: encodeVarints(figures.map((f) => optional(f.counted))),
    period: encodeVarints(figures.map((f) => (f.period ? periods.add(f.period) + 1 : 0))),
    sentence: encodeVarints(words.sentenceOf),
  };
  return {
    version: FORMAT_VERSION,
    count: figures.length,
    passages: tables.citations.map((citation) => citation.passageId),
    sentences: encodeVarints(tables.sentences),
    sentencePrefixes: encodeVarints(tables.prefixes.map((prefix) => optional(prefix || undefined))),
    periods: periods.values,
    strings: strings.values,
    gradeLists: gradeLists.values,
    columns,
    keyWords: {
      stems: [...words.stems],
      sentences: encodeStemLists(words.sentences),
      titles: encodeStemLists(words.titles),
    },
  };
}

function decodeStemLists(saved: SavedFiguresIndex['keyWords']['sentences'], stemCount: number, what: string): StemLists {
  const outOfRange = () => new Error(`figures artifact: ${what} key words name a stem it does not have`);
  const { offsets, values } = decodeAscendingLists(saved.lengths, saved.stems, saved.count, stemCount, outOfRange);
  return { offsets, stems: values };
}

/** Optional values are saved as position + 1, 0 for none. */
export function optional<T>(table: readonly T[], position: number): T | undefined {
  return position === 0 ? undefined : table[position - 1];
}

export function fail(problem: string): never {
  throw new Error(`figures artifact: ${problem}`);
}

/** The saved columns, decoded: numbers in typed arrays, texts as positions in the artifact's tables. */
export interface FigureColumns {
  value: Float64Array;
  outOf: Float64Array;
  unit: Uint32Array;
  rawStart: Uint32Array;
  rawEnd: Uint32Array;
  per: Uint32Array;
  grade: Uint32Array;
  grades: Uint32Array;
  counted: Uint32Array;
  period: Uint32Array;
  sentenceOf: Uint32Array;
  /** Per sentence: passage position, start, end. */
  sentenceTriples: Uint32Array;
  /** Per sentence: its prefix's position in the strings + 1, 0 for none. */
  sentencePrefixes: Uint32Array;
  /** Per figure: its passage's position (its sentence's), what its title's key words are filed by too. */
  passageOf: Uint32Array;
}

/**
 * The columns of a saved artifact, every position in them checked against what it points into (a
 * damaged column is refused when the index is opened, not when a figure is read), and its key words,
 * decoded when first read: only a lookup by words reads them, and they are most of the artifact.
 */
export function decodeColumns(json: SavedFiguresIndex): { columns: FigureColumns; keyWords: () => FigureKeyWords } {
  const { count, columns: saved } = json;
  const column = (name: keyof SavedFiguresIndex['columns']) => decodeVarints(saved[name], count);
  const float64Column = (name: 'value' | 'outOf') => {
    const bytes = saved[name];
    if (bytes.length !== count * 8) fail(`its ${name} column holds ${bytes.length / 8} values, not ${count}`);
    // Copied out: bytes inside a file need not be aligned for a Float64Array view.
    return new Float64Array(new Uint8Array(bytes).buffer);
  };
  if (json.keyWords.titles.count !== json.passages.length) fail('its title key words do not match its passages');
  const sentenceCount = json.keyWords.sentences.count;
  const columns: FigureColumns = {
    value: float64Column('value'),
    outOf: float64Column('outOf'),
    unit: column('unit'),
    rawStart: column('rawStart'),
    rawEnd: column('rawEnd'),
    per: column('per'),
    grade: column('grade'),
    grades: column('grades'),
    counted: column('counted'),
    period: column('period'),
    sentenceOf: column('sentence'),
    sentenceTriples: decodeVarints(json.sentences, sentenceCount * 3),
    sentencePrefixes: decodeVarints(json.sentencePrefixes, sentenceCount),
    passageOf: new Uint32Array(count),
  };
  const below = (values: Uint32Array, bound: number, what: string, stride = 1) => {
    for (let i = 0; i < values.length; i += stride) if (values[i]! >= bound) fail(`no ${what} at ${values[i]}`);
  };
  below(columns.unit, UNITS.length, 'unit');
  for (const name of ['per', 'grade', 'counted', 'sentencePrefixes'] as const) below(columns[name], json.strings.length + 1, 'text');
  below(columns.grades, json.gradeLists.length, 'grade list');
  below(columns.period, json.periods.length + 1, 'period');
  below(columns.sentenceOf, sentenceCount, 'sentence');
  below(columns.sentenceTriples, json.passages.length, 'passage', 3);
  for (let i = 0; i < count; i++) columns.passageOf[i] = columns.sentenceTriples[columns.sentenceOf[i]! * 3]!;
  const { stems } = json.keyWords;
  const keyWords = (): FigureKeyWords => ({
    stems,
    sentenceOf: columns.sentenceOf,
    titleOf: columns.passageOf,
    sentences: decodeStemLists(json.keyWords.sentences, stems.length, 'sentence'),
    titles: decodeStemLists(json.keyWords.titles, stems.length, 'title'),
  });
  return { columns, keyWords };
}
