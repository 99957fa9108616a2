/**
 * Scores figures against a numeric question on general signals: the grade, period, unit and
 * counted thing it names, whether it wants the latest figure, and its key words' overlap with the
 * figure's sentence and document title.
 */
import { TopScores } from '../search/top-scores.js';
import { findPeriods } from './periods.js';
import { parseQuestion, type QuestionFeatures } from './query.js';
import type { Figure, FigureMatch, FigureMatchGroup, MatchSignals, Period } from './types.js';
import type { Vocabulary } from './vocabulary.js';
import { keyWords, stem } from './words.js';

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

/** What the matcher needs of one figure, worked out once: the words and grades around it. */
interface FigureFacts {
  sentenceWords: Set<string>;
  contextWords: Set<string>;
  titleWords: Set<string>;
  /** Grades named anywhere in its sentence, for questions that ask for a breakdown across grades. */
  sentenceGrades: Set<string>;
  /** Where its sentence's first figure starts: the words before it introduce every figure in the sentence. */
  firstFigureAt: number;
  /** The figures of its sentence, to find those stated as a pair. */
  sentenceFigures: Figure[];
  period: Period | undefined;
  /** Its position when all figures are sorted by id: ties in confidence are broken by id. */
  idRank: number;
}

/** The question's key words, deduplicated, each with its weight. */
interface AskedWords {
  words: string[];
  weights: number[];
  possible: number;
}

export class QuestionMatcher {
  private readonly facts: FigureFacts[];
  private readonly idf = new Map<string, number>();
  /** Stem -> the stem standing for its word group. */
  private readonly wordGroup = new Map<string, string>();
  private readonly yearSpan: [number, number];
  /** Sentences that state at least one figure: the weight of a word no such sentence uses. */
  private readonly sentenceCount: number;
  /** The words near each figure (by index), worked out when the figure is first a candidate. */
  private readonly nearbyWords = new Map<number, Set<string>>();
  /**
   * Which figures a question can be about: by word (of the sentence, its neighbours or the title), by
   * grade (the figure's or its sentence's) and by year. A figure sharing none of these with the
   * question cannot reach CONFIDENT_AT, so only the figures listed under the question's words,
   * grades and years are scored, not every figure of the corpus.
   */
  private readonly byWord = new Map<string, number[]>();
  private readonly byGrade = new Map<string, number[]>();
  private readonly byYear = new Map<number, number[]>();
  /** The figures stated in each passage, for the passages the extract search found. */
  private readonly byPassage = new Map<string, number[]>();

  constructor(
    private readonly figures: Figure[],
    private readonly vocabulary: Vocabulary,
    /** Key words already worked out, by text (space-separated); others are worked out here. */
    private readonly knownKeyWords: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const group of vocabulary.data.wordGroups) {
      if (typeof group === 'string') continue;
      const stems = group.map(stem);
      for (const member of stems) this.wordGroup.set(member, stems[0]!);
    }
    // Per sentence and per document, shared by the figures in them.
    const sentences = new Map<string, { words: Set<string>; context: Set<string>; grades: Set<string>; firstFigureAt: number; figures: Figure[] }>();
    const titles = new Map<string, { words: Set<string>; period: Period | undefined }>();
    for (const figure of figures) {
      const key = sentenceKeyOf(figure);
      let sentence = sentences.get(key);
      if (!sentence) {
        sentence = { words: this.words(figure.sentence.text), context: this.words(figure.context), grades: new Set(), firstFigureAt: Infinity, figures: [] };
        sentences.set(key, sentence);
      }
      for (const grade of figure.grades) sentence.grades.add(grade);
      sentence.firstFigureAt = Math.min(sentence.firstFigureAt, figure.rawStart);
      sentence.figures.push(figure);
      if (!titles.has(figure.citation.docId)) {
        titles.set(figure.citation.docId, {
          words: this.words(figure.citation.title),
          period: findPeriods(figure.citation.title, vocabulary).find((m) => m.period.years.length > 0)?.period,
        });
      }
    }
    const documentFrequency = new Map<string, number>();
    for (const { words } of sentences.values()) for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    for (const [w, df] of documentFrequency) this.idf.set(w, Math.log(1 + sentences.size / df));
    this.sentenceCount = sentences.size;

    // A collator orders as localeCompare does, many times faster over tens of thousands of ids.
    const { compare } = new Intl.Collator();
    const idRanks = figures.map((_, index) => index).sort((a, b) => compare(figures[a]!.id, figures[b]!.id));
    const rankOf = new Array<number>(figures.length);
    idRanks.forEach((index, rank) => (rankOf[index] = rank));
    this.facts = figures.map((figure, index) => {
      const sentence = sentences.get(sentenceKeyOf(figure))!;
      const title = titles.get(figure.citation.docId)!;
      return {
        sentenceWords: sentence.words,
        contextWords: sentence.context,
        titleWords: title.words,
        sentenceGrades: sentence.grades,
        firstFigureAt: sentence.firstFigureAt,
        sentenceFigures: sentence.figures,
        period: periodOf(figure, title.period),
        idRank: rankOf[index]!,
      };
    });

