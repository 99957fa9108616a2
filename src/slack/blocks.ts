/**
 * Block Kit for Citeline's messages: a reply (lead, quoted extracts with their sources, feedback buttons),
 * the sources list and help. Every piece of text from a question or a document goes through text.ts first.
 *
 * Slack limits respected here: section text <= 3,000 characters, context element text <= 2,000,
 * <= 50 blocks per message, button value <= 2,000 (action-values.ts).
 */
import type { types as SlackTypes } from '@slack/bolt';
import { citationTarget, distinctCitations, focusParts, leadIsFirstFocus } from '../answer/presentation.js';
import type { Citation, Reply } from '../answer/types.js';
import type { IndexedSource } from '../engine/types.js';
import type { Prompts } from '../prompts.js';
import { ACTION_IDS, encodeFeedbackValue, encodeMoreSourcesValue, encodeShareValue, type ReplyKind } from './action-values.js';
import { linkOrText, toSafeMrkdwn, truncateEscaped, truncateText } from './text.js';

export type Block = SlackTypes.KnownBlock;

export interface SlackMessage {
  /** The notification and screen-reader fallback. Also escaped: Slack parses it for mentions too. */
  text: string;
  blocks: Block[];
}

export const SLACK_LIMITS = {
  sectionText: 3000,
  contextText: 2000,
  blocks: 50,
  /** The notification text; Slack accepts far more, but a preview needs only the start. */
  fallbackText: 3000,
} as const;

/** Citations shown at most: three extracts are what a reader checks; more is a wall of quotes. */
export const MAX_CITATIONS_SHOWN = 3;

/** Further extracts the "More sources" button adds, for an answer that sits in a later passage. */
export const MORE_SOURCES_COUNT = 5;

export const BLOCK_IDS = {
  actions: 'citeline_actions',
  feedbackNote: 'citeline_feedback_note',
  sharedBy: 'citeline_shared_by',
} as const;

export interface ReplyRenderOptions {
  kind: ReplyKind;
  previousQuestion?: string;
  /** Adds "Share in channel" (for answers only the asker can see). */
  shareable?: boolean;
  /** Already-rendered mrkdwn such as "Shared by <@U123>", shown under the reply. */
  sharedByLine?: string;
  /** How many citations to show (default MAX_CITATIONS_SHOWN). */
  citationLimit?: number;
  /** Offer "More sources" (default: when any citation is shown). */
  moreSources?: boolean;
}

