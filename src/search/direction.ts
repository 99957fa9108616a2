/**
 * Which way a change went: "how many got a worse grade?" is not answered by "26 improved", nor
 * "which region had the lowest share?" by "London has the highest". A question that names one
 * direction and evidence that names only the other disagree, however many other words they share.
 */
import { foldText } from './text-analysis.js';

export type Direction = 'up' | 'down';

const UP = /\b(?:improv(?:e|es|ed|ing)|rise|rises|rising|rose|risen|increas(?:e|es|ed|ing)|higher|highest|better|best|grew|grow|grows|growing|gain(?:s|ed)?|upped|climb(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|progressed|(?:go|goes|going|gone|went|moved?|moving)\s+(?:up|forwards?))\b/;
const DOWN = /\b(?:wors(?:e|en|ened|ening)|worst|declin(?:e|es|ed|ing)|fall|falls|falling|fell|fallen|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|lower|lowest|deteriorat(?:e|es|ed|ing|ion)|slipp?(?:s|ed|ing)?|slid|downgrad(?:e|es|ed|ing)|regress(?:es|ed|ing|ion)?|(?:go|goes|going|gone|went|moved?|moving|slid|slipped)\s+(?:down|backwards?))\b/;
/** "Requires improvement" is a grade, not a change; so is "good or better", a grade and those above it. */
const GRADE_NAMES = /\brequir(?:es|ed|ing)\s+improvement(?:\s+to\s+be\s+good)?\b|\bor\s+(?:better|above|worse|below)\b/g;

export function directionsIn(text: string): Set<Direction> {
  const lower = foldText(text).toLowerCase().replace(GRADE_NAMES, ' ');
  const found = new Set<Direction>();
  if (UP.test(lower)) found.add('up');
  if (DOWN.test(lower)) found.add('down');
  return found;
}

/** The question asks about one direction and the evidence names only the other. */
export function contradictsDirection(question: ReadonlySet<Direction>, evidence: ReadonlySet<Direction>): boolean {
  if (question.size !== 1 || evidence.size !== 1) return false;
  return !question.has([...evidence][0]!);
}
