/**
 * The figures of an index, read by position: what the lookup reads. A figure's fields
 * are read one at a time, so an index opened from disk can keep its figures as the columns they were
 * saved in and make a whole `Figure` only for the ones a reply or a lookup shows (figures-index.ts):
 * making every figure at start-up was 180k objects at 100k passages, and read every passage they cite.
 */
import type { Figure, FigureUnit, Period } from './types.js';

export interface FigureSet {
  readonly size: number;
  /** The whole figure, as a reply or a table shows it. */
  figure(i: number): Figure;
  /** Stable: docId, sentence start and the figure's offset in the sentence (Figure.id). */
  id(i: number): string;
  unit(i: number): FigureUnit;
  grade(i: number): string | undefined;
  grades(i: number): readonly string[];
  counted(i: number): string | undefined;
  period(i: number): Period | undefined;
  rawStart(i: number): number;
  rawEnd(i: number): number;
  passageId(i: number): string;
  /** The figure's document and its title, known without reading the figure's passage. */
  docId(i: number): string;
  title(i: number): string;
}

/** Figures just extracted, as objects. */
export class FigureArray implements FigureSet {
  constructor(readonly figures: readonly Figure[]) {}

  get size(): number {
    return this.figures.length;
  }

  figure(i: number): Figure {
    return this.at(i);
  }

  id(i: number): string {
    return this.at(i).id;
  }

  unit(i: number): FigureUnit {
    return this.at(i).unit;
  }

  grade(i: number): string | undefined {
    return this.at(i).grade;
  }

  grades(i: number): readonly string[] {
    return this.at(i).grades;
  }

  counted(i: number): string | undefined {
    return this.at(i).counted;
  }

  period(i: number): Period | undefined {
    return this.at(i).period;
  }

  rawStart(i: number): number {
    return this.at(i).rawStart;
  }

  rawEnd(i: number): number {
    return this.at(i).rawEnd;
  }

  passageId(i: number): string {
    return this.at(i).citation.passageId;
  }

  docId(i: number): string {
    return this.at(i).citation.docId;
  }

  title(i: number): string {
    return this.at(i).citation.title;
  }

  private at(i: number): Figure {
    const figure = this.figures[i];
    if (!figure) throw new RangeError(`no figure ${i} of ${this.figures.length}`);
    return figure;
  }
}
