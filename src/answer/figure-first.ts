/**
 * Numeric questions answered figure first: when the figures index has a confident match, its
 * sentence leads and is the first citation, and figures measuring the same thing elsewhere follow.
 */
import { CONFIDENT_AT } from '../stats/match.js';
import { round } from '../util/round.js';
import { contradictsDirection, directionsIn, type Direction } from '../search/direction.js';
import type { FigureMatch, FigureMatchGroup } from '../stats/types.js';
import { orBetterGrade } from './grades.js';
import type { Citation, FigureFact, Reply } from './types.js';

/** How many figures of the same measure are shown beside the best one. */
const MAX_FIGURES = 4;

export function figureFact(match: FigureMatch): FigureFact {
  const { figure } = match;
  return {
    value: figure.raw,
    ...(figure.grade ? { grade: figure.grade } : {}),
    ...(figure.period ? { period: figure.period.label } : {}),
    ...(figure.counted ? { counted: figure.counted } : {}),
    citation: {
      passageId: figure.citation.passageId,
      docId: figure.citation.docId,
      title: figure.citation.title,
      source: figure.citation.source,
      location: figure.citation.location || 'opening',
      extract: figure.sentence.text,
      score: round(match.confidence, 3),
      figures: [figure.raw],
    },
  };
}

/** What the question insists on: a figure for another year or grade does not answer it. */
export interface FigureConstraints {
  /** Years named in the question ("2015", "2007/08"): the figure's period must touch one. */
  years: readonly string[];
  /** Grades named in the question: the figure must be about one of them. */
  grades: readonly string[];
  /** "latest", "now": of figures measuring the same thing, the newest leads. */
  latest?: boolean;
  /** Whether the figure is about the places the question names (place-names.ts); any figure when unset. */
  aboutAskedPlaces?: (match: FigureMatch) => boolean;
  /**
   * Parts of the service the question names ("help and protection"): a figure's sentence must name
   * one, as a figure is for one part or the whole ("60% good or outstanding" is overall).
   */
  areas?: { asked: readonly string[]; named: (text: string) => string[] };
}

export function meetsConstraints(match: FigureMatch, constraints: FigureConstraints): boolean {
  const { figure } = match;
  const periodYears = new Set((figure.period?.years ?? []).map(String));
  const yearsOk = constraints.years.length === 0 || constraints.years.some((year) => periodYears.has(year.slice(0, 4)));
  const gradesOk = constraints.grades.length === 0 || constraints.grades.some((grade) => countsGrade(figure, grade));
  const areas = constraints.areas;
  const areasOk = !areas || areas.asked.length === 0 || areas.named(figure.sentence.text).some((area) => areas.asked.includes(area));
  return yearsOk && gradesOk && areasOk && (constraints.aboutAskedPlaces?.(match) ?? true);
}

/** Whether a figure counts the grade asked about: its own grade, or the one a combination reaching Outstanding counts for (grades.ts). */
function countsGrade(figure: FigureMatch['figure'], grade: string): boolean {
  if (figure.grade === grade) return true;
  return figure.grades.length === 1 ? figure.grades[0] === grade : orBetterGrade(figure.grades) === grade;
}

/** How many extracts are read to corroborate figures. */
export const FIGURE_EVIDENCE_DEPTH = 5;

/** Most a figure gains for standing in the first extract (half in the second, a third in the third...). */
const EVIDENCE_BONUS = 0.15;

/**
 * The figures index ranks figures by their own signals (grade, period, unit, words); the extract
 * search ranks sentences by the whole passage's evidence. A figure whose sentence the search also
 * quotes, and quotes early, is more likely the one asked for.
 */
export function rankFiguresByEvidence(matches: readonly FigureMatch[], citations: readonly Citation[], asked: FigureQuestion = NO_QUESTION): FigureMatch[] {
  const ranked = matches.map((found) => {
    // A figure for a change the other way is no answer to this one ("26 improved" for "how many got
    // worse"); nor is a count of a grade, which is no change at all, when the question asks about a
    // change and no grade ("six were judged outstanding" for "how many improved?"); nor is the figure
    // the question states itself ("LAs were 24% inadequate: what was the figure for children's homes?").
    const directions = directionsIn(found.figure.sentence.text);
    const gradeForChange = asked.directions.size > 0 && asked.grades.length === 0 && found.figure.grade !== undefined && directions.size === 0;
    const unasked = contradictsDirection(asked.directions, directions) || gradeForChange || asked.statedFigures.includes(found.figure.value);
    const match = unasked ? notAsked(found) : found;
    const position = citations.slice(0, FIGURE_EVIDENCE_DEPTH).findIndex((citation) => leadsWith(citation, figureFact(match).citation));
    if (position === -1) return { match, score: match.confidence };
    const score = match.confidence + EVIDENCE_BONUS / (position + 1);
    const confidence = Math.min(1, score);
    return { match: { ...match, confidence, confident: match.confident || confidence >= CONFIDENT_AT }, score };
  });
  // Sorted on the uncapped score: two figures the index rates 1.0 are told apart by the search's evidence.
  return ranked.sort((a, b) => b.score - a.score).map((entry) => entry.match);
}

