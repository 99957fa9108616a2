/**
 * "How many children's homes ...?" is not answered by "56% of LAs were judged good". When the
 * question says what it counts, compose scores down extracts whose figures all count something else
 * (countsOtherThings, through ComposeContext), and a reply whose leading extract still does is
 * declined, showing the extract as the closest, its confidence cut as evidence for another year or
 * grade is (compose.ts).
 */
import type { Passage } from '../ingest/types.js';
import { defaultVocabulary, extractFigures, parseQuestion } from '../stats/index.js';
import { round } from '../util/round.js';
import { UNMET_CONSTRAINT_FACTOR } from './compose.js';
import type { SearchVocabulary } from '../search/vocabulary.js';
import type { Reply } from './types.js';

/**
 * What follows "how many", "number of", "% of" or "share of" is what is counted (up to four words);
 * other nouns of the question are its subject ("how big a jump in workload do councils see" counts
 * no councils), and so is what a figure the question states counts ("where 24% of LAs were
 * inadequate, what was the rate for children's homes?" asks about no LAs).
 */
const COUNTED_CUE = /(?:\bhow many|\bnumber of|(?<![\d.]\s?)%\s*of|(?<![\d.]\s?)\bper ?cent of|\bpercentage of|\bshare of|\bproportion of)\s+(?:the\s+)?((?:[\w'’-]+\s*){1,4})/;

/** What a question counts ("how many children's homes ..." -> children's homes), in the figures index's words; empty when it says not. */
export function countedAsked(question: string): string[] {
  const after = COUNTED_CUE.exec(question.toLowerCase())?.[1];
  return after === undefined ? [] : parseQuestion(after).counted;
}

/**
 * Whether an extract's figures all count something other than what is asked. A figure with a grade
 * and no noun of its own ("the seven judged inadequate", "28% Inadequate") counts what Ofsted grades
 * (the vocabulary's `graded` things: councils, homes, agencies), and so no social workers or referrals.
 */
export function countsOtherThings(extract: string, passage: Passage, asked: readonly string[]): boolean {
  if (asked.length === 0) return false;
  const { gradedCounted } = defaultVocabulary();
  const figures = extractFigures([{ ...passage, text: extract }]);
  return (
    figures.length > 0 &&
    figures.every((figure) =>
      figure.counted !== undefined
        ? !asked.includes(figure.counted)
        : figure.grade !== undefined && !asked.some((thing) => gradedCounted.has(thing)),
    )
  );
}

/** The figures vocabulary's counted things a text names, however written ("LAs", "councils": local authorities). */
function countedThingsIn(text: string): string[] {
  return [...new Set(defaultVocabulary().counted.find(text).map((hit) => hit.key))];
}

/**
 * The kinds of provider Ofsted grades that a text names (the vocabulary's `graded` counted things:
 * local authorities, children's homes, fostering agencies).
 */
export function providersNamed(text: string): string[] {
  const { gradedCounted } = defaultVocabulary();
  return countedThingsIn(text).filter((key) => gradedCounted.has(key));
}

/**
 * Whether a sentence is about other providers than the question: it names some, and none the question
 * names ("when were the LA inspection figures published?" against "... for all children's homes,
 * published by 31 October 2017").
 */
export function aboutOtherProviders(sentence: string, asked: readonly string[]): boolean {
  if (asked.length === 0) return false;
  const named = providersNamed(sentence);
  return named.length > 0 && !named.some((provider) => asked.includes(provider));
}

/** "How many" or "number of", then the words of what is counted, up to the first function word ("SEND tribunal appeals" did ...). */
const COUNT_CUE = /\b(?:how many|number of)\s+(?:the\s+)?((?:[\w'’-]+\s*){1,3})/;

/** Past tenses, regular and the irregular ones that follow "how many" ("how many came out outstanding?"). */
const PAST_TENSE = /^(?:\w+ed|came|got|went|fell|rose|saw|left|took|made|kept|held|lost|won|gave|grew|became|stayed)$/;

/**
 * Words that count without saying what: "how many people were polled?" is answered by "a poll of
 * 236 chief executives", "how many times" by any tally. Alone, they name nothing to look for.
 */
const UNNAMED_COUNTS = new Set(['people', 'persons', 'individuals', 'ones', 'times']);

/** What a "how many" question counts, in its own words: their search terms, and the counted things of the figures vocabulary they name. */
export interface CountedInWords {
  terms: string[];
  /** "councils", "LAs": local authorities, however a report names them. */
  things: string[];
}

/**
 * What a "how many" question counts, or nothing when it names nothing to count ("how many
 * improved?"). Unlike `countedAsked`, this reads any noun, not only the figures index's counted
 * things: "how many SEND tribunal appeals" counts appeals, which no report counts. Only the counted
 * things stand for other words: the search vocabulary's looser equivalents would let "Ofsted" name
 * a count of inspectors.
 */
export function countedInWords(question: string, vocabulary: SearchVocabulary): CountedInWords {
  const words = COUNT_CUE.exec(question.toLowerCase())?.[1]?.trim().split(/\s+/) ?? [];
  const kept: string[] = [];
  for (const word of words) {
    // "Under-18s" and "16-year-olds" are read from their other words, if any.
    if (/\d/.test(word)) continue;
    // What is counted ends where the verb starts: a function word ("were"), a past tense ("improved", "came").
    if (vocabulary.normaliser.term(word) === null || PAST_TENSE.test(word)) break;
    kept.push(word);
  }
  const phrase = kept.join(' ');
  // "young people" names who is counted; "people" alone does not.
  if (kept.every((word) => UNNAMED_COUNTS.has(word))) return { terms: [], things: [] };
  return { terms: vocabulary.normaliser.terms(phrase), things: countedThingsIn(phrase) };
}

/** Whether a text names what is counted: one of its words, or one of its counted things however written. */
export function namesCounted(text: string, counted: CountedInWords, vocabulary: SearchVocabulary): boolean {
  if (counted.terms.length === 0) return true;
  const terms = new Set(vocabulary.normaliser.terms(text));
  if (counted.terms.some((term) => terms.has(term))) return true;
  return counted.things.length > 0 && countedThingsIn(text).some((thing) => counted.things.includes(thing));
}

/**
 * The reply, declined when its leading extract does not answer what the question counts: its figures
 * all count something else, or it never names what is counted ("how many SEND tribunal appeals?"
 * is not answered by "23% of local authorities ...").
 */
export function declinedIfCountingOtherThings(
  question: string,
  reply: Reply,
  passageOf: (id: string) => Passage | undefined,
  noAnswer: string,
  vocabulary: SearchVocabulary,
): Reply {
  const lead = reply.citations[0];
  if (!reply.answered || !lead) return reply;
  const passage = passageOf(lead.passageId);
  if (!passage) return reply;
  const asked = countedAsked(question);
  const countsOther = asked.length > 0 && countsOtherThings(lead.extract, passage, asked);
  // The passage around the extract may name it: "Of the 43 inspections, seven were inadequate" follows a paragraph on councils.
  if (!countsOther && namesCounted(`${passage.title}\n${passage.text}`, countedInWords(question, vocabulary), vocabulary)) return reply;
  const { figures: _notAnAnswer, ...declined } = reply;
  return { ...declined, answered: false, answer: noAnswer, confidence: round(reply.confidence * UNMET_CONSTRAINT_FACTOR, 3) };
}
