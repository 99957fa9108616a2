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

export function declinedIfCountingOtherThings(question: string, reply: Reply, passageOf: (id: string) => Passage | undefined, noAnswer: string): Reply {
  const lead = reply.citations[0];
  const asked = countedAsked(question);
  if (!reply.answered || !lead || asked.length === 0) return reply;
  const passage = passageOf(lead.passageId);
  if (!passage || !countsOtherThings(lead.extract, passage, asked)) return reply;
  const { figures: _notAnAnswer, ...declined } = reply;
  return { ...declined, answered: false, answer: noAnswer, confidence: round(reply.confidence * UNMET_CONSTRAINT_FACTOR, 3) };
}