export function renderReply(reply: Reply, options: ReplyRenderOptions): SlackMessage {
  const citations = distinctCitations(reply.citations).slice(0, options.citationLimit ?? MAX_CITATIONS_SHOWN);
  const blocks: Block[] = [];

  if (options.kind === 'find') {
    blocks.push(context(`Sources for: “${truncateEscaped(toSafeMrkdwn(reply.question).replace(/\n/g, ' '), 300)}”`));
  }
  // When the lead is citation 1's best sentence, the quote (that sentence in bold, in its context) is the lead:
  // the same words are not shown twice.
  const leadInQuote = leadIsFirstFocus(reply, citations[0]);
  if (leadInQuote) blocks.push(...citationBlocks(citations[0]!, 0, reply.answered));
  else blocks.push(section(toSafeMrkdwn(reply.answer)));
  blocks.push(context(confidenceLabel(reply, citations.length)));
  citations.forEach((citation, index) => {
    if (!(leadInQuote && index === 0)) blocks.push(...citationBlocks(citation, index, reply.answered));
  });

  const offerMore = (options.moreSources ?? true) && citations.length > 0;
  blocks.push({
    type: 'actions',
    block_id: BLOCK_IDS.actions,
    elements: [
      button('Helpful', ACTION_IDS.helpful, feedbackValue(reply, options.kind)),
      button('Not helpful', ACTION_IDS.notHelpful, feedbackValue(reply, options.kind)),
      ...(offerMore
        ? [
            button(
              'More sources',
              ACTION_IDS.moreSources,
              encodeMoreSourcesValue({ kind: options.kind, question: reply.question, shownPassageIds: citations.map((citation) => citation.passageId) }),
            ),
          ]
        : []),
      ...(options.shareable
        ? [
            button(
              'Share in channel',
              ACTION_IDS.share,
              encodeShareValue({ kind: options.kind, question: reply.question, ...(options.previousQuestion ? { previousQuestion: options.previousQuestion } : {}) }),
              'primary',
            ),
          ]
        : []),
    ],
  });
  if (options.sharedByLine) blocks.push({ ...context(options.sharedByLine), block_id: BLOCK_IDS.sharedBy });

  return { text: fallbackText(reply, citations), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** A citation as a quote (its best sentence bold) and a context line: label, linked title, page or section. */
export function citationBlocks(citation: Citation, index: number, answered: boolean): Block[] {
  return [section(quote(citation)), context(`${citationLabel(answered, index)} ${sourceLine(citation)}`)];
}

/**
 * The message with further extracts added after the ones shown and the "More sources" button gone (it has
 * done its work), or with `note` there when there are none. The answer, the other buttons and any feedback
 * note stay as they were.
 */
export function withMoreSources(blocks: readonly Block[], extra: readonly Block[], note?: string): Block[] {
  const actionsAt = blocks.findIndex((block) => block.block_id === BLOCK_IDS.actions);
  const at = actionsAt === -1 ? blocks.length : actionsAt;
  const added = note ? [...extra, context(note)] : [...extra];
  const kept = blocks.map((block) =>
    block.block_id === BLOCK_IDS.actions && block.type === 'actions'
      ? { ...block, elements: block.elements.filter((element) => !('action_id' in element && element.action_id === ACTION_IDS.moreSources)) }
      : block,
  );
  // Within Slack's 50 blocks: extracts that would not fit are left out, never the buttons.
  const room = Math.max(0, SLACK_LIMITS.blocks - kept.length);
  return [...kept.slice(0, at), ...added.slice(0, room), ...kept.slice(at)];
}

/** `/citeline sources`: one line per indexed document, in as few sections as the 3,000-character limit allows. */
export function renderSources(sources: readonly IndexedSource[], prompts: Pick<Prompts, 'noSources'>): SlackMessage {
  if (sources.length === 0) return { text: prompts.noSources, blocks: [section(prompts.noSources)] };
  const total = sources.reduce((sum, source) => sum + source.passages, 0);
  const heading = `*${sources.length} ${sources.length === 1 ? 'document' : 'documents'} indexed* (${total} passages)`;
  const lines = sources.map(
    (source) => `• ${linkOrText(source.source, truncateText(source.title, 200))} · ${source.passages} ${source.passages === 1 ? 'passage' : 'passages'}`,
  );
  const blocks = [section(heading), ...packLines(lines, SLACK_LIMITS.sectionText).map(section)];
  if (blocks.length > SLACK_LIMITS.blocks) {
    const kept = blocks.slice(0, SLACK_LIMITS.blocks - 1);
    kept.push(context('The list is too long to show in full.'));
    return { text: heading, blocks: kept };
  }
  return { text: heading, blocks };
}

/** Help is our own trusted mrkdwn (prompts/help.md), so it is not escaped. */
export function renderHelp(prompts: Pick<Prompts, 'help'>): SlackMessage {
  const sections = packLines(prompts.help.split('\n'), SLACK_LIMITS.sectionText).map(section);
  return { text: 'Citeline help', blocks: sections.slice(0, SLACK_LIMITS.blocks) };
}

/** A one-line message built from a prompt (already trusted mrkdwn). */
export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

/**
 * The same message with a note under the buttons (e.g. "feedback recorded"). The answer and the buttons stay:
 * in a channel, others may want to give their own feedback.
 */
export function withFeedbackNote(blocks: readonly Block[], note: string): Block[] {
  const kept = blocks.filter((block) => block.block_id !== BLOCK_IDS.feedbackNote);
  const noteBlock: Block = { ...context(note), block_id: BLOCK_IDS.feedbackNote };
  const actionsAt = kept.findIndex((block) => block.block_id === BLOCK_IDS.actions);
  if (actionsAt === -1) kept.push(noteBlock);
  else kept.splice(actionsAt + 1, 0, noteBlock);
  return kept.slice(0, SLACK_LIMITS.blocks);
}

function quote(citation: Citation): string {
  const { before, focus, after } = focusParts(citation);
  const figures = citation.figures;
  const lineCount = citation.extract.split('\n').length;
  // Leave room for the "> " prefixes that quoting adds to each line, and for the bold markers.
  const budget = SLACK_LIMITS.sectionText - 2 * lineCount - 12;
  let body: string;
  if (!focus) {
    body = highlightFigures(truncateEscaped(toSafeMrkdwn(sanitisedLines(before).join('\n')), budget), figures);
  } else {
    // The best sentence in bold on one line; figures are highlighted only around it, as bold does not nest.
    const bold = truncateEscaped(toSafeMrkdwn(focus.replace(/\s+/g, ' ')).replace(/\*/g, '∗'), budget - 20);
    const room = Math.max(0, budget - bold.length - 2);
    const head = truncateEscapedStart(toSafeMrkdwn(sanitisedLines(before).join('\n')), Math.floor(room / 2));
    const tail = truncateEscaped(toSafeMrkdwn(sanitisedLines(after).join('\n')), room - head.length);
    // A sentence that opens or ends a line of the extract (a table's row, a list item) keeps its line.
    const opening = head !== '' && /\n\s*$/.test(before) ? '\n' : spaceBefore(head);
    const closing = tail !== '' && /^\s*\n/.test(after) ? '\n' : spaceAfter(tail);
    body = `${highlightFigures(head, figures)}${opening}*${bold}*${closing}${highlightFigures(tail, figures)}`;
  }
  const quoted = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `> ${line}`)
    .join('\n');
  return truncateEscaped(quoted, SLACK_LIMITS.sectionText);
}

/** Bold needs a space (or the line's edge) before the opening `*` and after the closing one. */
function spaceBefore(head: string): string {
  return head === '' || /\s$/.test(head) ? '' : ' ';
}

function spaceAfter(tail: string): string {
  return tail === '' || /^[\s.,;:!?)\]]/.test(tail) ? '' : ' ';
}