    // A loop, not Math.min(...years): a spread of 100k+ years overflows the call stack.
    let first = Infinity;
    let last = -Infinity;
    for (const figure of figures) {
      for (const year of figure.period?.years ?? []) {
        if (year < first) first = year;
        if (year > last) last = year;
      }
    }
    this.yearSpan = first <= last ? [first, last] : [0, 0];
    this.facts.forEach((facts, index) => this.list(this.figures[index]!, facts, index));
  }

  /** Files a figure under its words, grades, years (see byWord) and passage. */
  private list(figure: Figure, facts: FigureFacts, index: number): void {
    for (const word of new Set([...facts.sentenceWords, ...facts.contextWords, ...facts.titleWords])) push(this.byWord, word, index);
    for (const grade of new Set([...figure.grades, ...facts.sentenceGrades])) push(this.byGrade, grade, index);
    for (const year of new Set(facts.period?.years ?? [])) push(this.byYear, year, index);
    push(this.byPassage, figure.citation.passageId, index);
  }

  /**
   * The figures worth scoring for a question: those sharing a word, grade or year with it, and those
   * stated in `passageIds` (the passages the extract search found, whose evidence can lift a figure).
   * With each, the weight of the question's words found in its sentence, neighbours or title.
   */
  private candidates(asked: QuestionFeatures, askedWords: AskedWords, passageIds: ReadonlySet<string>): { indices: number[]; wordWeight: Float64Array } {
    const chosen = new Uint8Array(this.figures.length);
    const wordWeight = new Float64Array(this.figures.length);
    const indices: number[] = [];
    const take = (list: readonly number[] | undefined, weight = 0) => {
      if (!list) return;
      for (const index of list) {
        wordWeight[index] = wordWeight[index]! + weight;
        if (chosen[index] === 1) continue;
        chosen[index] = 1;
        indices.push(index);
      }
    };
    askedWords.words.forEach((word, i) => take(this.byWord.get(word), askedWords.weights[i]));
    for (const grade of new Set(asked.gradeSets.flat())) take(this.byGrade.get(grade));
    for (const year of asked.period?.years ?? []) take(this.byYear.get(year));
    for (const passageId of passageIds) take(this.byPassage.get(passageId));
    return { indices, wordWeight };
  }

  /**
   * The figures best matching a question. `passageIds`: passages the extract search found, whose
   * figures are scored even when they share no word with the question.
   */
  match(question: string, limit = 10, passageIds: ReadonlySet<string> = new Set()): FigureMatch[] {
    const parsed = parseQuestion(question, this.vocabulary);
    const asked = { ...parsed, words: [...this.words(parsed.words.join(' '), true)] };
    const intent = asked.gradeSets.length > 0 || asked.period !== undefined || asked.units.length > 0 || asked.counted.length > 0;
    const factor = intent ? 1 : NO_FIGURE_INTENT;
    const askedWords = this.weighWords(asked.words);
    const { indices, wordWeight } = this.candidates(asked, askedWords, passageIds);
    // The words signal can be no more than the share of the question's words that the figure's
    // sentence, neighbours and title hold. Figures are scored in order of that bound, and scoring
    // stops once no figure left can enter the best `limit`: the same result as scoring them all.
    const bounded = indices.map((index) => {
      const words = askedWords.possible > 0 ? wordWeight[index]! / askedWords.possible : 0;
      return { index, bound: round(meanOfSignals(this.signals(index, asked, words)) * factor) };
    });
    bounded.sort((a, b) => b.bound - a.bound);
    const best = new TopScores<Scored>(limit, (a, b) => b.confidence - a.confidence || this.facts[a.index]!.idRank - this.facts[b.index]!.idRank);
    for (const { index, bound } of bounded) {
      const worst = best.worst();
      if (worst !== undefined && bound < worst.confidence) break;
      const signals = this.signals(index, asked, this.wordScore(index, askedWords));
      best.offer({ index, signals, confidence: round(meanOfSignals(signals) * factor) });
    }
    return best.sorted().map(({ index, signals, confidence }) => {
      const figure = this.figures[index]!;
      return { figure, confidence, confident: confidence >= CONFIDENT_AT, signals, measure: measureOf(figure) };
    });
  }

  /** Every signal the question raises; `words` is worked out by the caller (see `match`). */
  private signals(index: number, asked: QuestionFeatures, words: number): MatchSignals {
    const figure = this.figures[index]!;
    const { period } = this.facts[index]!;
    const signals: MatchSignals = { words };
    if (asked.gradeSets.length > 0) signals.grade = this.gradeScore(index, asked.gradeSets);
    if (asked.period) signals.period = periodScore(period, asked.period);
    if (asked.units.length > 0) signals.unit = asked.units.includes(figure.unit) ? 1 : 0;
    if (asked.counted.length > 0) signals.counted = figure.counted === undefined ? 0.3 : asked.counted.includes(figure.counted) ? 1 : 0;
    if (asked.wantsRecent) signals.recency = this.recency(period);
    if (asked.wantsSpread) signals.spread = this.isPaired(index) ? 1 : 0;
    return signals;
  }

  /** Words no figure sentence uses still count, as rare ones: the question may name the document by its title. */
  private weighWords(words: readonly string[]): AskedWords {
    const unique = [...new Set(words)];
    const weights = unique.map((word) => this.idf.get(word) ?? Math.log(1 + this.sentenceCount));
    return { words: unique, weights, possible: weights.reduce((sum, weight) => sum + weight, 0) };
  }

  /**
   * Half for the question's words in the sentence (or, for less, the title), half for those close to the
   * figure itself, which tells apart two figures in one sentence ("average £2,300 ..." vs "ranged from £340 to £4,970").
   */
  private wordScore(index: number, asked: AskedWords): number {
    const facts = this.facts[index]!;
    return (overlap(asked, facts.sentenceWords, facts.titleWords, facts.contextWords) + overlap(asked, this.nearby(index))) / 2;
  }

  private nearby(index: number): Set<string> {
    let words = this.nearbyWords.get(index);
    if (!words) {
      // Only the sentence's own words: a window cut mid-word must not yield a fragment that matches.
      const { sentenceWords, firstFigureAt } = this.facts[index]!;
      words = new Set([...this.words(nearFigure(this.figures[index]!, firstFigureAt))].filter((word) => sentenceWords.has(word)));
      this.nearbyWords.set(index, words);
    }
    return words;
  }

  /** Key words with each word group's members read as one. `stemmed`: the text is already key words. */
  private words(text: string, stemmed = false): Set<string> {
    const known = stemmed ? text : this.knownKeyWords.get(text);
    const words = known !== undefined ? known.split(' ').filter(Boolean) : keyWords(text);
    return new Set(words.map((w) => this.wordGroup.get(w) ?? w));
  }

  /**
   * The figure's own grade against each grade asked. A question naming three or more grades
   * ("the good / RI / inadequate split") wants the sentence that gives the breakdown, so each
   * figure scores by how many of those grades its sentence covers.
   */
  private gradeScore(index: number, askedSets: string[][]): number {
    const own = gradeScore(this.figures[index]!.grades, askedSets);
    const asked = new Set(askedSets.flat());
    if (asked.size < 3) return own;
    const inSentence = this.facts[index]!.sentenceGrades;
    const covered = [...asked].filter((g) => inSentence.has(g)).length;
    return covered / asked.size;
  }

  /**
   * A ratio ("for every £1 ... £4"), or one of two nearby figures in a sentence with the same unit and
   * grade: the two ends of a range or a change. Figures of different grades ("9% Outstanding, 69% Good")
   * are a breakdown, not a pair.
   */
  private isPaired(index: number): boolean {
    const figure = this.figures[index]!;
    if (figure.unit === 'ratio') return true;
    return this.facts[index]!.sentenceFigures.some(
      (other) =>
        other !== figure &&
        other.unit === figure.unit &&
        other.grade === figure.grade &&
        Math.max(other.rawStart, figure.rawStart) - Math.min(other.rawEnd, figure.rawEnd) <= PAIR_CHARS,
    );
  }

  /** 1 for the latest year any figure refers to, 0 for the earliest or none. */
  private recency(period: Period | undefined): number {
    if (!period || period.years.length === 0) return 0;
    const [first, last] = this.yearSpan;
    return last > first ? (Math.max(...period.years) - first) / (last - first) : 1;
  }
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
function overlap(asked: AskedWords, primary: Set<string>, secondary?: Set<string>, tertiary?: Set<string>): number {
  if (asked.words.length === 0 || !(asked.possible > 0)) return 0;
  let found = 0;
  // A plain loop: this runs for every candidate figure of every question.
  for (let i = 0; i < asked.words.length; i++) {
    const word = asked.words[i]!;
    if (primary.has(word)) found += asked.weights[i]!;
    else if (secondary?.has(word) || tertiary?.has(word)) found += asked.weights[i]! * TITLE_WEIGHT;
  }
  return found / asked.possible;
}

/** A relative period left as stated ("today" with no document date) is read against the title's period, as inferred. */
function periodOf(figure: Figure, titlePeriod: Period | undefined): Period | undefined {
  if (figure.period?.kind !== 'relative' || figure.period.years.length > 0) return figure.period;
  return titlePeriod ? { ...titlePeriod, inferred: true } : figure.period;
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function sentenceKeyOf(figure: Figure): string {
  return `${figure.citation.docId}@${figure.sentence.start}`;
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
function gradeScore(figureGrades: string[], askedSets: string[][]): number {
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
