/**
 * BM25 over passage text, document title, heading, publisher and date: an inverted index of our own, in
 * typed arrays. It scores as MiniSearch 7 did (BM25+ per field, field boosts, the sum times the number
 * of query terms matched), with which the fusion weights were tuned, but keeps postings compact,
 * answers document frequency directly, scores into one array and keeps only the top `limit`, and
 * saves as varints: at 100k passages MiniSearch's object-per-match scoring was most of a question's time.
 */
import type { Passage } from '../ingest/types.js';
import { tokenize, yearsIn, type TermNormaliser } from './text-analysis.js';
import { includesSorted } from '../util/sorted.js';
import * as shape from '../util/shape.js';
import { TopScores } from '../util/top-scores.js';
import { decodeVarintRun, decodeVarints, encodeAscendingLists, encodeVarintRuns, encodeVarints } from '../util/varint.js';

const FIELDS = ['text', 'title', 'heading', 'publisher', 'date'] as const;
type Field = (typeof FIELDS)[number];
const TEXT_FIELD = 0;

/** Field weights: a title or publisher that names the subject is strong evidence of the passage's topic. */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = { text: 1, title: 1.5, heading: 1, publisher: 1.5, date: 1 };

/** A field's words; the date field is the year (or split year) the document is dated, "2015-10" -> "2015". */
function fieldText(passage: Passage, field: Field): string {
  if (field === 'date') return yearsIn(passage.date ?? '').join(' ');
  // A long table's later rows are found by the columns its header names, as a section by its heading.
  if (field === 'heading' && passage.tableHeader !== undefined) return `${passage.heading ?? ''}\n${passage.tableHeader}`;
  return passage[field] ?? '';
}

/** BM25+ (Lv and Zhai 2011): k and b as usual, d the floor a matched term always earns. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const MAX_LENGTH = 0xffff;

export interface LexicalHit {
  id: string;
  score: number;
  /** Query terms found in the passage. */
  matchedTerms: string[];
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** One field's postings: term t's passages are `passages[offsets[t]..offsets[t+1])`, ascending. */
interface FieldPostings {
  offsets: Uint32Array;
  passages: Uint32Array;
  frequencies: Uint32Array;
  averageLength: number;
  /** For a saved index: its postings as saved, each term's decoded when first searched. */
  saved?: SavedPostings;
}

/**
 * A field's postings as saved (varints), with where each term's start (saved as each term's byte
 * count): decoding every posting list when an index is opened was most of reading the BM25 index,
 * and a question reads a few terms'.
 */
interface SavedPostings {
  gaps: Uint8Array;
  frequencies: Uint8Array;
  gapStarts: Uint32Array;
  frequencyStarts: Uint32Array;
  /** 1 once term t's postings are in `passages` and `frequencies`. */
  decoded: Uint8Array;
}

export class LexicalIndex {
  /** Scratch for one search at a time (search is synchronous): summed score, terms matched, last term seen. */
  private scratch: { score: Float64Array; matched: Uint16Array; lastTerm: Int32Array } | undefined;

  private constructor(
    private readonly ids: readonly string[],
    private readonly terms: readonly string[],
    private readonly termNumbers: ReadonlyMap<string, number>,
    /** Distinct words per passage and field (`passage * FIELDS.length + field`): BM25's field length. */
    private readonly lengths: Uint32Array,
    private readonly fields: readonly FieldPostings[],
  ) {}

