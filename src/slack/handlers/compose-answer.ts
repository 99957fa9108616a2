/**
 * The part every surface shares: a raw question in, the message to post out. It checks the question, applies
 * the per-user rate limit, asks the engine, and turns an engine failure into the internal-error prompt
 * (logged, never thrown), so each handler only decides where the message goes.
 */
import type { Reply } from '../../answer/types.js';
import { fillPrompt } from '../../prompts.js';
import type { ReplyKind } from '../action-values.js';
import { renderNotice, renderReply, type SlackMessage } from '../blocks.js';
import { MAX_QUESTION_CHARS, readQuestion } from '../question.js';
import { QueueFullError } from '../answer-queue.js';
import { DatabaseUnavailableError } from '../../store/postgres/database.js';
import { socialMessage, type SocialMessage } from '../../engine/question.js';
import type { HandlerDeps } from './handler-deps.js';

export interface AnswerRequest {
  kind: ReplyKind;
  /** What the user typed, mentions and all. */
  rawText: string;
  userId: string;
  botUserId?: string;
  /** Thread memory key; omitted where there is no conversation (the Find sources shortcut). */
  threadKey?: string;
  /** For an answer only the asker sees: adds "Share in channel". */
  shareable?: boolean;
}

export type AnswerOutcome =
  | { status: 'answered'; message: SlackMessage; reply: Reply; question: string; previousQuestion?: string }
  /** Not asked: an empty or over-long question, or over the rate limit. The message says why. */
  | { status: 'refused'; message: SlackMessage }
  /** Not a question: a greeting or thanks, answered in kind without searching the reports. */
  | { status: 'social'; kind: SocialMessage; message: SlackMessage }
  | { status: 'failed'; message: SlackMessage };

export async function composeAnswer(deps: HandlerDeps, request: AnswerRequest): Promise<AnswerOutcome> {
  const { prompts } = deps;
  const reading = readQuestion(request.rawText, request.botUserId);
  if (!reading.ok) {
    const text = reading.problem === 'empty' ? prompts.emptyQuestion : fillPrompt(prompts.questionTooLong, { max: MAX_QUESTION_CHARS.toLocaleString('en-GB') });
    return { status: 'refused', message: renderNotice(text) };
  }
  // Before the rate limit: saying thanks costs the engine nothing and must not use up a question.
  const social = request.kind === 'find' ? undefined : socialMessage(reading.question);
  if (social) return { status: 'social', kind: social, message: renderNotice(prompts[social]) };
  if (!(await deps.rateLimiter.tryAcquire(request.userId))) {
    deps.logger.info(`Rate limit: refused a question from ${request.userId}.`);
    return { status: 'refused', message: renderNotice(fillPrompt(prompts.rateLimited, { limit: deps.rateLimiter.limit })) };
  }

  const { question } = reading;
  const previousQuestion = request.threadKey ? await deps.threads.previousFor(request.threadKey, question) : undefined;
  const options = previousQuestion ? { previousQuestion } : {};
  try {
    const reply = request.kind === 'find' ? await deps.engine.findSources(question, options) : await deps.engine.ask(question, options);
    if (request.threadKey) await deps.threads.remember(request.threadKey, question, previousQuestion);
    const message = renderReply(reply, {
      kind: request.kind,
      ...(previousQuestion ? { previousQuestion } : {}),
      ...(request.shareable ? { shareable: true } : {}),
    });
    return { status: 'answered', message, reply, question, ...(previousQuestion ? { previousQuestion } : {}) };
  } catch (error) {
    if (error instanceof QueueFullError) {
      deps.logger.warn(`Busy: turned away a question from ${request.userId} (${error.waiting} waiting).`);
      return { status: 'refused', message: renderNotice(prompts.busy) };
    }
    if (error instanceof DatabaseUnavailableError) {
      deps.logger.warn(`The database is unreachable: asked ${request.userId} to try again (${error.reason}).`);
      return { status: 'failed', message: renderNotice(prompts.databaseUnavailable) };
    }
    deps.logger.error(`The engine failed on a question from ${request.userId}:`, error);
    return { status: 'failed', message: renderNotice(prompts.internalError) };
  }
}
