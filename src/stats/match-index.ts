/**
 * The figures index's lookup structure for matching questions: each figure's sentence, document and
 * period; each word's sentences and titles; figures by grade, year and passage. Built once, on the
 * first numeric question; `candidates` narrows a question to the figures worth scoring (match.ts
 * scores them).
 */
import { includesSorted } from '../util/sorted.js';
import { findPeriods } from './periods.js';
import type { QuestionFeatures } from './query.js';
import type { Figure, Period } from './types.js';
import type { FigureSet } from './figure-set.js';
import type { FigureKeyWords } from './key-words.js';
import type { Vocabulary } from './vocabulary.js';
import type { KeyWordReader } from './words.js';
import { NumberLists, WordLists, WordSet, distinctSorted } from './word-lists.js';

/** How far either side of a figure its own words reach. */
const NEAR_CHARS = 60;

/** The question's key words, deduplicated, each with its number (-1 for a word no figure's text uses) and weight. */
export interface AskedWords {
  words: string[];
  ids: Int32Array;
  weights: number[];
  possible: number;
}

export class FigureMatchIndex {
  /** Each figure's sentence (its position in FigureKeyWords) and document (as numbered here), and period. */
  readonly sentenceOf: Uint32Array;
  readonly documentOf: Int32Array;
  readonly periods: (Period | undefined)[];
  /** Of each sentence: its figures, its context's position in FigureKeyWords, where its first figure starts, the grades it names. */
  readonly figuresBySentence: NumberLists;
  readonly contextOfSentence: Int32Array;
  private readonly firstFigureAt: Int32Array;
  /** Only sentences naming a grade (few) are here. */
  readonly sentenceGrades: Map<number, Set<string>>;
  /** Of each document: its figures, its title, and its title's position in FigureKeyWords. */
  private readonly figuresByDocument: NumberLists;
  private readonly documentTitles: string[];
  readonly titleOfDocument: Int32Array;
  readonly sentenceWords: WordLists;
  readonly contextWords: WordLists;
  readonly titleWords: WordLists;
  /** By word number. */
  private readonly idf: Float64Array;
  /** Stem -> the stem standing for its word group. */
  readonly wordGroup: Map<string, string>;
  readonly yearSpan: [number, number];
  /** Sentences that state at least one figure: the weight of a word no such sentence uses. */
  private readonly sentenceCount: number;
  /** The words near each figure (by index), worked out when the figure is first a candidate. */
  private readonly nearbyWords = new Map<number, WordSet>();
  /** Each word (its word group's stem) of the figures' texts, numbered. */
  private readonly wordNumbers = new Map<string, number>();
  /** Key word as saved or worked out -> its word group's number: one lookup per word read. */
  private readonly numberOfKeyWord = new Map<string, number>();
  /**
   * Which figures a question can be about: by word, the sentences holding it (in the sentence or its
   * neighbours) and the documents whose title holds it; by grade (the figure's or its sentence's) and
   * by year. A figure sharing none of these with the question cannot reach CONFIDENT_AT, so only the
   * figures found through the question's words, grades and years are scored. Words are listed by
   * sentence and title rather than by figure: a figure would be listed under some fifty words, which
   * at 180k figures took seconds on the first numeric question after start-up.
   */
  private readonly sentencesByWord: NumberLists;
  private readonly documentsByWord: NumberLists;
  private readonly byGrade = new Map<string, number[]>();
  private readonly byYear = new Map<number, number[]>();
  /** The figures stated in each passage (by its position in FigureKeyWords), for the passages the extract search found. */
  private readonly figuresByPassage: NumberLists;
  private readonly passagePositions = new Map<string, number>();
  /** Per figure, the last word (see `candidates`) that reached it: a figure counts once per word. */
  private readonly reachedBy: Int32Array;
  private wordsAsked = 0;
  private readonly words: KeyWordReader;

