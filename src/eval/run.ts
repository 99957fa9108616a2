/** Asks every eval question of an engine and scores the replies. Shared by `npm run eval` and the tuning scripts. */
import type { CitelineEngine } from '../engine/types.js';
import { hitRank, type QuestionResult } from './metrics.js';
import { goldSpans, type EvalQuestion } from './questions.js';

/** Citations asked for per question: recall@5 needs five. */
export const EVAL_CITATIONS = 5;

export type EvalEngine = Pick<CitelineEngine, 'ask' | 'findSources'>;

/** `asks: 'claims'`: each line is a claim, whose sources are found as Slack's Find sources finds them. */
export async function askEvalQuestions(engine: EvalEngine, questions: readonly EvalQuestion[], asks: 'questions' | 'claims' = 'questions'): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    const options = { maxCitations: EVAL_CITATIONS };
    const reply = asks === 'claims' ? await engine.findSources(question.question, options) : await engine.ask(question.question, options);
    results.push({
      id: question.id,
      kind: question.kind,
      question: question.question,
      answerable: goldSpans(question).length > 0,
      answered: reply.answered,
      confidence: reply.confidence,
      hitRank: hitRank(question, reply.citations),
      topExtract: reply.citations[0]?.extract ?? '',
    });
  }
  return results;
}
