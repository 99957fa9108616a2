/**
 * Scores figures against a numeric question on general signals: the grade, period, unit and
 * counted thing it names, whether it wants the latest figure, and its key words' overlap with the
 * figure's sentence and document title.
 */
import { includesSorted } from '../util/sorted.js';
import { TopScores } from '../util/top-scores.js';
import { findPeriods } from './periods.js';
import { parseQuestion, type QuestionFeatures } from './query.js';
import type { Figure, FigureMatch, FigureMatchGroup, MatchSignals, Period } from './types.js';
import type { FigureSet } from './figure-set.js';
import type { FigureKeyWords, StemLists } from './key-words.js';
import type { Vocabulary } from './vocabulary.js';
import { keyWords, stem } from './words.js';
import { round } from '../util/round.js';

/** Relative importance of each signal; a signal the question does not raise is left out of the mean. */
const WEIGHTS = { grade: 0.25, period: 0.25, unit: 0.2, counted: 0.1, recency: 0.15, spread: 0.2, words: 0.45 } as const;
/** Calibrated on the dev questions: right answers score above this, unrelated questions below. */
export const CONFIDENT_AT = 0.6;
/** A question naming no grade, period, unit or counted thing is probably not after a figure at all. */
const NO_FIGURE_INTENT = 0.6;
/** Words in the title or the neighbouring sentences count for less than words in the figure's own sentence. */
const TITLE_WEIGHT = 0.6;
/** A period taken from the passage, title or document date is good evidence, but less than one stated in the sentence. */
const INFERRED_PERIOD = 0.9;
/** How far either side of a figure its own words reach. */
const NEAR_CHARS = 60;
/** Two figures of one measure this close in a sentence are stated as a pair: "from 22% to 12%", "as high as 46% ... just 6%". */
const PAIR_CHARS = 100;

/** The question's key words, deduplicated, each with its number (-1 for a word no figure's text uses) and weight. */
interface AskedWords {
  words: string[];
  ids: Int32Array;
  weights: number[];
  possible: number;
}

/** Word numbers a text holds (see QuestionMatcher.wordNumbers). */
interface Words {
  has(id: number): boolean;
}

/** Words of one text of its own (the words near a figure). */
class WordSet implements Words {
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
class WordLists {
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

export class QuestionMatcher {
  /** Each figure's sentence (its position in FigureKeyWords) and document (as numbered here), and period. */
  private readonly sentenceOf: Uint32Array;
  private readonly documentOf: Int32Array;
  private readonly periods: (Period | undefined)[];
  /** Of each sentence: its figures, its context's position in FigureKeyWords, where its first figure starts, the grades it names. */
  private readonly figuresBySentence: NumberLists;
  private readonly contextOfSentence: Int32Array;
  private readonly firstFigureAt: Int32Array;
  /** Only sentences naming a grade (few) are here. */
  private readonly sentenceGrades: Map<number, Set<string>>;
  /** Of each document: its figures, its title, and its title's position in FigureKeyWords. */
  private readonly figuresByDocument: NumberLists;
  private readonly documentTitles: string[];
  private readonly titleOfDocument: Int32Array;
  private readonly sentenceWords: WordLists;
  private readonly contextWords: WordLists;
  private readonly titleWords: WordLists;
  /** By word number. */
  private readonly idf: Float64Array;
  /** Stem -> the stem standing for its word group. */
  private readonly wordGroup: Map<string, string>;
  private readonly yearSpan: [number, number];
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