  static build(passages: readonly Passage[], normaliser: TermNormaliser): LexicalIndex {
    const terms: string[] = [];
    const termNumbers = new Map<string, number>();
    const lengths = new Uint32Array(passages.length * FIELDS.length);
    const entries = FIELDS.map(() => ({ term: new GrowingUint32(), passage: new GrowingUint32(), frequency: new GrowingUint32() }));
    const counts = new Map<number, number>();
    passages.forEach((passage, n) => {
      FIELDS.forEach((field, f) => {
        const tokens = tokenize(fieldText(passage, field));
        // Distinct tokens, function words included: the length MiniSearch used, which the weights were tuned with.
        lengths[n * FIELDS.length + f] = Math.min(new Set(tokens).size, MAX_LENGTH);
        counts.clear();
        for (const token of tokens) {
          const term = normaliser.term(token);
          if (!term) continue;
          let t = termNumbers.get(term);
          if (t === undefined) {
            t = terms.length;
            terms.push(term);
            termNumbers.set(term, t);
          }
          counts.set(t, (counts.get(t) ?? 0) + 1);
        }
        const entry = entries[f]!;
        for (const [t, frequency] of counts) {
          entry.term.push(t);
          entry.passage.push(n);
          entry.frequency.push(frequency);
        }
      });
    });
    const fields = entries.map((entry, f) =>
      groupByTerm(terms.length, entry.term.view(), entry.passage.view(), entry.frequency.view(), averageLength(lengths, f, passages.length)),
    );
    return new LexicalIndex(
      passages.map((p) => p.id),
      terms,
      termNumbers,
      lengths,
      fields,
    );
  }

  /** Reads what `toSaved` wrote (through the artifact codec); throws on another format or damage. */
  static fromSaved(data: unknown): LexicalIndex {
    const saved = checkSaved(data);
    const count = saved.ids.length;
    const lengths = decodeVarints(saved.lengths, count * FIELDS.length);
    if (saved.fields.length !== FIELDS.length || saved.fields.some((field, f) => field.name !== FIELDS[f])) {
      throw new Error('The saved search index has other fields.');
    }
    const terms = saved.terms.length;
    const fields = saved.fields.map((field): FieldPostings => {
      const offsets = runningTotals(decodeVarints(field.counts, terms));
      const total = offsets[terms]!;
      const gapStarts = runningTotals(decodeVarints(field.passageBytes, terms));
      const frequencyStarts = runningTotals(decodeVarints(field.frequencyBytes, terms));
      // The lists must fill their bytes exactly: one cut short or run over is refused on opening.
      if (gapStarts[terms] !== field.passages.length || frequencyStarts[terms] !== field.frequencies.length) {
        throw new Error('The saved search index has postings of another length than it says.');
      }
      return {
        offsets,
        passages: new Uint32Array(total),
        frequencies: new Uint32Array(total),
        averageLength: field.averageLength,
        saved: { gaps: field.passages, frequencies: field.frequencies, gapStarts, frequencyStarts, decoded: new Uint8Array(terms) },
      };
    });
    return new LexicalIndex(saved.ids, saved.terms, new Map(saved.terms.map((term, t) => [term, t])), lengths, fields);
  }

