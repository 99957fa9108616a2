/**
 * Numeric questions answered figure first: when the figures index has a confident match, its
 * sentence leads and is the first citation, and figures measuring the same thing elsewhere follow.
 */
import type { FigureMatch, FigureMatchGroup } from '../stats/types.js';
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
      score: Math.round(match.confidence * 1000) / 1000,
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
}

export function meetsConstraints(match: FigureMatch, constraints: FigureConstraints): boolean {
  const { figure } = match;
  const periodYears = new Set((figure.period?.years ?? []).map(String));
  const yearsOk = constraints.years.length === 0 || constraints.years.some((year) => periodYears.has(year.slice(0, 4)));
  const gradesOk = constraints.grades.length === 0 || constraints.grades.some((grade) => figure.grade === grade || figure.grades.includes(grade));
  return yearsOk && gradesOk;
}

/** How many of the reply's extracts are checked for the figure's sentence. */
const AGREEMENT_DEPTH = 2;

/**
 * The reply with the figure leading, or the reply unchanged when no group is confident. When the
 * extract search is confident in another answer, the figure leads only if its sentence is also
 * among the first extracts: two methods agreeing beat either alone.
 */
export function withFigureFirst(reply: Reply, groups: readonly FigureMatchGroup[], maxCitations: number, constraints: FigureConstraints): Reply {
  const group = groups.find((candidate) => candidate.matches[0]?.confident && meetsConstraints(candidate.matches[0], constraints));
  const best = group?.matches[0];
  if (!group || !best) return reply;
  const bestCitation = figureFact(best).citation;
  const agrees = reply.citations.slice(0, AGREEMENT_DEPTH).some((citation) => sameExtract(citation, bestCitation));
  if (reply.answered && !agrees) return reply;
  const facts = distinctFacts(group.matches.filter((match) => match.confident && meetsConstraints(match, constraints)).map(figureFact)).slice(0, MAX_FIGURES);
  const lead = facts[0] as FigureFact;
  const citations = [lead.citation, ...reply.citations.filter((citation) => !sameExtract(citation, lead.citation))].slice(0, maxCitations);
  return {
    ...reply,
    answered: true,
    answer: lead.citation.extract,
    confidence: Math.max(reply.answered ? reply.confidence : 0, Math.round(best.confidence * 1000) / 1000),
    citations,
    figures: facts,
  };
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

function sameExtract(a: Citation, b: Citation): boolean {
  return a.docId === b.docId && (a.extract.includes(b.extract) || b.extract.includes(a.extract));
}
