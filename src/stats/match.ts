/**
 * Scores figures against a numeric question on general signals: the grade, period, unit and
 * counted thing it names, whether it wants the latest figure, and its key words' overlap with the
 * figure's sentence and document title.
 */
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

export class QuestionMatcher {
  private readonly sentenceWords = new Map<string, Set<string>>();
  private readonly titleWords = new Map<string, Set<string>>();
  private readonly contextWords = new Map<string, Set<string>>();
  private readonly titlePeriods = new Map<string, Period | undefined>();
  private readonly idf = new Map<string, number>();
  /** Grades named anywhere in each sentence, for questions that ask for a breakdown across grades. */
  private readonly sentenceGrades = new Map<string, Set<string>>();
  /** Where each sentence's first figure starts: the words before it introduce every figure in the sentence. */
  private readonly firstFigureAt = new Map<string, number>();
  /** The figures of each sentence, to find those stated as a pair. */
  private readonly sentenceFigures = new Map<string, Figure[]>();
  /** Stem -> the stem standing for its word group. */
  private readonly wordGroup = new Map<string, string>();
  private readonly yearSpan: [number, number];

  constructor(
    private readonly figures: Figure[],
    private readonly vocabulary: Vocabulary,
  ) {
    for (const group of vocabulary.data.wordGroups) {
      if (typeof group === 'string') continue;
      const stems = group.map(stem);
      for (const member of stems) this.wordGroup.set(member, stems[0]!);
    }
    const documentFrequency = new Map<string, number>();
    const texts = new Map<string, Set<string>>();
    for (const figure of figures) {
      const sentenceKey = sentenceKeyOf(figure);
      const grades = this.sentenceGrades.get(sentenceKey) ?? new Set();
      for (const grade of figure.grades) grades.add(grade);
      this.sentenceGrades.set(sentenceKey, grades);
      this.firstFigureAt.set(sentenceKey, Math.min(this.firstFigureAt.get(sentenceKey) ?? Infinity, figure.rawStart));
      const together = this.sentenceFigures.get(sentenceKey);
      if (together) together.push(figure);
      else this.sentenceFigures.set(sentenceKey, [figure]);
      if (!this.sentenceWords.has(sentenceKey)) {
        const words = this.words(figure.sentence.text);
        this.contextWords.set(sentenceKey, this.words(figure.context));
        this.sentenceWords.set(sentenceKey, words);
        texts.set(sentenceKey, words);
      }
      if (!this.titleWords.has(figure.citation.docId)) {
        this.titleWords.set(figure.citation.docId, this.words(figure.citation.title));
        this.titlePeriods.set(
          figure.citation.docId,
          findPeriods(figure.citation.title, vocabulary).find((m) => m.period.years.length > 0)?.period,
        );
      }
    }
    for (const words of texts.values()) for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    for (const [w, df] of documentFrequency) this.idf.set(w, Math.log(1 + texts.size / df));
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
  }

  match(question: string, limit = 10): FigureMatch[] {
    const parsed = parseQuestion(question, this.vocabulary);
    const asked = { ...parsed, words: [...this.words(parsed.words.join(' '), true)] };
    const intent = asked.gradeSets.length > 0 || asked.period !== undefined || asked.units.length > 0 || asked.counted.length > 0;
    const scored = this.figures.map((figure) => {
      const signals = this.signals(figure, asked);
      let total = 0;
      let weight = 0;
      for (const [name, value] of Object.entries(signals) as Array<[keyof MatchSignals, number | undefined]>) {
        if (value === undefined) continue;
        total += WEIGHTS[name] * value;
        weight += WEIGHTS[name];
      }
      const confidence = round((weight > 0 ? total / weight : 0) * (intent ? 1 : NO_FIGURE_INTENT));
      return { figure, confidence, confident: confidence >= CONFIDENT_AT, signals, measure: measureOf(figure) };
    });
    return scored
      .sort((a, b) => b.confidence - a.confidence || a.figure.id.localeCompare(b.figure.id))
      .slice(0, limit);
  }

