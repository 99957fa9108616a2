/** Finds every figure statement in passages and records what it measures, when, and where it was said. */
import type { Passage } from '../ingest/types.js';
import { attachMentions, type Span } from './attach.js';
import { findGrades, gradeLabel } from './grades.js';
import { moneyScale, unitBeforeFigure, type MoneyScale } from './money-scale.js';
import { findNumbers, mayHoldNumber, unitByLabel, type NumberMention } from './numbers.js';
import { datePeriod, findPeriods, parseDocumentDate, type KnownDate, type PeriodMention } from './periods.js';
import { yearOfAccount } from './quarters.js';
import { SentenceSeen, sentencesOf, type PassageSentence } from './sentences.js';
import { tableRowCells, type RowCell } from './table-rows.js';
import type { Figure, FigureCitation, Period } from './types.js';
import { isYear } from './year-patterns.js';
import type { PhraseHit, Vocabulary } from './vocabulary.js';

/** How far after a bare number its counted thing or grade may start: "20 local authorities", "seven were inadequate". */
const COUNT_NOUN_GAP = /^\s*(?:[\w'-]+\s+){0,2}$/;
const COUNT_GRADE_GAP = /^[^\d%£.;:]{0,30}$/;
/** "605,100 in 2012", "500,000 children in 2009", "53% as at 31 March 2022": a period written straight after a figure is its own. */
const PERIOD_JOINED_AFTER = /^[\s,(]*(?:(?:[\w'’-]+\s+){0,2}(?:in|at|as at|by|for|during|on)\s*)?$/i;
/** "28% of councils", "10 of 43 children's services", "20 local authorities": the counted thing written straight after a figure. */
const COUNTED_JOINED_AFTER = /^\s*(?:of\s+(?:the\s+|all\s+|these\s+|those\s+)?)?(?:[\w'’-]+\s+){0,2}$/i;
/** "Comparisons are with", "compared with", "than", "since": a period named after these is the one compared with. */
const COMPARED_BEFORE = /\b(?:compar(?:ed|isons?)(?:\s+(?:are|is))?\s+(?:with|to)|than(?:\s+(?:in|at|on))?|since)\s+(?:the\s+)?(?:end\s+of\s+)?$/i;
/** "up from 3,902 families in 2023/24": the period of the figure a change is measured from. */
const MOVED_FROM_BEFORE = /\bfrom\s+[£$€]?\d[\d,.]*(?:\s*(?:%|per\s*cent|[a-z]+)){0,3}\s+(?:in|at|on|during)\s+(?:the\s+)?(?:end\s+of\s+)?$/i;
/** "the 2020 level", "the 2019 figure": a period named as what a figure is measured against. */
const LEVEL_AFTER = /^['’]?s?\s+(?:level|figure|total|peak|baseline)s?\b/i;
/** Large bare numbers ("605,100") are figures when the sentence says what they count. */
const LARGE_COUNT = 1000;

export function extractFigures(passages: readonly Passage[], vocabulary: Vocabulary): Figure[] {
  const seen = new SentenceSeen();
  const figures: Figure[] = [];
  for (const passage of passages) {
    const documentDate = parseDocumentDate(passage.date);
    const sentences = sentencesOf(passage);
    // Periods are read only where needed: in a sentence with a number, and outwards from it when it names none.
    const context = new PeriodContext(passage, sentences, vocabulary, documentDate);
    // DOCX, HTML and PDF rows are read from their text ("label: column figure, ..."), once, when
    // first asked for: extraction asks of a sentence holding a number, the caption lookup of the rows above one.
    const rowCells = new RowCells(sentences, vocabulary);
    const captions = new TableCaptions(sentences, rowCells, vocabulary);
    sentences.forEach((sentence, i) => {
      if (!mayHoldNumber(sentence.text, vocabulary) || !seen.add(sentence)) return;
      const cells = sentence.cells ?? rowCells.at(i);
      if (!cells) {
        figures.push(...figuresInSentence(sentence, context.periodsOf(i), context, vocabulary));
        return;
      }
      // A table row: each cell, after the row's label, is its figure's statement ("Eastpoint: 2024
      // Berths 140"), so the label's words and period and the column's hold for it alone.
      const tableScale = captions.scaleBefore(i);
      for (const cell of cells) {
        const statement = { ...sentence, text: cell.text, start: sentence.start + cell.start, end: sentence.start + cell.end };
        figures.push(...figuresInSentence(statement, context.periodsIn(cell.text), context, vocabulary, { namedByColumn: true, tableScale }));
      }
    });
  }
  return figures;
}

function figuresInSentence(
  sentence: PassageSentence,
  periods: PeriodMention[],
  context: PeriodContext,
  vocabulary: Vocabulary,
  /**
   * A table cell: its row's label and column's name say what its figure counts, whatever words those
   * are, and a money unit its column's name or its table's caption states makes its bare figure a sum.
   */
  { namedByColumn = false, tableScale }: { namedByColumn?: boolean; tableScale?: MoneyScale } = {},
): Figure[] {
  const text = sentence.text;
  // Numbers first: most sentences have none, and grades and counted things matter only beside one.
  // A cell's figure is the one that ends it; a number in the column's name ("over 6 weeks") is not.
  const mentions = namedByColumn ? cellFigure(text, findNumbers(text, vocabulary, periods), vocabulary, tableScale) : findNumbers(text, vocabulary, periods);
  if (mentions.length === 0) return [];
  const grades = findGrades(text, vocabulary);
  const counted = vocabulary.counted.find(text);
  const numbers = namedByColumn ? mentions : mentions.filter((n) => !n.needsContext || hasCountContext(text, n, counted, grades));
  if (numbers.length === 0) return [];

  const gradeOf = attachMentions(text, numbers, grades, { fallback: 'linked-neighbour', prefer: 'after-first' });
  // "the Children Act 1989" names a law, not a time; "since 31 March 2024" or "above the 2020 level" names the time compared with.
  const named = periods.filter((m) => !namesAnAct(text, m));
  const own = namedByColumn ? named : named.filter((m) => !isComparedPeriod(text, m));
  const periodOf = attachMentions(text, numbers, own, { fallback: 'sentence', prefer: 'nearest', closeAfter: PERIOD_JOINED_AFTER });
  const countedOf = attachMentions(text, numbers, counted, { fallback: 'sentence', prefer: 'nearest', closeAfter: COUNTED_JOINED_AFTER });
  const citation = citationOf(sentence.passage);

  return numbers.map((n, i): Figure => {
    const componentGrades = gradeOf[i]?.grades ?? [];
    const grade = gradeLabel(componentGrades);
    const thing = perCounted(n, vocabulary) ?? countedOf[i]?.key;
    // A figure the sentence's own periods all passed over is compared with an earlier one ("16.9, down from 17.4 last year"): it is of the report's time.
    const passedOver = !namedByColumn && named.length > 0;
    const stated = periodOf[i] && !movedFromAnother(text, periodOf[i], n) ? periodOf[i].period : undefined;
    const period = stated ?? (passedOver ? context.current() : context.periodNear(sentence.index));
    return {
      id: `${sentence.passage.docId}#${sentence.start}+${n.start}`,
      value: n.value,
      unit: n.unit,
      raw: text.slice(n.start, n.end),
      rawStart: n.start,
      rawEnd: n.end,
      ...(n.per ? { per: n.per } : {}),
      ...(n.outOf !== undefined ? { outOf: n.outOf } : {}),
      ...(grade ? { grade } : {}),
      grades: componentGrades,
      ...(thing ? { counted: thing } : {}),
      ...(period ? { period } : {}),
      sentence: { text, start: sentence.start, end: sentence.end },
      citation,
    };
  });
}

/** A bare amount ending a cell ("640", "1.5"): read as a sum where its table states a money unit, though a count would not take a decimal. */
const BARE_AMOUNT = /(?<![\d.,£$€])[-–+]?\d+(?:,\d{3})*(?:\.\d+)?$/;

/**
 * A table cell's figure: the number that ends it, as a sum of money in the unit its column's name
 * or its table's caption states when it is a bare amount; a bare amount the sentence reading left
 * unread ("0.26" under "Custodial sentences per 1,000 children") is read by its label, never
 * replaced by a number within the label ("aged 10 to 17").
 */
function cellFigure(text: string, mentions: readonly NumberMention[], vocabulary: Vocabulary, tableScale: MoneyScale | undefined): NumberMention[] {
  const last = mentions.at(-1);
  const bare = BARE_AMOUNT.exec(text);
  if (!bare) return last ? [last] : [];
  const label = text.slice(0, bare.index);
  // A cell ending in a year or the end of a split year or range ("September 2026", "2025/26", "11-16")
  // holds no bare amount: its figure, if any, stands before (never the year, as a sum of money).
  if (isYear(bare[0]) || /\d[/–-]$/.test(label)) return last ? [last] : [];
  const scale = moneyScale(label, vocabulary) ?? unitBeforeFigure(label, vocabulary) ?? tableScale;
  const endsCell = last !== undefined && last.end === text.length;
  const plainCount = endsCell && last.unit === 'count' && last.outOf === undefined;
  if (endsCell && !plainCount) return [last];
  // The bare amount itself, its sign kept ("Change -5"): a sum in the stated unit, else a rate, measure
  // or count as its label says, whole or not.
  const value = Number(bare[0].replace(/[,+]/g, '').replace('–', '-'));
  if (scale) return [{ start: bare.index, end: text.length, value: value * scale.multiplier, unit: scale.unit, needsContext: false }];
  return [{ start: bare.index, end: text.length, value, ...unitByLabel(label, bare[0], vocabulary), needsContext: false }];
}

/** A bare number is a figure when a counted thing follows it closely, a grade follows it, or it is large and the sentence names what it counts. */
function hasCountContext(text: string, n: NumberMention, counted: PhraseHit[], grades: Span[]): boolean {
  if (counted.some((c) => c.start >= n.end && COUNT_NOUN_GAP.test(text.slice(n.end, c.start)))) return true;
  if (grades.some((g) => g.start >= n.end && COUNT_GRADE_GAP.test(text.slice(n.end, g.start)))) return true;
  if (n.value >= LARGE_COUNT && counted.length > 0) return true;
  return countsPluralNoun(text, n);
}

/**
 * "412 suspensions", "58 adoptive households": a number a plural noun closely follows counts it,
 * whether or not the vocabulary knows the noun (a team's reports count their own things); not a
 * span of time ("18 months") or a numbered label's verb ("Chapter 4 covers").
 */
function countsPluralNoun(text: string, n: NumberMention): boolean {
  const before = text.slice(0, n.start);
  if (PLURAL_MOVED_BEFORE.test(before) || PLURAL_LABEL_BEFORE.test(before)) return true;
  const noun = PLURAL_AFTER.exec(text.slice(n.end))?.[1];
  if (!noun || NOT_COUNTED.test(noun)) return false;
  return !LABEL_BEFORE.test(before);
}

const PLURAL_AFTER = /^\s+(?:[a-z][\w'-]*\s+)?([a-z]{2,}[^s\W]s|people|children|staff)\b/i;
/** "approvals rose to 26", "exclusions fell from 20 to 13", "... from 7,210 in 2024/25 to 6,840": a plural noun moving to or from the number. */
const PLURAL_MOVED_BEFORE = /\b[a-z]{2,}[^s\W]s\s+(?:rose|fell|increased|decreased|grew|dropped|doubled|halved)\s+(?:from\s+[\d,.]+\s+(?:in\s+[\w/-]+\s+)?)?(?:to|from|by)\s+$/i;
/** "Out-of-area placements: 41": a plural noun labelling the number. */
const PLURAL_LABEL_BEFORE = /\b[a-z]{2,}[^s\W]s:\s*$/i;
const NOT_COUNTED = /^(?:seconds|minutes|hours|days|weeks|months|years|decades|times|points|percent|pounds)$/i;
/** "Chapter 4", "Table 2", "Year 11": a capitalised word names a numbered thing, and a verb may follow it. */
const LABEL_BEFORE = /\b[A-Z][a-z]+\s+$/;

/** "£340 per child in need" counts per child. */
function perCounted(n: NumberMention, vocabulary: Vocabulary): string | undefined {
  if (!n.per) return undefined;
  return vocabulary.counted.find(n.per)[0]?.key;
}

/** Where a figure read from this passage is cited: title, source, page or heading, date. */
export function citationOf(passage: Passage): FigureCitation {
  const location = passage.page !== undefined ? `p. ${passage.page}` : (passage.heading ?? '');
  return {
    passageId: passage.id,
    docId: passage.docId,
    title: passage.title,
    source: passage.source,
    location,
    ...(passage.date ? { date: passage.date } : {}),
  };
}

/** How far above a table's first row its caption may stand (a header row between), and how long it may be. */
const CAPTION_REACH = 2;
const CAPTION_WORDS = 40;

/** The money unit a table's caption states, read once for each run of rows. */
class TableCaptions {
  private readonly byFirstRow = new Map<number, MoneyScale | undefined>();
  private readonly runStarts: number[] = [];

  constructor(
    private readonly sentences: readonly PassageSentence[],
    private readonly rowCells: RowCells,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * For the row at sentence i: the unit stated by a short sentence just above its run of rows that
   * is not its header (a Markdown header line, or one whose bracket names a column the row has).
   */
  scaleBefore(i: number): MoneyScale | undefined {
    const first = this.runStart(i);
    if (!this.byFirstRow.has(first)) {
      const row = this.sentences[i]!.text;
      const stated = this.sentences
        .slice(Math.max(0, first - CAPTION_REACH), first)
        .reverse()
        .filter((sentence) => sentence.cells === undefined && sentence.text.split(/\s+/).length <= CAPTION_WORDS)
        .map((sentence) => moneyScale(sentence.text, this.vocabulary))
        .find((scale) => scale !== undefined && !row.includes(scale.stated));
      this.byFirstRow.set(first, stated);
    }
    return this.byFirstRow.get(first);
  }

  /** The first row of the run of rows sentence i ends or continues: walked back once over each run, not once per row. */
  private runStart(i: number): number {
    let first = i;
    while (first > 0 && this.runStarts[first] === undefined && this.isRow(first - 1)) first -= 1;
    const start = this.runStarts[first] ?? first;
    for (let j = first; j <= i; j++) this.runStarts[j] = start;
    return start;
  }

  private isRow(i: number): boolean {
    const sentence = this.sentences[i]!;
    return (sentence.cells?.length ?? 0) > 0 || this.rowCells.at(i) !== undefined;
  }
}

/** Each sentence's cells when its text is a DOCX, HTML or PDF row, read once when first asked for. */
class RowCells {
  private readonly read = new Map<number, RowCell[] | undefined>();

  constructor(
    private readonly sentences: readonly PassageSentence[],
    private readonly vocabulary: Vocabulary,
  ) {}

  at(i: number): RowCell[] | undefined {
    if (!this.read.has(i)) this.read.set(i, tableRowCells(this.sentences[i]!.text, this.vocabulary.numberPatterns));
    return this.read.get(i);
  }
}

/** Where a sentence names no period: the nearest one named in the passage, else the title's, else the document's date. */
class PeriodContext {
  private readonly fallback: Period | undefined;
  /** The period the passage's heading names: read as the line before its first sentence. */
  private readonly heading: Period | undefined;
  /** What "today" and "last year" are read against. */
  private readonly now: Period | undefined;
  private readonly periods: (PeriodMention[] | undefined)[];

  constructor(
    passage: Passage,
    private readonly sentences: readonly PassageSentence[],
    private readonly vocabulary: Vocabulary,
    documentDate: KnownDate | undefined,
  ) {
    this.periods = new Array<PeriodMention[] | undefined>(sentences.length);
    const dated = documentDate && datePeriod(documentDate);
    const fromTitle = findPeriods(passage.title, vocabulary, dated).find((m) => m.period.years.length > 0)?.period;
    this.fallback = fromTitle ?? dated;
    // "Key findings for 2024/25": a section's heading sets the period of its lines, as a sentence before them would.
    this.heading = passage.heading ? findPeriods(passage.heading, vocabulary, this.fallback).find((m) => m.period.years.length > 0 && !m.relative)?.period : undefined;
    // "Today" is the day the report was published; undated, the period its title names.
    this.now = dated ?? fromTitle;
    this.quarterYear = yearOfAccount(this.fallback);
  }

  /**
   * The year of account the report's title names, which a table's bare "Q1" (a scorecard's column)
   * is a quarter of. Not prose's: "93% (81% in quarter 1)" names the quarter compared with, not the figure's.
   */
  private readonly quarterYear: number | undefined;

  /** The periods a part of a sentence (a table cell) names. */
  periodsIn(text: string): PeriodMention[] {
    return findPeriods(text, this.vocabulary, this.now, this.quarterYear);
  }

  /** The periods sentence i names, read once. */
  periodsOf(i: number): PeriodMention[] {
    let mentions = this.periods[i];
    if (!mentions) {
      mentions = findPeriods(this.sentences[i]!.text, this.vocabulary, this.now);
      this.periods[i] = mentions;
    }
    return mentions;
  }

  periodNear(sentenceIndex: number): Period | undefined {
    // Outwards from the sentence, the earlier side first at each distance: a passage usually sets its
    // period before giving figures. The first sentence naming a year is the nearest.
    let best: Period | undefined;
    for (let distance = 0; distance <= this.sentences.length && !best; distance++) {
      const before = sentenceIndex - distance;
      best = (before === -1 ? this.heading : this.resolvedAt(before)) ?? (distance > 0 ? this.resolvedAt(sentenceIndex + distance) : undefined);
    }
    return this.inferred(best ?? this.fallback);
  }

  /** The period of the report itself (its title's, else its date's): what a figure compared with an earlier one is of. */
  current(): Period | undefined {
    return this.inferred(this.fallback);
  }

  private inferred(period: Period | undefined): Period | undefined {
    return period ? { ...period, inferred: true } : undefined;
  }

  private resolvedAt(i: number): Period | undefined {
    if (i < 0 || i >= this.sentences.length) return undefined;
    // "Comparisons are with 31 August 2022": the period compared with is not the one the passage's figures are of.
    // "Last year" and "up from 3,902 in 2023/24" speak of their own sentence's figures; the others keep the report's period.
    const text = this.sentences[i]!.text;
    const others = (m: PeriodMention) => !m.relative && !isComparedPeriod(text, m) && !isMovedFromPeriod(text, m) && !namesAnAct(text, m);
    return this.periodsOf(i).find((m) => m.period.years.length > 0 && others(m))?.period;
  }
}

/** Whether a period a sentence names is the one compared with: "compared with 2022", "since 31 March 2024", "the 2020 level". */
function isComparedPeriod(text: string, mention: PeriodMention): boolean {
  return COMPARED_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start)) || LEVEL_AFTER.test(text.slice(mention.end, mention.end + 20));
}

/** Where "from 3,902 families in" starts before a period, naming the figure a change was measured from: that figure's period, not its neighbours'. */
function movedFromAt(text: string, mention: PeriodMention): number | undefined {
  const from = Math.max(0, mention.start - 40);
  const moved = MOVED_FROM_BEFORE.exec(text.slice(from, mention.start));
  return moved ? from + moved.index : undefined;
}

function isMovedFromPeriod(text: string, mention: PeriodMention): boolean {
  return movedFromAt(text, mention) !== undefined;
}

/** "Rose to 26, from 19 in 2022/23": the period is the 19's (a figure or not), not the 26's. */
function movedFromAnother(text: string, mention: PeriodMention, figure: { start: number }): boolean {
  const at = movedFromAt(text, mention);
  return at !== undefined && figure.start < at;
}

/** Whether a year is a law's name: "the Children Act 1989". */
function namesAnAct(text: string, mention: PeriodMention): boolean {
  return mention.period.kind === 'year' && /\bAct\s+$/.test(text.slice(Math.max(0, mention.start - 10), mention.start));
}

