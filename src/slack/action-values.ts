/**
 * What the buttons under a reply carry back to us. Slack returns a button's `value` verbatim in the
 * block_actions payload, so the feedback and share handlers need no server-side state (and survive restarts).
 * A value is at most 2,000 characters: long questions and leads are shortened to fit.
 */
import { truncateText } from './text.js';

export const ACTION_IDS = {
  helpful: 'citeline_feedback_helpful',
  notHelpful: 'citeline_feedback_not_helpful',
  share: 'citeline_share',
  moreSources: 'citeline_more_sources',
} as const;

export const SLACK_BUTTON_VALUE_MAX = 2000;

/** `ask`: a question was answered; `find`: the Find sources shortcut looked for a claim's sources. */
export type ReplyKind = 'ask' | 'find';

export interface FeedbackValue {
  kind: ReplyKind;
  question: string;
  answer: string;
  passageIds: string[];
}

export interface ShareValue {
  kind: ReplyKind;
  question: string;
  previousQuestion?: string;
}

/**
 * "More sources": the question again, and which passages are already shown (so the further ones are new).
 * The question is the reply's, which is the question as the engine read it, a follow-up merged with the
 * question before, so no earlier question is carried: it would be read into it twice.
 */
export interface MoreSourcesValue {
  kind: ReplyKind;
  question: string;
  shownPassageIds: string[];
}

export function encodeFeedbackValue(value: FeedbackValue): string {
  // Passage ids matter most (they say what was cited); the question and lead give up room first.
  const ids = value.passageIds.slice(0, 10);
  for (const budget of [900, 600, 300, 120, 40, 0]) {
    const encoded = JSON.stringify({ k: value.kind, q: truncateText(value.question, budget), a: truncateText(value.answer, budget), p: ids });
    if (encoded.length <= SLACK_BUTTON_VALUE_MAX) return encoded;
  }
  return JSON.stringify({ k: value.kind, q: '', a: '', p: [] });
}

export function decodeFeedbackValue(raw: string | undefined): FeedbackValue | undefined {
  const data = parseObject(raw);
  if (!data || !isKind(data.k) || typeof data.q !== 'string' || typeof data.a !== 'string' || !Array.isArray(data.p)) return undefined;
  return { kind: data.k, question: data.q, answer: data.a, passageIds: data.p.filter((id): id is string => typeof id === 'string') };
}

/**
 * The share button carries the question, not the reply: an ephemeral message's blocks are not sent back to us,
 * and the engine is deterministic over one index, so asking again reproduces the reply.
 */
export function encodeShareValue(value: ShareValue): string {
  for (const budget of [1800, 1200, 600, 300]) {
    const data: Record<string, string> = { k: value.kind, q: truncateText(value.question, budget) };
    if (value.previousQuestion) data.pq = truncateText(value.previousQuestion, Math.floor(budget / 3));
    const encoded = JSON.stringify(data);
    if (encoded.length <= SLACK_BUTTON_VALUE_MAX) return encoded;
  }
  return JSON.stringify({ k: value.kind, q: truncateText(value.question, 200) });
}

export function decodeShareValue(raw: string | undefined): ShareValue | undefined {
  const data = parseObject(raw);
  if (!data || !isKind(data.k) || typeof data.q !== 'string') return undefined;
  return { kind: data.k, question: data.q, ...(typeof data.pq === 'string' && data.pq ? { previousQuestion: data.pq } : {}) };
}

export function encodeMoreSourcesValue(value: MoreSourcesValue): string {
  // The shown passage ids matter most: without them the same extracts would come back as "more".
  const ids = value.shownPassageIds.slice(0, 10);
  for (const budget of [1500, 800, 400, 200, 80]) {
    const encoded = JSON.stringify({ k: value.kind, q: truncateText(value.question, budget), s: ids });
    if (encoded.length <= SLACK_BUTTON_VALUE_MAX) return encoded;
  }
  return JSON.stringify({ k: value.kind, q: truncateText(value.question, 80), s: [] });
}

export function decodeMoreSourcesValue(raw: string | undefined): MoreSourcesValue | undefined {
  const data = parseObject(raw);
  if (!data || !isKind(data.k) || typeof data.q !== 'string' || !data.q || !Array.isArray(data.s)) return undefined;
  return { kind: data.k, question: data.q, shownPassageIds: data.s.filter((id): id is string => typeof id === 'string') };
}

function isKind(value: unknown): value is ReplyKind {
  return value === 'ask' || value === 'find';
}

function parseObject(raw: string | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