/** What of the question ranks its figures beyond the index's own signals (AnalysedQuery's fields). */
export interface FigureQuestion {
  directions: ReadonlySet<Direction>;
  grades: readonly string[];
  statedFigures: readonly number[];
}

const NO_QUESTION: FigureQuestion = { directions: new Set(), grades: [], statedFigures: [] };

function notAsked(match: FigureMatch): FigureMatch {
  const confidence = round(match.confidence * NOT_ASKED_FACTOR, 3);
  return { ...match, confidence, confident: confidence >= CONFIDENT_AT };
}

/** A figure's confidence when its sentence names only the other direction of change, or it is one the question states. */
const NOT_ASKED_FACTOR = 0.7;

/** How many of the reply's extracts are checked for the figure's sentence. */
const AGREEMENT_DEPTH = 2;

/**
 * The reply with the figure leading, or the reply unchanged when no group is confident. When the
 * extract search is confident in another answer, the figure leads only if its sentence is also
 * among the first extracts: two methods agreeing beat either alone.
 */
export function withFigureFirst(reply: Reply, groups: readonly FigureMatchGroup[], maxCitations: number, constraints: FigureConstraints): Reply {
  // Groups come best first; within one, figures are chronological, so any of them may be the one that fits.
  const usable = groups
    .map((group) => group.matches.filter((match) => match.confident && meetsConstraints(match, constraints)))
    .find((matches) => matches.length > 0);
  if (!usable) return reply;
  // The group lists its figures chronologically, for laying them side by side; the lead is the best
  // match (the newest when the question asks for the latest), and the others keep their order.
  // Among figures of the same (latest) period, the best match leads.
  const byConfidence = (a: FigureMatch, b: FigureMatch) => b.confidence - a.confidence;
  const lead = constraints.latest
    ? [...usable].sort((a, b) => periodKey(b).localeCompare(periodKey(a)) || byConfidence(a, b))[0]
    : [...usable].sort(byConfidence)[0];
  const ordered = lead ? [lead, ...usable.filter((match) => match !== lead)] : usable;
  const facts = distinctFacts(ordered.map(figureFact)).slice(0, MAX_FIGURES);
  const leadFact = facts[0];
  if (!leadFact || !lead) return reply;
  const agrees = reply.citations.slice(0, AGREEMENT_DEPTH).some((citation) => leadsWith(citation, leadFact.citation));
  if (reply.answered && !agrees) return reply;
  const citations = [leadFact.citation, ...reply.citations.filter((citation) => !sameExtract(citation, leadFact.citation))].slice(0, maxCitations);
  return {
    ...reply,
    answered: true,
    answer: leadFact.citation.extract,
    confidence: Math.max(reply.answered ? reply.confidence : 0, Math.round(lead.confidence * 1000) / 1000),
    citations,
    figures: facts,
  };
}

function periodKey(match: FigureMatch): string {
  return match.figure.period?.sortKey ?? '';
}

/** A document that states the same figure for the same period twice shows it once. */
function distinctFacts(facts: readonly FigureFact[]): FigureFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.citation.docId}\n${fact.value}\n${fact.period ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether an extract's lead sentence is the figure's: the figure's sentence starts before the
 * extract's first sentence ends. A short sentence is quoted with the next (compose.ts), and a figure
 * in that next sentence is not what the search chose ("By contrast, 10 received a worse rating than
 * before." quoted with "In total, eight councils were rated good, ...").
 */
function leadsWith(extract: Citation, figure: Citation): boolean {
  if (extract.docId !== figure.docId) return false;
  const at = extract.extract.indexOf(figure.extract);
  if (at === -1) return figure.extract.includes(extract.extract);
  return !/[.!?…]["'”’)]*\s/.test(extract.extract.slice(0, at));
}

function sameExtract(a: Citation, b: Citation): boolean {
  return a.docId === b.docId && (a.extract.includes(b.extract) || b.extract.includes(a.extract));
}
