/** The figures index's data: figures found in passages, the periods they refer to, and queries over them. */

/** `rate`: so many per a round base ("8.1 per 10,000 children"); `measure`: a bare value a measure names ("the average caseload was 16.9"). */
export type FigureUnit = 'percent' | 'percentage-points' | 'count' | 'GBP' | 'USD' | 'EUR' | 'ratio' | 'rate' | 'measure';

export type PeriodKind = 'year' | 'financial-year' | 'quarter' | 'date' | 'date-range' | 'season' | 'relative';

/** When a figure applies, as stated in the text and normalised for sorting and matching. */
export interface Period {
  /** As written: "2007/08", "Q2 2025/26", "31 March 2024", "autumn 2017", "today". */
  text: string;
  kind: PeriodKind;
  /** Normalised label: "2007/08" for "2007-08", "2025/26 Q2" for "quarter 2 of 2025-26", "2024-03-31" for "31 March 2024"; the text as stated when it cannot be resolved. */
  label: string;
  /** Calendar years the period touches; empty when unresolved ("today" with no document date). */
  years: number[];
  /** Sorts periods chronologically ("2007-09" for 2007/08, "2024-03-31"); empty when unresolved. */
  sortKey: string;
  /** True when the sentence names no period and this one was taken from the passage, title or document date. */
  inferred: boolean;
}

/** A period named in a text, with where it is named. */
export interface PeriodMention {
  period: Period;
  start: number;
  end: number;
  /** Named by a relative word ("today", "last year"), read against the report's own period. */
  relative?: true;
}

/** Where the figure's sentence sits in its document: what a reader needs to find it. */
export interface FigureCitation {
  passageId: string;
  docId: string;
  title: string;
  source: string;
  /** "p. N", a heading, or "" when the document gives neither. */
  location: string;
  date?: string;
}

export interface LocatedSentence {
  /** Exactly as in the passage. */
  text: string;
  /** Character offsets within the document's blocks joined by a blank line (the Passage offset space). */
  start: number;
  end: number;
}

export interface Figure {
  /** Stable: docId, sentence start and the figure's offset in the sentence. */
  id: string;
  value: number;
  unit: FigureUnit;
  /** The figure as written: "28 per cent", "£173m", "10 of 43", "for every £1 ... £4". */
  raw: string;
  /** Offsets of `raw` within `sentence.text` (for a ratio, from its first amount to its last). */
  rawStart: number;
  rawEnd: number;
  /** What a money figure is per, as written ("year", "child in need"). */
  per?: string;
  /** For "10 of 43": the 43. */
  outOf?: number;
  /** Canonical grade label ("Inadequate", "Good or outstanding"), when one is named near the figure. */
  grade?: string;
  /** The grade's components, worst first: ["Good", "Outstanding"]. */
  grades: string[];
  /** Canonical name of what is counted ("local authorities", "children"). */
  counted?: string;
  period?: Period;
  sentence: LocatedSentence;
  citation: FigureCitation;
}

/** What `/citeline stats ...` asks for. Every given field narrows the lookup. */
export interface StatsQuery {
  text: string;
  /** Grade components asked for (one grade, or several for "good or outstanding"). */
  grades: string[];
  period?: Period;
  counted?: string;
  /** The key words of the query's words naming `counted` ("social workers" -> social, worker). */
  countedWords?: string[];
  /** Part of what is counted ("cla": children looked after), as its group's aliases' key words: a figure's sentence or title, or another figure's sentence of its passage, says every word of one. */
  narrower?: string[][];
  /** Kinds of figure asked for, any of them ("rate" asks for a share or a rate per 10,000). */
  units?: FigureUnit[];
  /** Only figures of these reports fit: those writing every name among `words` (a council, a place), when the query gives one. */
  documents?: ReadonlySet<string>;
  /** The names among the query's words, in lower case as typed ("kestrel", "valley"), with `documents`: they say which reports, not what is asked of them. */
  names?: string[];
  /** Remaining key words; each must appear in the figure's sentence or document title (or most of them, when no figure says all). */
  words: string[];
}

/**
 * What a lookup lists: figures saying every word of the query, or, none doing so, the closest (by
 * most of its words, then by a search). Within each, those of the passages a search ranks first
 * come first, the first few in the order a learned model of the figure signals gives (figure-order.ts).
 */
export interface StatsMatches {
  figures: Figure[];
  everyWord: boolean;
  /** With `everyWord`: how many of the last figures say only part of the query, the closest (as listed when none says every word), after the few that say it all. */
  partly: number;
}