  private signals(figure: Figure, asked: QuestionFeatures): MatchSignals {
    const period = this.periodOf(figure);
    return {
      ...(asked.gradeSets.length > 0 ? { grade: this.gradeScore(figure, asked.gradeSets) } : {}),
      ...(asked.period ? { period: periodScore(period, asked.period) } : {}),
      ...(asked.units.length > 0 ? { unit: asked.units.includes(figure.unit) ? 1 : 0 } : {}),
      ...(asked.counted.length > 0 ? { counted: figure.counted === undefined ? 0.3 : asked.counted.includes(figure.counted) ? 1 : 0 } : {}),
      ...(asked.wantsRecent ? { recency: this.recency(period) } : {}),
      ...(asked.wantsSpread ? { spread: this.isPaired(figure) ? 1 : 0 } : {}),
      words: this.wordScore(figure, asked.words),
    };
  }

  /**
   * Half for the question's words in the sentence (or, for less, the title), half for those close to the
   * figure itself, which tells apart two figures in one sentence ("average £2,300 ..." vs "ranged from £340 to £4,970").
   */
  /** A relative period left as stated ("today" with no document date) is read against the title's period, as inferred. */
  private periodOf(figure: Figure): Period | undefined {
    if (figure.period?.kind !== 'relative' || figure.period.years.length > 0) return figure.period;
    const fromTitle = this.titlePeriods.get(figure.citation.docId);
    return fromTitle ? { ...fromTitle, inferred: true } : figure.period;
  }

  private wordScore(figure: Figure, words: string[]): number {
    const inSentence = this.sentenceWords.get(sentenceKeyOf(figure)) ?? new Set();
    const inTitle = this.titleWords.get(figure.citation.docId) ?? new Set();
    const around = this.contextWords.get(sentenceKeyOf(figure)) ?? new Set();
    const nearby = this.words(nearFigure(figure, this.firstFigureAt.get(sentenceKeyOf(figure)) ?? figure.rawStart));
    return (this.overlap(words, inSentence, [inTitle, around]) + this.overlap(words, nearby, [])) / 2;
  }

  /** IDF-weighted share of the question's words found: fully in `primary`, at TITLE_WEIGHT in any of `secondary`. */
  private overlap(words: string[], primary: Set<string>, secondary: Set<string>[]): number {
    if (words.length === 0) return 0;
    let found = 0;
    let possible = 0;
    for (const word of new Set(words)) {
      // Words no figure sentence uses still count, as rare ones: the question may name the document by its title.
      const weight = this.idf.get(word) ?? Math.log(1 + this.sentenceWords.size);
      possible += weight;
      if (primary.has(word)) found += weight;
      else if (secondary.some((set) => set.has(word))) found += weight * TITLE_WEIGHT;
    }
    return possible > 0 ? found / possible : 0;
  }

  /** Key words with each word group's members read as one. `stemmed`: the text is already key words. */
  private words(text: string, stemmed = false): Set<string> {
    const words = stemmed ? text.split(' ').filter(Boolean) : keyWords(text);
    return new Set(words.map((w) => this.wordGroup.get(w) ?? w));
  }

  /**
   * The figure's own grade against each grade asked. A question naming three or more grades
   * ("the good / RI / inadequate split") wants the sentence that gives the breakdown, so each
   * figure scores by how many of those grades its sentence covers.
   */
  private gradeScore(figure: Figure, askedSets: string[][]): number {
    const own = gradeScore(figure.grades, askedSets);
    const asked = new Set(askedSets.flat());
    if (asked.size < 3) return own;
    const inSentence = this.sentenceGrades.get(sentenceKeyOf(figure)) ?? new Set();
    const covered = [...asked].filter((g) => inSentence.has(g)).length;
    return covered / asked.size;
  }

  /**
   * A ratio ("for every £1 ... £4"), or one of two nearby figures in a sentence with the same unit and
   * grade: the two ends of a range or a change. Figures of different grades ("9% Outstanding, 69% Good")
   * are a breakdown, not a pair.
   */
  private isPaired(figure: Figure): boolean {
    if (figure.unit === 'ratio') return true;
    return (this.sentenceFigures.get(sentenceKeyOf(figure)) ?? []).some(
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