  /** What is saved: the postings as varints (passage numbers as gaps), for the artifact codec to keep as bytes. */
  toSaved(): SavedLexicalIndex {
    this.fields.forEach((field) => {
      for (let t = 0; t < this.terms.length; t++) this.decode(field, t);
    });
    return {
      format: FORMAT,
      version: FORMAT_VERSION,
      ids: [...this.ids],
      terms: [...this.terms],
      lengths: encodeVarints(this.lengths),
      fields: this.fields.map((field, f) => {
        // Each term's byte counts as its postings are encoded, so a reader decodes one term's alone.
        const { lengths, gaps, listBytes } = encodeAscendingLists(field.offsets, field.passages);
        const frequencies = encodeVarintRuns(field.offsets, field.frequencies, false);
        return {
          name: FIELDS[f]!,
          averageLength: field.averageLength,
          counts: lengths,
          passages: gaps,
          passageBytes: encodeVarints(listBytes),
          frequencies: frequencies.bytes,
          frequencyBytes: encodeVarints(frequencies.runBytes),
        };
      }),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  /** Whether any passage holds the term, in any field ("BBC" may stand only in a title, a year only in the date). */
  has(term: string): boolean {
    return this.termNumbers.has(term);
  }

  /** How many passages' text holds the term. */
  passagesHolding(term: string): number {
    return this.documentFrequency(term, TEXT_FIELD);
  }

  /** The mean number of terms in a passage's text. */
  get termsPerPassage(): number {
    return this.fields[TEXT_FIELD]?.averageLength ?? 0;
  }

  /** Inverse document frequency of a term in passage text, BM25's form, never negative. */
  idf(term: string): number {
    return inverseDocumentFrequency(this.ids.length, this.documentFrequency(term, TEXT_FIELD));
  }

  /** The `limit` best passages for the weighted terms (any of them), best first. */
  search(terms: readonly WeightedTerm[], limit: number): LexicalHit[] {
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const asked = [...weights].flatMap(([term, weight]) => {
      const t = this.termNumbers.get(term);
      return t === undefined ? [] : [{ t, weight }];
    });
    if (asked.length === 0 || limit <= 0) return [];

    const { score, matched, lastTerm } = this.scratchBuffers();
    const touched: number[] = [];
    asked.forEach(({ t, weight }, q) => {
      this.fields.forEach((field, f) => {
        const from = field.offsets[t]!;
        const to = field.offsets[t + 1]!;
        if (from === to) return;
        this.decode(field, t);
        const idf = inverseDocumentFrequency(this.ids.length, to - from);
        const scale = weight * FIELD_BOOSTS[FIELDS[f]!] * idf;
        const lengthNorm = BM25.k * BM25.b / field.averageLength;
        const flat = BM25.k * (1 - BM25.b);
        for (let i = from; i < to; i++) {
          const n = field.passages[i]!;
          const frequency = field.frequencies[i]!;
          const length = this.lengths[n * FIELDS.length + f]!;
          score[n] = score[n]! + scale * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + flat + lengthNorm * length));
          if (lastTerm[n] !== q) {
            if (lastTerm[n] === -1) touched.push(n);
            lastTerm[n] = q;
            matched[n] = matched[n]! + 1;
          }
        }
      });
    });

    // Each passage's sum counts once per distinct term matched, as MiniSearch's did.
    // Ties go to the earlier passage, so results do not depend on the order terms were read.
    const best = new TopScores<{ item: number; score: number }>(limit, (a, b) => b.score - a.score || a.item - b.item);
    for (const n of touched) best.offer({ item: n, score: score[n]! * matched[n]! });
    const hits = best.sorted().map(({ item: n, score: value }) => ({
      id: this.ids[n]!,
      score: value,
      matchedTerms: asked.filter(({ t }) => this.fields.some((field) => holds(field, t, n))).map(({ t }) => this.terms[t]!),
    }));
    for (const n of touched) {
      score[n] = 0;
      matched[n] = 0;
      lastTerm[n] = -1;
    }
    return hits;
  }

  /** A saved index's postings of term t in a field, decoded the first time it is searched. */
  private decode(field: FieldPostings, t: number): void {
    const saved = field.saved;
    if (!saved || saved.decoded[t] === 1) return;
    const at = field.offsets[t]!;
    const count = field.offsets[t + 1]! - at;
    const outOfRange = () => new Error('The saved search index names a passage it does not have.');
    decodeVarintRun(saved.gaps, saved.gapStarts[t]!, saved.gapStarts[t + 1]!, field.passages, at, count, { bound: this.ids.length, outOfRange });
    decodeVarintRun(saved.frequencies, saved.frequencyStarts[t]!, saved.frequencyStarts[t + 1]!, field.frequencies, at, count);
    saved.decoded[t] = 1;
  }

  private documentFrequency(term: string, field: number): number {
    const t = this.termNumbers.get(term);
    if (t === undefined) return 0;
    const postings = this.fields[field]!;
    return postings.offsets[t + 1]! - postings.offsets[t]!;
  }

  private scratchBuffers() {
    if (!this.scratch) {
      const count = this.ids.length;
      this.scratch = { score: new Float64Array(count), matched: new Uint16Array(count), lastTerm: new Int32Array(count).fill(-1) };
    }
    return this.scratch;
  }
}

