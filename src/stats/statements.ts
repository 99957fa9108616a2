/** A fact stated twice in one report (a summary and its section, a table row and a sentence): which statement a lookup quotes. */
import type { Figure } from './types.js';

/**
 * One statement of each fact (`key`), in the order given: the first, or a later one written as a
 * sentence in its place when the first is not (a fact a table row and a sentence both state is
 * quoted by the sentence: it says what the figure is in words). The lookup's rule, and its training's.
 */
export function oneStatementEach<T>(items: Iterable<T>, key: (item: T) => string, isSentence: (item: T) => boolean): T[] {
  const found: T[] = [];
  const stated = new Map<string, number>();
  for (const item of items) {
    const at = stated.get(key(item));
    if (at === undefined) {
      stated.set(key(item), found.length);
      found.push(item);
    } else if (!isSentence(found[at]!) && isSentence(item)) {
      found[at] = item;
    }
  }
  return found;
}

/** Whether a figure is stated by a sentence ending as one does, not a table row's cell or a heading. */
export function isWrittenSentence(figure: Figure): boolean {
  return /[.!?]["'’”)]?$/.test(figure.sentence.text.trimEnd());
}

/** What makes two statements of a figure the same fact: one document, value, measure and period. */
export function sameStatementKey(figure: Figure): string {
  const { citation, value, unit, outOf, grade, counted, period } = figure;
  return [citation.docId, value, unit, outOf ?? '', grade ?? '', counted ?? '', period?.label ?? ''].join('\u0000');
}