/** Keeps the end of already-escaped text within `max` characters, starting with an ellipsis, never inside an entity. */
function truncateEscapedStart(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '';
  let cut = text.length - (max - 1);
  const semicolon = text.indexOf(';', cut);
  const ampersand = text.lastIndexOf('&', cut);
  if (ampersand !== -1 && semicolon !== -1 && semicolon - ampersand <= 6 && ampersand < cut) cut = semicolon + 1;
  const code = text.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut += 1;
  return `…${text.slice(cut).trimStart()}`;
}

function sanitisedLines(extract: string): string[] {
  return extract
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Bold the figures the question asked about, so a reader finds "28%" in the quote at a glance. */
function highlightFigures(escapedText: string, figures: readonly string[]): string {
  let out = escapedText;
  for (const figure of new Set(figures)) {
    // Only plain figures (digits, %, £, ., commas): anything else could open mrkdwn of its own.
    if (!/^[0-9£$%.,/\- ]+$/.test(figure) || !/[0-9]/.test(figure)) continue;
    out = out.split(figure).join(`*${figure}*`);
  }
  return out;
}

/** The title, linked where the source is on the web (a PDF at its page); a local file by its name; then page or section. */
function sourceLine(citation: Citation): string {
  const target = citationTarget(citation);
  const title = target.url ? linkOrText(target.url, truncateText(citation.title, 200)) : toSafeMrkdwn(truncateText(citation.title, 200)).replace(/\n/g, ' ');
  const file = target.fileName ? ` · ${toSafeMrkdwn(truncateText(target.fileName, 200))}` : '';
  const where = citation.location || (target.page !== undefined ? `p. ${target.page}` : '');
  const location = where ? ` · ${toSafeMrkdwn(truncateText(where, 200)).replace(/\n/g, ' ')}` : '';
  return `${title}${file}${location}`;
}

function citationLabel(answered: boolean, index: number): string {
  return answered ? `*[${index + 1}]*` : `*Closest extract ${index + 1}:*`;
}

function confidenceLabel(reply: Reply, shown: number): string {
  if (!reply.answered) return shown > 0 ? '_Closest extracts: the reports may not answer this._' : '_No extracts found._';
  const level = reply.confidence >= 0.66 ? 'high' : reply.confidence >= 0.33 ? 'medium' : 'low';
  return `Confidence: ${level} (${reply.confidence.toFixed(2)}) · ${shown} ${shown === 1 ? 'source' : 'sources'}`;
}

function feedbackValue(reply: Reply, kind: ReplyKind): string {
  return encodeFeedbackValue({ kind, question: reply.question, answer: reply.answer, passageIds: distinctCitations(reply.citations).map((c) => c.passageId) });
}

function fallbackText(reply: Reply, citations: readonly Citation[]): string {
  const parts = [toSafeMrkdwn(reply.answer)];
  citations.forEach((citation, index) => {
    const label = reply.answered ? `[${index + 1}]` : `(closest ${index + 1})`;
    parts.push(`${label} ${toSafeMrkdwn(truncateText(citation.title, 200))}, ${toSafeMrkdwn(citation.location)}`);
  });
  return truncateEscaped(parts.join('\n'), SLACK_LIMITS.fallbackText);
}

/** Joins lines into chunks that each fit `max` characters; a single over-long line is cut. */
function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = line.length > max ? truncateEscaped(line, max) : line;
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): SlackTypes.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.contextText) }] };
}

function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): SlackTypes.Button {
  return { type: 'button', text: { type: 'plain_text', text: label }, action_id: actionId, value, ...(style ? { style } : {}) };
}