  constructor(
    /** Read field by field: a whole figure is made only for a reply. */
    private readonly figures: FigureSet,
    private readonly vocabulary: Vocabulary,
    /** The figures' key words, by position (see FigureKeyWords). */
    keyWords: FigureKeyWords,
  ) {
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
  private candidates(asked: QuestionFeatures, askedWords: AskedWords, passageIds: ReadonlySet<string>): { indices: number[]; wordWeight: Float64Array } {
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

  /**
   * The figures best matching a question. `passageIds`: passages the extract search found, whose
   * figures are scored even when they share no word with the question.
   */
  match(question: string, limit = 10, passageIds: ReadonlySet<string> = new Set()): FigureMatch[] {
    const parsed = parseQuestion(question, this.vocabulary);
    const asked = { ...parsed, words: [...new Set(parsed.words.join(' ').split(' ').filter(Boolean).map((word) => this.wordGroup.get(word) ?? word))] };
    const intent = asked.gradeSets.length > 0 || asked.period !== undefined || asked.units.length > 0 || asked.counted.length > 0;
    const factor = intent ? 1 : NO_FIGURE_INTENT;
    const askedWords = this.weighWords(asked.words);
    const { indices, wordWeight } = this.candidates(asked, askedWords, passageIds);
    // The words signal can be no more than the share of the question's words that the figure's
    // sentence, neighbours and title hold. Figures are scored in order of that bound, and scoring
    // stops once no figure left can enter the best `limit`: the same result as scoring them all.
    const bounded = indices.map((index) => {
      const words = askedWords.possible > 0 ? wordWeight[index]! / askedWords.possible : 0;
      return { index, bound: round(meanOfSignals(this.signals(index, asked, words)) * factor, 3) };
    });
    bounded.sort((a, b) => b.bound - a.bound);
    // Ties go to the figure whose id sorts first (then to the first listed).
    const best = new TopScores<Scored>(limit, (a, b) => b.confidence - a.confidence || compareIds(this.figures.id(a.index), this.figures.id(b.index)) || a.index - b.index);
    for (const { index, bound } of bounded) {
      const worst = best.worst();
      if (worst !== undefined && bound < worst.confidence) break;
      const signals = this.signals(index, asked, this.wordScore(index, askedWords));
      best.offer({ index, signals, confidence: round(meanOfSignals(signals) * factor, 3) });
    }
    return best.sorted().map(({ index, signals, confidence }) => {
      const figure = this.figures.figure(index);
      return { figure, confidence, confident: confidence >= CONFIDENT_AT, signals, measure: measureOf(figure) };
    });
  }

  /** Every signal the question raises; `words` is worked out by the caller (see `match`). */
  private signals(index: number, asked: QuestionFeatures, words: number): MatchSignals {
    const period = this.periods[index];
    const signals: MatchSignals = { words };
    if (asked.gradeSets.length > 0) signals.grade = this.gradeScore(index, asked.gradeSets);
    if (asked.period) signals.period = periodScore(period, asked.period);
    if (asked.units.length > 0) signals.unit = asked.units.includes(this.figures.unit(index)) ? 1 : 0;
    if (asked.counted.length > 0) {
      const counted = this.figures.counted(index);
      signals.counted = counted === undefined ? 0.3 : asked.counted.includes(counted) ? 1 : 0;
    }
    if (asked.wantsRecent) signals.recency = this.recency(period);
    if (asked.wantsSpread) signals.spread = this.isPaired(index) ? 1 : 0;
    return signals;
  }

  /** Words no figure sentence uses still count, as rare ones: the question may name the document by its title. */
  private weighWords(words: readonly string[]): AskedWords {
    const unique = [...new Set(words)];
    const ids = Int32Array.from(unique, (word) => this.wordNumbers.get(word) ?? -1);
    const weights = unique.map((_, i) => (ids[i]! >= 0 ? this.idf[ids[i]!]! : Math.log(1 + this.sentenceCount)));
    return { words: unique, ids, weights, possible: weights.reduce((sum, weight) => sum + weight, 0) };
  }

  /**
   * Half for the question's words in the sentence (or, for less, the title), half for those close to the
   * figure itself, which tells apart two figures in one sentence ("average £2,300 ..." vs "ranged from £340 to £4,970").
   */
  private wordScore(index: number, asked: AskedWords): number {
    const s = this.sentenceOf[index]!;
    const sentence = this.sentenceWords.words(s);
    const title = this.titleWords.words(this.titleOfDocument[this.documentOf[index]!]!);
    const context = this.contextWords.words(this.contextOfSentence[s]!);
    return (overlap(asked, sentence, title, context) + overlap(asked, this.nearby(index))) / 2;
  }

  private nearby(index: number): WordSet {
    let words = this.nearbyWords.get(index);
    if (!words) {
      // Only the sentence's own words: a window cut mid-word must not yield a fragment that matches.
      const s = this.sentenceOf[index]!;
      const near = keyWords(nearFigure(this.figures.figure(index), this.firstFigureAt[s]!)).map((word) => this.numberOfKeyWord.get(word) ?? -1);
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

  /**
   * The figure's own grade against each grade asked. A question naming three or more grades
   * ("the good / RI / inadequate split") wants the sentence that gives the breakdown, so each
   * figure scores by how many of those grades its sentence covers.
   */
  private gradeScore(index: number, askedSets: string[][]): number {
    const own = gradeScore(this.figures.grades(index), askedSets);
    const asked = new Set(askedSets.flat());
    if (asked.size < 3) return own;
    const inSentence = this.sentenceGrades.get(this.sentenceOf[index]!) ?? NO_GRADES;
    const covered = [...asked].filter((g) => inSentence.has(g)).length;
    return covered / asked.size;
  }

  /**
   * A ratio ("for every £1 ... £4"), or one of two nearby figures in a sentence with the same unit and
   * grade: the two ends of a range or a change. Figures of different grades ("9% Outstanding, 69% Good")
   * are a breakdown, not a pair.
   */
  private isPaired(index: number): boolean {
    const figures = this.figures;
    const unit = figures.unit(index);
    if (unit === 'ratio') return true;
    const grade = figures.grade(index);
    let paired = false;
    this.figuresBySentence.forEach(this.sentenceOf[index]!, (other) => {
      if (
        other !== index &&
        figures.unit(other) === unit &&
        figures.grade(other) === grade &&
        Math.max(figures.rawStart(other), figures.rawStart(index)) - Math.min(figures.rawEnd(other), figures.rawEnd(index)) <= PAIR_CHARS
      ) {
        paired = true;
      }
    });
    return paired;
  }

  /** 1 for the latest year any figure refers to, 0 for the earliest or none. */
  private recency(period: Period | undefined): number {
    if (!period || period.years.length === 0) return 0;
    const [first, last] = this.yearSpan;
    return last > first ? (Math.max(...period.years) - first) / (last - first) : 1;
  }
}

/** Stem -> the stem standing for its word group (the vocabulary's groups of words read as one). */
function wordGroupsOf(vocabulary: Vocabulary): Map<string, string> {
  const groups = new Map<string, string>();
  for (const group of vocabulary.data.wordGroups) {
    if (typeof group === 'string') continue;
    const stems = group.map(stem);
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

interface Scored {
  index: number;
  signals: MatchSignals;
  confidence: number;
}

const SIGNAL_NAMES = Object.keys(WEIGHTS) as Array<keyof MatchSignals>;

/** The weighted mean of the signals the question raised. */
function meanOfSignals(signals: MatchSignals): number {
  let total = 0;
  let weight = 0;
  for (const name of SIGNAL_NAMES) {
    const value = signals[name];
    if (value === undefined) continue;
    total += WEIGHTS[name] * value;
    weight += WEIGHTS[name];
  }
  return weight > 0 ? total / weight : 0;
}

/** IDF-weighted share of the question's words found: fully in `primary`, at TITLE_WEIGHT in any of `secondary`. */
function overlap(asked: AskedWords, primary: Words, secondary?: Words, tertiary?: Words): number {
  if (asked.words.length === 0 || !(asked.possible > 0)) return 0;
  let found = 0;
  // A plain loop: this runs for every candidate figure of every question.
  for (let i = 0; i < asked.ids.length; i++) {
    const id = asked.ids[i]!;
    if (id < 0) continue;
    if (primary.has(id)) found += asked.weights[i]!;
    else if (secondary?.has(id) || tertiary?.has(id)) found += asked.weights[i]! * TITLE_WEIGHT;
  }
  return found / asked.possible;
}

function distinctSorted(ids: number[]): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let length = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[length++] = sorted[i]!;
  return sorted.slice(0, length);
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** Orders as localeCompare does; a collator made once is many times faster. */
const compareIds = new Intl.Collator().compare;

/** The grades of a sentence that names none: only those that do are kept (`sentenceGrades`). */
const NO_GRADES: ReadonlySet<string> = new Set();

/**
 * Lists of numbers by key (a word's sentences), in two typed arrays: counted, then filled, by two runs
 * of `each`. Millions of pushes onto growing arrays took most of a second at 180k figures.
 */
class NumberLists {
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

/**
 * The words within a few dozen characters either side of the figure, and those just before the
 * sentence's first figure: in "According to Ofsted's 2007/08 annual report, 9% ..., 69% ... and 22% ..."
 * the lead-in describes the third figure as much as the first.
 */
function nearFigure(figure: Figure, firstFigureAt: number): string {
  const text = figure.sentence.text;
  const leadIn = text.slice(Math.max(0, firstFigureAt - NEAR_CHARS), firstFigureAt);
  return `${leadIn} ${text.slice(Math.max(0, figure.rawStart - NEAR_CHARS), figure.rawEnd + NEAR_CHARS)}`;
}

/** Same grade 1; a narrower or wider grade than asked partly; another grade 0; no grade named near the figure a little. */
function gradeScore(figureGrades: readonly string[], askedSets: string[][]): number {
  if (figureGrades.length === 0) return 0.15;
  const figure = new Set(figureGrades);
  let best = 0;
  for (const asked of askedSets) {
    const overlap = asked.filter((g) => figure.has(g)).length;
    if (overlap === 0) continue;
    const score = overlap === asked.length && overlap === figure.size ? 1 : overlap === figure.size ? 0.6 : overlap === asked.length ? 0.5 : 0.3;
    best = Math.max(best, score);
  }
  return best;
}

/** Same label 1; overlapping years 0.7; an inferred period counts for less; no period a little. */
function periodScore(figurePeriod: Period | undefined, asked: Period): number {
  if (!figurePeriod || figurePeriod.years.length === 0) return 0.1;
  const discount = figurePeriod.inferred ? INFERRED_PERIOD : 1;
  if (figurePeriod.label === asked.label) return discount;
  // "December 2018" asked, "4 December 2018" stated (or the reverse): the same period at another precision.
  if (isDatePrefix(figurePeriod.label, asked.label) || isDatePrefix(asked.label, figurePeriod.label)) return 0.9 * discount;
  if (figurePeriod.years.some((y) => asked.years.includes(y))) return 0.7 * discount;
  return 0;
}

function isDatePrefix(shorter: string, longer: string): boolean {
  return /^\d{4}-\d\d/.test(shorter) && longer.startsWith(`${shorter}-`);
}

/** "Inadequate · percent · local authorities". */
export function measureOf(figure: Figure): string {
  return [figure.grade ?? 'no grade', figure.unit, figure.counted ?? 'unspecified'].join(' · ');
}

/**
 * Lays the strongest matches side by side by what they measure, so that other periods and
 * sources giving the same kind of figure show rather than one being picked silently.
 * `within`: how far below the best confidence a match may be and still be shown.
 */
export function groupMatches(matches: FigureMatch[], within = 0.15): FigureMatchGroup[] {
  const best = matches[0]?.confidence ?? 0;
  const strong = matches.filter((m) => m.confidence >= best - within);
  const groups = new Map<string, FigureMatch[]>();
  for (const match of strong) groups.set(match.measure, [...(groups.get(match.measure) ?? []), match]);
  return [...groups].map(([measure, members]) => {
    const ordered = [...members].sort((a, b) => (a.figure.period?.sortKey ?? '').localeCompare(b.figure.period?.sortKey ?? '') || a.figure.citation.docId.localeCompare(b.figure.citation.docId));
    const valuesByPeriod = new Map<string, Set<number>>();
    for (const m of ordered) {
      const label = m.figure.period?.label ?? 'no period';
      valuesByPeriod.set(label, (valuesByPeriod.get(label) ?? new Set()).add(m.figure.value));
    }
    return {
      measure,
      matches: ordered,
      periods: [...new Set(ordered.map((m) => m.figure.period?.label ?? 'no period'))],
      docIds: [...new Set(ordered.map((m) => m.figure.citation.docId))],
      disagreement: [...valuesByPeriod.values()].some((values) => values.size > 1),
    };
  });
}

