/**
 * Signals of agreement on what the question pins down: the year, grade, place, kind of figure, date
 * or person asked for. Each is 0 when the question asks for none, +1 when the window (or its
 * document's title) states one that fits, and -1 when it does not.
 */
import { passageContext } from '../../ingest/passage-context.js';
import { gradesIn } from '../query.js';
import { MONTH_NAME, PERCENTAGE, foldText, yearsIn } from '../text-analysis.js';
import type { QuestionEvidence, Signal, WindowEvidence } from './types.js';

export const yearAgreement: Signal = ({ query }, window) => {
  if (query.years.length === 0) return 0;
  const named = [...yearsIn(window.foldedText), ...yearsIn(window.foldedTitle)];
  return query.years.some((year) => named.includes(year)) ? 1 : -1;
};

export const gradeAgreement: Signal = ({ query, vocabulary }, window) => {
  if (query.grades.length === 0) return 0;
  const named = gradesIn(window.foldedText, vocabulary.grades);
  return query.grades.some((grade) => named.includes(grade)) ? 1 : -1;
};

export const placeAgreement: Signal = ({ query, vocabulary }, window) => {
  if (query.places.length === 0) return 0;
  const { text, hit } = window.window;
  // The heading too: a long report's section names the place its title does not.
  const named = [...vocabulary.places.find(text), ...vocabulary.places.find(passageContext(hit.passage))];
  return query.places.some((place) => named.includes(place)) ? 1 : -1;
};

const MONEY = /£\s?\d|\d\s?(?:bn|billion|million|m)\b/;
/** A number that is not a year: a count. */
const COUNT = /\b\d[\d,.]*\b(?!\s?%)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b/;

/** The window states a figure of the kind asked for: a share, a sum of money, or a count. */
export const figureAgreement: Signal = ({ query }, window) => {
  const { percent, count, money } = query.asksFor;
  if (!percent && !count && !money) return 0;
  const text = window.foldedText;
  const withoutYears = text.replace(/\b(?:19|20)\d\d(?:\/\d\d)?\b/g, '');
  const holds = (percent && PERCENTAGE.test(text)) || (money && MONEY.test(text)) || (count && COUNT.test(withoutYears));
  return holds ? 1 : -1;
};

const DATE = new RegExp(String.raw`\b(?:19|20)\d\d\b|\b${MONTH_NAME}\b`);

/** A "when" question is answered by a window that names a year or a month. */
export const dateAgreement: Signal = ({ query }, window) => {
  if (!query.asksForDate) return 0;
  return DATE.test(window.foldedText) ? 1 : -1;
};

/** A person's name: two capitalised words in a row, the first not opening the sentence. */
const PERSON = /(?<![.!?]\s|^)\b[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+\b/;

/** A "who" question is answered by a window that names someone. */
export const personAgreement: Signal = (question: QuestionEvidence, window: WindowEvidence) => {
  if (!question.asksForPerson) return 0;
  return PERSON.test(window.window.text) ? 1 : -1;
};

/** A "which council?" or "which region?" question is answered by a window naming one it does not. */
export const placeAnswer: Signal = ({ query, asksForPlace, vocabulary }, window) => {
  if (!asksForPlace) return 0;
  return vocabulary.places.find(window.window.text).some((place) => !query.places.includes(place)) ? 1 : -1;
};

/**
 * A question on one part of the service Ofsted judges apart ("good for help and protection?") is
 * answered by a window on that part: +1 when it names it, -1 when it names only other parts, 0 when
 * it names none (it may speak of the whole).
 */
export const areaAgreement: Signal = ({ query, vocabulary }, window) => {
  if (query.areas.length === 0) return 0;
  const named = vocabulary.areas.find(window.window.text);
  if (named.some((area) => query.areas.includes(area))) return 1;
  return named.length > 0 ? -1 : 0;
};

/**
 * For a question asking for a figure: how close the window's nearest number stands to a question
 * term, counted in terms (function words left out), 1 when adjacent, falling with the terms
 * between (0 with no number or no term); 0 for other questions.
 */
export const figureNearTerms: Signal = ({ query, termWeights }, window) => {
  const { percent, count, money } = query.asksFor;
  if (!percent && !count && !money) return 0;
  const numberAt: number[] = [];
  const termAt: number[] = [];
  window.terms.forEach((term, i) => {
    if (/^\d/.test(term) && !/^(?:19|20)\d\d(?:\/\d\d)?$/.test(term)) numberAt.push(i);
    else if (termWeights.has(term)) termAt.push(i);
  });
  let nearest = Infinity;
  for (const n of numberAt) for (const t of termAt) nearest = Math.min(nearest, Math.abs(n - t));
  return nearest === Infinity ? 0 : 1 / nearest;
};

/**
 * The same agreements read on the window's best sentence alone: the lead should be the line that
 * states the year, grade and kind of figure asked for, not a neighbour of it.
 */
function onSentence(signal: Signal): Signal {
  return (question, window) => {
    const sentence = window.window.sentence;
    return signal(question, { ...window, foldedText: foldText(sentence).toLowerCase(), window: { ...window.window, text: sentence } });
  };
}

export const sentenceYearAgreement: Signal = onSentence(yearAgreement);
export const sentenceGradeAgreement: Signal = onSentence(gradeAgreement);
export const sentenceFigureAgreement: Signal = onSentence(figureAgreement);
