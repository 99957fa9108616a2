/** Turning what someone typed at Citeline into a question, or saying why it is not one. */
import { sanitiseText } from './text.js';

/** Beyond this a "question" is a pasted document: we say so rather than quietly answering its first lines. */
export const MAX_QUESTION_CHARS = 2000;

export type QuestionReading = { ok: true; question: string } | { ok: false; problem: 'empty' | 'too-long' };

/**
 * Removes the mentions of the bot, control characters and surplus white space. A message that is only emoji,
 * punctuation or mentions is treated as empty: there is nothing to search for.
 */
export function readQuestion(raw: string, botUserId?: string): QuestionReading {
  let text = sanitiseText(raw ?? '');
  if (botUserId) text = text.split(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g')).join(' ');
  const question = text.replace(/\s+/g, ' ').trim();
  if (!hasSearchableWords(question)) return { ok: false, problem: 'empty' };
  if (question.length > MAX_QUESTION_CHARS) return { ok: false, problem: 'too-long' };
  return { ok: true, question };
}

function hasSearchableWords(text: string): boolean {
  const withoutMarkup = text
    .replace(/<[@#!][^>]*>/g, ' ') // other mentions and <!channel>
    .replace(/:[a-z0-9_+'-]+:/gi, ' '); // :emoji: codes
  return /[\p{L}\p{N}]/u.test(withoutMarkup);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
