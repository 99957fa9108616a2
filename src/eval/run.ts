/** Asks every eval question of an engine and scores the replies. Shared by `npm run eval` and the tuning scripts. */
import type { CitelineEngine } from '../engine/types.js';
import { figureHitRank, hitRank, type QuestionResult } from './metrics.js';
import { goldSpans, type EvalQuestion } from './questions.js';
import type { EvalAsks } from './sets.js';

/** Citations asked for per question: recall@5 needs five. */
export const EVAL_CITATIONS = 5;

export type EvalEngine = Pick<CitelineEngine, 'ask' | 'findSources' | 'stats'>;

/**
 * `asks: 'claims'`: each line is a claim, whose sources are found as Slack's Find sources finds them;
 * `asks: 'stats'`: each line is a `/citeline stats` query, scored on the figures it lists.
 */
export async function askEvalQuestions(engine: EvalEngine, questions: readonly EvalQuestion[], asks: EvalAsks = 'questions'): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    if (asks === 'stats') {
      results.push(await lookUp(engine, question));
      continue;
    }
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

/**
 * A stats query "answers" when it lists any figure (an empty table is its way of declining), and
 * hits at the rank of the first figure listed whose sentence holds the gold span and states it.
 */
async function lookUp(engine: EvalEngine, question: EvalQuestion): Promise<QuestionResult> {
  const { figures } = await engine.stats(question.question);
  return {
    id: question.id,
    kind: question.kind,
    question: question.question,
    answerable: goldSpans(question).length > 0,
    answered: figures.length > 0,
    confidence: figures.length > 0 ? 1 : 0,
    hitRank: figureHitRank(question, figures),
    topExtract: figures[0]?.sentence.text ?? '',
  };
}
