/**
 * Scores figures against a numeric question on general signals: the grade, period, unit and
 * counted thing it names, whether it wants the latest figure, and its key words' overlap with the
 * figure's sentence and document title. The figures to score, and what is known of each, come from
 * the match index (match-index.ts).
 */
import { TopScores } from '../util/top-scores.js';
import { round } from '../util/round.js';
import { FigureMatchIndex, type AskedWords } from './match-index.js';
import { measureOf } from './match-groups.js';
import { parseQuestion, type QuestionFeatures } from './query.js';
import { periodsMeet } from './periods.js';
import type { FigureMatch, MatchSignals, Period } from './types.js';
import type { FigureSet } from './figure-set.js';
import type { FigureKeyWords } from './key-words.js';
import type { Vocabulary } from './vocabulary.js';
import type { Words } from './word-lists.js';

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
/** Two figures of one measure this close in a sentence are stated as a pair: "from 22% to 12%", "as high as 46% ... just 6%". */
const PAIR_CHARS = 100;

export class QuestionMatcher {
  private readonly index: FigureMatchIndex;

  constructor(
    /** Read field by field: a whole figure is made only for a reply. */
    private readonly figures: FigureSet,
    private readonly vocabulary: Vocabulary,
    /** The figures' key words, by position (see FigureKeyWords). */
    keyWords: FigureKeyWords,
  ) {
    this.index = new FigureMatchIndex(figures, vocabulary, keyWords);
  }

  /**
   * The figures best matching a question. `passageIds`: passages the extract search found, whose
   * figures are scored even when they share no word with the question.
   */
  match(question: string, limit = 10, passageIds: ReadonlySet<string> = new Set()): FigureMatch[] {
    const parsed = parseQuestion(question, this.vocabulary);
    const asked = { ...parsed, words: [...new Set(parsed.words.join(' ').split(' ').filter(Boolean).map((word) => this.index.wordGroup.get(word) ?? word))] };
    const intent = asked.gradeSets.length > 0 || asked.period !== undefined || asked.units.length > 0 || asked.counted.length > 0;
    const factor = intent ? 1 : NO_FIGURE_INTENT;
    const askedWords = this.index.weighWords(asked.words);
    const { indices, wordWeight } = this.index.candidates(asked, askedWords, passageIds);
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
    const period = this.index.periods[index];
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

  /**
   * Half for the question's words in the sentence (or, for less, the title), half for those close to the
   * figure itself, which tells apart two figures in one sentence ("average £2,300 ..." vs "ranged from £340 to £4,970").
   */
  private wordScore(index: number, asked: AskedWords): number {
    const s = this.index.sentenceOf[index]!;
    const sentence = this.index.sentenceWords.words(s);
    const title = this.index.titleWords.words(this.index.titleOfDocument[this.index.documentOf[index]!]!);
    const context = this.index.contextWords.words(this.index.contextOfSentence[s]!);
    return (overlap(asked, sentence, title, context) + overlap(asked, this.index.nearby(index))) / 2;
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
    const inSentence = this.index.sentenceGrades.get(this.index.sentenceOf[index]!) ?? NO_GRADES;
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
    this.index.figuresBySentence.forEach(this.index.sentenceOf[index]!, (other) => {
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
    const [first, last] = this.index.yearSpan;
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

/** Orders as localeCompare does; a collator made once is many times faster. */
const compareIds = new Intl.Collator().compare;

/** The grades of a sentence that names none: only those that do are kept (`sentenceGrades`). */
const NO_GRADES: ReadonlySet<string> = new Set();

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

/** Same label 1; periods that meet (a shared year, not two different split years) 0.7; an inferred period counts for less; no period a little. */
function periodScore(figurePeriod: Period | undefined, asked: Period): number {
  if (!figurePeriod || figurePeriod.years.length === 0) return 0.1;
  const discount = figurePeriod.inferred ? INFERRED_PERIOD : 1;
  if (figurePeriod.label === asked.label) return discount;
  // "December 2018" asked, "4 December 2018" stated (or the reverse): the same period at another precision.
  if (isDatePrefix(figurePeriod.label, asked.label) || isDatePrefix(asked.label, figurePeriod.label)) return 0.9 * discount;
  if (periodsMeet(figurePeriod, asked)) return 0.7 * discount;
  return 0;
}

function isDatePrefix(shorter: string, longer: string): boolean {
  return /^\d{4}-\d\d/.test(shorter) && longer.startsWith(`${shorter}-`);
}