  constructor(
    /** Read field by field: a whole figure is made only for a reply. */
    private readonly figures: FigureSet,
    vocabulary: Vocabulary,
    /** The figures' key words, by position (see FigureKeyWords). */
    keyWords: FigureKeyWords,
  ) {
    this.words = vocabulary.words;
    this.wordGroup = wordGroupsOf(vocabulary);
    // The index's stems to word numbers, each word group's members read as one.
    const numberOfStem = Int32Array.from(keyWords.stems, (keyWord) => this.numberOf(keyWord));
    this.sentenceWords = WordLists.of(keyWords.sentences, numberOfStem);
    this.contextWords = WordLists.of(keyWords.contexts, numberOfStem);
    this.titleWords = WordLists.of(keyWords.titles, numberOfStem);
    const wordCount = this.wordNumbers.size;

    // Sentences are numbered by their position in keyWords (each holds a figure); documents here.
    const sentenceCount = keyWords.sentences.offsets.length - 1;
    this.sentenceCount = sentenceCount;
    this.sentenceOf = keyWords.sentenceOf;
    this.reachedBy = new Int32Array(figures.size);
    const filed = fileBySentenceAndDocument(figures, keyWords, sentenceCount);
    this.documentOf = filed.documentOf;
    this.documentTitles = filed.documentTitles;
    this.titleOfDocument = filed.titleOfDocument;
    this.contextOfSentence = filed.contextOfSentence;
    this.firstFigureAt = filed.firstFigureAt;
    this.sentenceGrades = filed.sentenceGrades;
    this.figuresBySentence = NumberLists.grouping(sentenceCount, this.sentenceOf);
    this.figuresByDocument = NumberLists.grouping(this.documentTitles.length, this.documentOf);
    this.idf = sentenceIdf(this.sentenceWords, sentenceCount, wordCount);
    this.periods = resolvedPeriods(figures, this.documentOf, this.documentTitles, vocabulary);
    this.yearSpan = statedYearSpan(figures);

    // Sentences and documents under their words; figures under their grades, years and passage.
    this.sentencesByWord = sentencesByWord(this.sentenceWords, this.contextWords, this.contextOfSentence, wordCount);
    this.documentsByWord = NumberLists.build(wordCount, (file) => {
      const { offsets, ends, ids } = this.titleWords;
      this.titleOfDocument.forEach((title, d) => {
        for (let k = offsets[title]!; k < ends[title]!; k++) file(ids[k]!, d);
      });
    });
    const passageCount = keyWords.titles.offsets.length - 1;
    this.figuresByPassage = NumberLists.grouping(passageCount, keyWords.titleOf);
    for (let position = 0; position < passageCount; position++) {
      const first = this.figuresByPassage.first(position);
      if (first !== undefined) this.passagePositions.set(figures.passageId(first), position);
    }
    for (let index = 0; index < figures.size; index++) {
      const sentenceGrades = this.sentenceGrades.get(this.sentenceOf[index]!);
      if (sentenceGrades) {
        // The sentence's grades include the figure's own.
        for (const grade of sentenceGrades) push(this.byGrade, grade, index);
      }
      const years = this.periods[index]?.years;
      if (years) for (let k = 0; k < years.length; k++) if (years.indexOf(years[k]!) === k) push(this.byYear, years[k]!, index);
    }
  }

  /**
   * The figures worth scoring for a question: those sharing a word, grade or year with it, and those
   * stated in `passageIds` (the passages the extract search found, whose evidence can lift a figure).
   * With each, the weight of the question's words found in its sentence, neighbours or title.
   */
  candidates(asked: QuestionFeatures, askedWords: AskedWords, passageIds: ReadonlySet<string>): { indices: number[]; wordWeight: Float64Array } {
    const chosen = new Uint8Array(this.figures.size);
    const wordWeight = new Float64Array(this.figures.size);
    const indices: number[] = [];
    const choose = (index: number) => {
      if (chosen[index] === 1) return;
      chosen[index] = 1;
      indices.push(index);
    };
    const take = (list: Iterable<number> | undefined) => {
      if (list) for (const index of list) choose(index);
    };
    askedWords.ids.forEach((id, i) => {
      if (id < 0) return;
      const weight = askedWords.weights[i]!;
      // A figure whose sentence, neighbours and title all hold the word gains its weight once.
      const mark = this.nextWordMark();
      const reach = (index: number) => {
        if (this.reachedBy[index] === mark) return;
        this.reachedBy[index] = mark;
        wordWeight[index] = wordWeight[index]! + weight;
        choose(index);
      };
      this.sentencesByWord.forEach(id, (s) => this.figuresBySentence.forEach(s, reach));
      this.documentsByWord.forEach(id, (d) => this.figuresByDocument.forEach(d, reach));
    });
    for (const grade of new Set(asked.gradeSets.flat())) take(this.byGrade.get(grade));
    for (const year of asked.period?.years ?? []) take(this.byYear.get(year));
    for (const passageId of passageIds) {
      const position = this.passagePositions.get(passageId);
      if (position !== undefined) this.figuresByPassage.forEach(position, choose);
    }
    return { indices, wordWeight };
  }