/** [0, a, a+b, …]: where each of a run of lists starts, from their lengths. */
function runningTotals(lengths: Uint32Array): Uint32Array {
  const totals = new Uint32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) totals[i + 1] = totals[i]! + lengths[i]!;
  return totals;
}

function inverseDocumentFrequency(passages: number, holding: number): number {
  return Math.log(1 + (passages - holding + 0.5) / (holding + 0.5));
}

function averageLength(lengths: Uint32Array, field: number, passages: number): number {
  let total = 0;
  for (let n = 0; n < passages; n++) total += lengths[n * FIELDS.length + field]!;
  return passages === 0 ? 0 : total / passages;
}

/** Whether term t's postings in a field hold passage n: a binary search, postings being ascending. */
function holds(field: FieldPostings, t: number, n: number): boolean {
  return includesSorted(field.passages, field.offsets[t]!, field.offsets[t + 1]!, n);
}

/** Postings in passage order to postings grouped by term, still in passage order (a counting sort). */
function groupByTerm(termCount: number, terms: Uint32Array, passages: Uint32Array, frequencies: Uint32Array, average: number): FieldPostings {
  const offsets = new Uint32Array(termCount + 1);
  for (const t of terms) offsets[t + 1] = offsets[t + 1]! + 1;
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t + 1]! + offsets[t]!;
  const next = offsets.slice(0, termCount);
  const grouped = { offsets, passages: new Uint32Array(terms.length), frequencies: new Uint32Array(terms.length), averageLength: average };
  for (let i = 0; i < terms.length; i++) {
    const at = next[terms[i]!]!++;
    grouped.passages[at] = passages[i]!;
    grouped.frequencies[at] = frequencies[i]!;
  }
  return grouped;
}

/** A Uint32Array that grows as it is pushed to: postings for 100k passages are millions of numbers. */
class GrowingUint32 {
  private values = new Uint32Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Uint32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }

  view(): Uint32Array {
    return this.values.subarray(0, this.length);
  }
}

const FORMAT = 'citeline-bm25';
/** 2: byte arrays kept as bytes by the artifact codec, not base64 in JSON. 3: each term's byte counts, so postings are decoded term by term. */
const FORMAT_VERSION = 3;

/** As saved: the postings as varints (passage numbers as gaps), the rest plain values. */
export interface SavedLexicalIndex {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  ids: string[];
  terms: string[];
  lengths: Uint8Array;
  fields: SavedField[];
}

interface SavedField {
  name: string;
  averageLength: number;
  counts: Uint8Array;
  passages: Uint8Array;
  passageBytes: Uint8Array;
  frequencies: Uint8Array;
  frequencyBytes: Uint8Array;
}

/** The saved index's shape (src/util/shape.ts says why by hand): each list's contents are checked as they are decoded. */
function checkSaved(value: unknown): SavedLexicalIndex {
  const saved = shape.object(value, 'bm25');
  return {
    format: shape.literal(saved.format, FORMAT, 'bm25.format'),
    version: shape.literal(saved.version, FORMAT_VERSION, 'bm25.version'),
    ids: shape.stringList(saved.ids, 'bm25.ids'),
    terms: shape.stringList(saved.terms, 'bm25.terms'),
    lengths: shape.bytes(saved.lengths, 'bm25.lengths'),
    fields: shape.list(saved.fields, 'bm25.fields', (value, path): SavedField => {
      const field = shape.object(value, path);
      return {
        name: shape.string(field.name, `${path}.name`),
        averageLength: shape.number(field.averageLength, `${path}.averageLength`),
        counts: shape.bytes(field.counts, `${path}.counts`),
        passages: shape.bytes(field.passages, `${path}.passages`),
        passageBytes: shape.bytes(field.passageBytes, `${path}.passageBytes`),
        frequencies: shape.bytes(field.frequencies, `${path}.frequencies`),
        frequencyBytes: shape.bytes(field.frequencyBytes, `${path}.frequencyBytes`),
      };
    }),
  };
}
