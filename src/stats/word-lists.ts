/**
 * The array structures the figures matcher is built of: word numbers of many texts in one typed
 * array (WordLists), and lists of numbers by key in two (NumberLists). At 180k figures, an array per
 * text or per key was hundreds of thousands of small arrays made on the first numeric question.
 */
import { includesSorted } from '../util/sorted.js';
import type { StemLists } from './key-words.js';

/** Word numbers a text holds (see FigureMatchIndex.wordNumbers). */
export interface Words {
  has(id: number): boolean;
}

/** Words of one text of its own (the words near a figure). */
export class WordSet implements Words {
  constructor(readonly ids: Int32Array) {}

  has(id: number): boolean {
    return includesSorted(this.ids, 0, this.ids.length, id);
  }
}

/**
 * The word numbers of many texts (every figure sentence, context or title) in one array: text i's are
 * `ids[offsets[i]..ends[i])`, ascending and distinct. A typed array per text was hundreds of thousands
 * of arrays built on the first numeric question after start-up.
 */
export class WordLists {
  private constructor(
    readonly offsets: Uint32Array,
    readonly ends: Uint32Array,
    readonly ids: Int32Array,
  ) {}

  /** `lists`' stems read as word numbers (`numberOf`, by stem number), each word group's members as one. */
  static of(lists: StemLists, numberOf: Int32Array): WordLists {
    const count = lists.offsets.length - 1;
    const { stems, offsets } = lists;
    const ids = new Int32Array(stems.length);
    for (let k = 0; k < stems.length; k++) ids[k] = numberOf[stems[k]!]!;
    const ends = new Uint32Array(count);
    let unordered = 0;
    for (let i = 0; i < count; i++) {
      const start = offsets[i]!;
      let end = offsets[i + 1]!;
      let ordered = true;
      for (let k = start + 1; k < end; k++) if (ids[k]! <= ids[k - 1]!) ordered = false;
      if (!ordered) unordered++;
      // Stems are saved ascending; a word group can join two of them or reorder them.
      if (!ordered) {
        const sorted = distinctSorted([...ids.subarray(start, end)]);
        ids.set(sorted, start);
        end = start + sorted.length;
      }
      ends[i] = end;
    }
    return new WordLists(lists.offsets, ends, ids);
  }

  has(i: number, id: number): boolean {
    return includesSorted(this.ids, this.offsets[i]!, this.ends[i]!, id);
  }

  /** Text i's words as a `Words`. */
  words(i: number): Words {
    return { has: (id) => this.has(i, id) };
  }
}

/**
 * Lists of numbers by key (a word's sentences), in two typed arrays: counted, then filled, by two runs
 * of `each`. Millions of pushes onto growing arrays took most of a second at 180k figures.
 */
export class NumberLists {
  private constructor(
    private readonly offsets: Uint32Array,
    private readonly values: Uint32Array,
  ) {}

  static build(keys: number, each: (file: (key: number, value: number) => void) => void): NumberLists {
    const offsets = new Uint32Array(keys + 1);
    each((key) => {
      offsets[key + 1] = offsets[key + 1]! + 1;
    });
    for (let k = 0; k < keys; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
    const next = offsets.slice(0, keys);
    const values = new Uint32Array(offsets[keys]!);
    each((key, value) => {
      values[next[key]!++] = value;
    });
    return new NumberLists(offsets, values);
  }

  /** The numbers 0..n-1 listed by `keyOf[number]`: figures by sentence, by document, by passage. */
  static grouping(keys: number, keyOf: ArrayLike<number>): NumberLists {
    const offsets = new Uint32Array(keys + 1);
    for (let i = 0; i < keyOf.length; i++) offsets[keyOf[i]! + 1] = offsets[keyOf[i]! + 1]! + 1;
    for (let k = 0; k < keys; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
    const next = offsets.slice(0, keys);
    const values = new Uint32Array(keyOf.length);
    for (let i = 0; i < keyOf.length; i++) values[next[keyOf[i]!]!++] = i;
    return new NumberLists(offsets, values);
  }

  /** Without a view per list: these are walked for every sentence a question's word reaches. */
  forEach(key: number, visit: (value: number) => void): void {
    const end = this.offsets[key + 1]!;
    for (let at = this.offsets[key]!; at < end; at++) visit(this.values[at]!);
  }

  first(key: number): number | undefined {
    return this.offsets[key + 1]! > this.offsets[key]! ? this.values[this.offsets[key]!] : undefined;
  }
}

/** The numbers, ascending, each once. */
export function distinctSorted(ids: number[]): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let length = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[length++] = sorted[i]!;
  return sorted.slice(0, length);
}