  private nextWordMark(): number {
    if (this.wordsAsked === 0x7fffffff) {
      this.reachedBy.fill(0);
      this.wordsAsked = 0;
    }
    return ++this.wordsAsked;
  }

  /** Words no figure sentence uses still count, as rare ones: the question may name the document by its title. */
  weighWords(words: readonly string[]): AskedWords {
    const unique = [...new Set(words)];
    const ids = Int32Array.from(unique, (word) => this.wordNumbers.get(word) ?? -1);
    const weights = unique.map((_, i) => (ids[i]! >= 0 ? this.idf[ids[i]!]! : Math.log(1 + this.sentenceCount)));
    return { words: unique, ids, weights, possible: weights.reduce((sum, weight) => sum + weight, 0) };
  }

  /** The words close to a figure (see nearFigure), as word numbers; worked out when it is first a candidate. */
  nearby(index: number): WordSet {
    let words = this.nearbyWords.get(index);
    if (!words) {
      // Only the sentence's own words: a window cut mid-word must not yield a fragment that matches.
      const s = this.sentenceOf[index]!;
      const near = this.words.keyWords(nearFigure(this.figures.figure(index), this.firstFigureAt[s]!)).map((word) => this.numberOfKeyWord.get(word) ?? -1);
      words = new WordSet(distinctSorted(near.filter((id) => this.sentenceWords.has(s, id))));
      this.nearbyWords.set(index, words);
    }
    return words;
  }

  /** Key words (space-separated) as word numbers, each word group's members read as one. */
  private numberOf(keyWord: string): number {
    let id = this.numberOfKeyWord.get(keyWord);
    if (id === undefined) {
      const grouped = this.wordGroup.get(keyWord) ?? keyWord;
      id = this.wordNumbers.get(grouped);
      if (id === undefined) {
        id = this.wordNumbers.size;
        this.wordNumbers.set(grouped, id);
      }
      this.numberOfKeyWord.set(keyWord, id);
    }
    return id;
  }
}

/** Stem -> the stem standing for its word group (the vocabulary's groups of words read as one). */
function wordGroupsOf(vocabulary: Vocabulary): Map<string, string> {
  const groups = new Map<string, string>();
  for (const group of vocabulary.data.wordGroups) {
    if (typeof group === 'string') continue;
    const stems = group.map((word) => vocabulary.words.stem(word));
    for (const member of stems) groups.set(member, stems[0]!);
  }
  return groups;
}

/**
 * Each figure's document, numbered in the order of their first figures, with each document's title
 * and its title's key words (its first figure's passage's); and of each sentence, its context's key
 * words, where its first figure starts, and the grades its figures name (only sentences naming one).
 */
function fileBySentenceAndDocument(figures: FigureSet, keyWords: FigureKeyWords, sentenceCount: number) {
  const documentOf = new Int32Array(figures.size);
  const documentTitles: string[] = [];
  const documentTitleWords: number[] = [];
  const contextOfSentence = new Int32Array(sentenceCount).fill(-1);
  const firstFigureAt = new Int32Array(sentenceCount).fill(0x7fffffff);
  const sentenceGrades = new Map<number, Set<string>>();
  const documentNumbers = new Map<string, number>();
  for (let index = 0; index < figures.size; index++) {
    const docId = figures.docId(index);
    let d = documentNumbers.get(docId);
    if (d === undefined) {
      d = documentTitles.length;
      documentTitles.push(figures.title(index));
      documentTitleWords.push(keyWords.titleOf[index]!);
      documentNumbers.set(docId, d);
    }
    documentOf[index] = d;
    const s = keyWords.sentenceOf[index]!;
    if (contextOfSentence[s] === -1) contextOfSentence[s] = keyWords.contextOf[index]!;
    const rawStart = figures.rawStart(index);
    if (rawStart < firstFigureAt[s]!) firstFigureAt[s] = rawStart;
    const figureGrades = figures.grades(index);
    if (figureGrades.length > 0) {
      const grades = sentenceGrades.get(s) ?? new Set<string>();
      for (const grade of figureGrades) grades.add(grade);
      sentenceGrades.set(s, grades);
    }
  }
  return { documentOf, documentTitles, titleOfDocument: Int32Array.from(documentTitleWords), contextOfSentence, firstFigureAt, sentenceGrades };
}

