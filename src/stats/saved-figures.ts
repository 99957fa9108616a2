/** A saved figures index's figures, read from its columns: a figure is made whole when it is read whole. */
import type { Figure, FigureCitation, FigureUnit, LocatedSentence, Period } from './types.js';
import type { FigureSet } from './figure-set.js';
import { citationOf } from './extract.js';
import type { Passage } from '../ingest/types.js';
import { UNITS, fail, optional, type FigureColumns, type SavedFiguresIndex } from './figures-artifact.js';

/**
 * How a saved index finds the passages its figures were read from. `documentOf` tells a passage's
 * document without reading the passage: an index opened from disk reads a passage only when one
 * of its figures is shown.
 */
export interface PassageSource {
  passage(passageId: string): Passage | undefined;
  documentOf(passageId: string): { docId: string; title: string } | undefined;
}

/** A saved index's figures as the columns they were saved in: a figure is made whole when it is read whole. */
export class SavedFigures implements FigureSet {
  readonly size: number;
  private readonly made: (Figure | undefined)[];
  /** Per saved passage (by position): its id, document and title; the passage itself when first needed. */
  private readonly passageIds: readonly string[];
  private readonly documents: { docId: string; title: string }[];
  private readonly citations: (FigureCitation | undefined)[];
  private readonly passages: (Passage | undefined)[];
  /** Per sentence: its passage's position, start and end, and its text once read. */
  private readonly sentenceTriples: Uint32Array;
  private readonly sentences: (LocatedSentence | undefined)[];

  constructor(
    private readonly json: SavedFiguresIndex,
    private readonly columns: FigureColumns,
    private readonly source: PassageSource,
  ) {
    this.size = json.count;
    this.made = new Array<Figure | undefined>(json.count);
    this.passageIds = json.passages;
    this.documents = json.passages.map((id) => source.documentOf(id) ?? fail(`passage ${id} is not in the index`));
    this.citations = new Array<FigureCitation | undefined>(json.passages.length);
    this.passages = new Array<Passage | undefined>(json.passages.length);
    this.sentenceTriples = columns.sentenceTriples;
    this.sentences = new Array<LocatedSentence | undefined>(columns.sentenceTriples.length / 3);
  }

  figure(i: number): Figure {
    let figure = this.made[i];
    if (figure) return figure;
    const { columns, json } = this;
    const sentence = this.sentence(columns.sentenceOf[i]!);
    const start = columns.rawStart[i]!;
    const end = columns.rawEnd[i]!;
    // One shape for every figure, optional fields undefined where not stated.
    figure = {
      id: this.id(i),
      value: columns.value[i]!,
      unit: this.unit(i),
      raw: sentence.text.slice(start, end),
      rawStart: start,
      rawEnd: end,
      per: optional(json.strings, columns.per[i]!),
      outOf: Number.isNaN(columns.outOf[i]) ? undefined : columns.outOf[i],
      grade: this.grade(i),
      grades: json.gradeLists[columns.grades[i]!]!,
      counted: this.counted(i),
      period: this.period(i),
      sentence,
      citation: this.citation(this.passageOf(i)),
    };
    this.made[i] = figure;
    return figure;
  }

  id(i: number): string {
    const s = this.columns.sentenceOf[i]!;
    return `${this.docId(i)}#${this.sentenceTriples[s * 3 + 1]!}+${this.columns.rawStart[i]!}`;
  }

  unit(i: number): FigureUnit {
    return UNITS[this.columns.unit[i]!]!;
  }

  grade(i: number): string | undefined {
    return optional(this.json.strings, this.columns.grade[i]!);
  }

  grades(i: number): readonly string[] {
    return this.json.gradeLists[this.columns.grades[i]!]!;
  }

  counted(i: number): string | undefined {
    return optional(this.json.strings, this.columns.counted[i]!);
  }

  period(i: number): Period | undefined {
    return optional(this.json.periods, this.columns.period[i]!);
  }

  rawStart(i: number): number {
    return this.columns.rawStart[i]!;
  }

  rawEnd(i: number): number {
    return this.columns.rawEnd[i]!;
  }

  passageId(i: number): string {
    return this.passageIds[this.passageOf(i)]!;
  }

  docId(i: number): string {
    return this.documents[this.passageOf(i)]!.docId;
  }

  title(i: number): string {
    return this.documents[this.passageOf(i)]!.title;
  }

  private passageOf(i: number): number {
    return this.columns.passageOf[i]!;
  }

  private passage(position: number): Passage {
    let passage = this.passages[position];
    if (!passage) {
      const id = this.passageIds[position]!;
      passage = this.source.passage(id) ?? fail(`passage ${id} is not in the index`);
      this.passages[position] = passage;
    }
    return passage;
  }

  private citation(position: number): FigureCitation {
    return (this.citations[position] ??= citationOf(this.passage(position)));
  }

  /** Figures of one sentence share its located sentence. */
  private sentence(s: number): LocatedSentence {
    let sentence = this.sentences[s];
    if (!sentence) {
      const of = this.passage(this.sentenceTriples[s * 3]!);
      const start = this.sentenceTriples[s * 3 + 1]!;
      const end = this.sentenceTriples[s * 3 + 2]!;
      const words = of.text.slice(start - of.start, end - of.start);
      if (start < of.start || words.length !== end - start) fail(`sentence ${s} lies outside passage ${of.id}`);
      sentence = { text: (optional(this.json.strings, this.columns.sentencePrefixes[s]!) ?? '') + words, start, end };
      this.sentences[s] = sentence;
    }
    return sentence;
  }
}
