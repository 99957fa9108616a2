/**
 * "How many children's homes ...?" is not answered by "56% of LAs were judged good": when the
 * question says what it counts and every figure of the leading extract counts something else, the
 * reply declines and shows the extract as the closest, its confidence cut as evidence for another
 * year or grade is (compose.ts).
 */
import type { Passage } from '../ingest/types.js';
import { extractFigures, parseQuestion } from '../stats/index.js';
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

export function declinedIfCountingOtherThings(question: string, reply: Reply, passageOf: (id: string) => Passage | undefined, noAnswer: string): Reply {
  const lead = reply.citations[0];
  const after = COUNTED_CUE.exec(question.toLowerCase())?.[1];
  const asked = after === undefined ? [] : parseQuestion(after).counted;
  if (!reply.answered || !lead || asked.length === 0) return reply;
  const passage = passageOf(lead.passageId);
  if (!passage) return reply;
  const counted = extractFigures([{ ...passage, text: lead.extract }]).map((figure) => figure.counted);
  if (counted.length === 0 || !counted.every((thing) => thing !== undefined && !asked.includes(thing))) return reply;
  const { figures: _notAnAnswer, ...declined } = reply;
  return { ...declined, answered: false, answer: noAnswer, confidence: round(reply.confidence * UNMET_CONSTRAINT_FACTOR, 3) };
}