/** By word number: how rare the word is among figure sentences. A word only titles or neighbouring sentences use weighs as one no figure's text uses. */
function sentenceIdf(sentenceWords: WordLists, sentenceCount: number, wordCount: number): Float64Array {
  const documentFrequency = new Int32Array(wordCount);
  const { offsets, ends, ids } = sentenceWords;
  for (let s = 0; s < sentenceCount; s++) for (let k = offsets[s]!; k < ends[s]!; k++) documentFrequency[ids[k]!] = documentFrequency[ids[k]!]! + 1;
  return Float64Array.from(documentFrequency, (df) => Math.log(1 + (df > 0 ? sentenceCount / df : sentenceCount)));
}

/**
 * Each figure's period. A relative period left unresolved ("today" with no document date) is read
 * against the title's period, as inferred. Few figures need it, so titles are read for periods only
 * for them: a corpus can have tens of thousands of documents.
 */
function resolvedPeriods(figures: FigureSet, documentOf: Int32Array, documentTitles: readonly string[], vocabulary: Vocabulary): (Period | undefined)[] {
  const titlePeriods = new Map<number, Period | undefined>();
  const titlePeriod = (d: number) => {
    if (!titlePeriods.has(d)) titlePeriods.set(d, findPeriods(documentTitles[d]!, vocabulary).find((m) => m.period.years.length > 0)?.period);
    return titlePeriods.get(d);
  };
  return Array.from({ length: figures.size }, (_, index) => {
    const stated = figures.period(index);
    if (stated?.kind !== 'relative' || stated.years.length > 0) return stated;
    const period = titlePeriod(documentOf[index]!);
    return period ? { ...period, inferred: true } : stated;
  });
}

/** The first and last year the figures' stated periods name ([0, 0] for none). */
function statedYearSpan(figures: FigureSet): [number, number] {
  // A loop, not Math.min(...years): a spread of 100k+ years overflows the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (let index = 0; index < figures.size; index++) {
    for (const year of figures.period(index)?.years ?? []) {
      if (year < first) first = year;
      if (year > last) last = year;
    }
  }
  return first <= last ? [first, last] : [0, 0];
}

/** Each word's sentences: those holding it themselves, or in their context (the sentences either side). */
function sentencesByWord(sentenceWords: WordLists, contextWords: WordLists, contextOfSentence: Int32Array, wordCount: number): NumberLists {
  const { offsets, ends, ids } = sentenceWords;
  return NumberLists.build(wordCount, (file) => {
    for (let s = 0; s < contextOfSentence.length; s++) {
      for (let k = offsets[s]!; k < ends[s]!; k++) file(ids[k]!, s);
      const c = contextOfSentence[s]!;
      for (let k = contextWords.offsets[c]!; k < contextWords.ends[c]!; k++) {
        const id = contextWords.ids[k]!;
        if (!includesSorted(ids, offsets[s]!, ends[s]!, id)) file(id, s);
      }
    }
  });
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/**
 * The words within a few dozen characters either side of the figure, and those just before the
 * sentence's first figure: in "The inspectorate's yearly report for 2007/08 put 9% ..., 69% ... and 22% ..."
 * the lead-in describes the third figure as much as the first.
 */
function nearFigure(figure: Figure, firstFigureAt: number): string {
  const text = figure.sentence.text;
  const leadIn = text.slice(Math.max(0, firstFigureAt - NEAR_CHARS), firstFigureAt);
  return `${leadIn} ${text.slice(Math.max(0, figure.rawStart - NEAR_CHARS), figure.rawEnd + NEAR_CHARS)}`;
}
