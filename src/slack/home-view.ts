/**
 * Citeline's App Home tab: what it knows (documents, passages, last ingest, model), how to ask, and example
 * questions drawn from the index's own titles; for admins, the index's health and a re-index button.
 * A home view holds at most 100 blocks; section text at most 3,000 characters.
 */
import type { types as SlackTypes } from '@slack/bolt';
import type { IndexAbout, IndexedSource, IngestSummary } from '../engine/types.js';
import type { Block } from './blocks.js';
import { SLACK_LIMITS } from './blocks.js';
import { describeCounts, type FeedbackWindow } from './feedback-summary.js';
import { toSafeMrkdwn, truncateEscaped, truncateText } from './text.js';

export const HOME_REINDEX_ACTION = 'citeline_home_reindex';

/** Slack's limit for a Home tab view. */
const HOME_MAX_BLOCKS = 100;
const EXAMPLES = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The last re-index asked for in Slack while this process runs. */
export type ReindexState =
  | { status: 'running'; since: string; by: string }
  | { status: 'done'; at: string; by: string; summary: IngestSummary }
  | { status: 'failed'; at: string; by: string };

export interface HomeFacts {
  about: IndexAbout;
  sources: readonly IndexedSource[];
  /** Trusted mrkdwn from prompts/home.md. */
  howToAsk: string;
  now: Date;
  /** Present for admins only. */
  admin?: { lastReindex?: ReindexState; feedbackWeek?: FeedbackWindow };
}

export function renderHome(facts: HomeFacts): SlackTypes.HomeView {
  const { about } = facts;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Citeline' } },
    section(
      `*What I know*\n${plural(about.documents, 'document')} and ${plural(about.passages, 'passage')}, last indexed ${when(about.builtAt, facts.now)}. ` +
        `Embedding model: \`${toSafeMrkdwn(truncateText(about.model, 200)).replace(/`/g, "'")}\`.`,
    ),
    section(facts.howToAsk),
  ];
  const examples = exampleQuestions(facts.sources);
  if (examples.length > 0) blocks.push(section(`*Try asking*\n${examples.map((example) => `• ${example}`).join('\n')}`));
  if (facts.admin) blocks.push(...adminBlocks(facts, facts.admin));
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

/** Questions about the documents with the most passages, by their own titles: what a newcomer can really ask. */
export function exampleQuestions(sources: readonly IndexedSource[]): string[] {
  return [...sources]
    .filter((source) => source.passages > 0 && source.title.trim())
    .sort((a, b) => b.passages - a.passages || a.title.localeCompare(b.title))
    .slice(0, EXAMPLES)
    .map((source) => `\`@Citeline what are the main findings of “${toSafeMrkdwn(truncateText(source.title.replace(/\s+/g, ' ').trim(), 90)).replace(/`/g, "'")}”?\``);
}

function adminBlocks(facts: HomeFacts, admin: NonNullable<HomeFacts['admin']>): Block[] {
  const lines: string[] = [];
  const age = ageInDays(facts.about.builtAt, facts.now);
  lines.push(age === undefined ? '• The index has not been saved yet.' : `• Built ${when(facts.about.builtAt, facts.now)}${age >= 30 ? ' — over a month ago: re-index if reports have changed.' : '.'}`);
  const empty = facts.sources.filter((source) => source.passages === 0);
  lines.push(
    empty.length === 0
      ? `• Every one of the ${plural(facts.sources.length, 'document')} has passages.`
      : `• ${plural(empty.length, 'document')} with no passages (nothing could be read): ${empty.slice(0, 5).map((source) => toSafeMrkdwn(truncateText(source.docId, 100))).join(', ')}${empty.length > 5 ? ', …' : ''}`,
  );
  if (admin.feedbackWeek) lines.push(`• Feedback, last ${admin.feedbackWeek.days} days: ${describeCounts(admin.feedbackWeek)} (\`/citeline feedback\` for more).`);
  lines.push(`• ${reindexLine(admin.lastReindex, facts.now)}`);
  const running = admin.lastReindex?.status === 'running';
  return [
    { type: 'divider' },
    section(`*Index health* (admins only)\n${lines.join('\n')}`),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HOME_REINDEX_ACTION,
          text: { type: 'plain_text', text: running ? 'Re-indexing…' : 'Re-index now' },
          value: 'reindex',
          ...(running ? {} : { style: 'primary' as const }),
          confirm: {
            title: { type: 'plain_text', text: 'Re-index the reports?' },
            text: { type: 'plain_text', text: 'Citeline re-reads the reports folder and swaps the new index in; it keeps answering meanwhile.' },
            confirm: { type: 'plain_text', text: 'Re-index' },
            deny: { type: 'plain_text', text: 'Cancel' },
          },
        },
      ],
    },
  ];
}

function reindexLine(state: ReindexState | undefined, now: Date): string {
  if (!state) return 'No re-index asked for in Slack since Citeline started.';
  if (state.status === 'running') return `Re-indexing since ${when(state.since, now)} (asked by <@${state.by}>)…`;
  if (state.status === 'failed') return `The re-index asked by <@${state.by}> ${when(state.at, now)} failed; the logs say why. The previous index is still in use.`;
  const { summary } = state;
  const skipped = summary.skipped.slice(0, 5).map((skip) => `${toSafeMrkdwn(truncateText(skip.path, 100))} (${toSafeMrkdwn(truncateText(skip.reason, 120))})`);
  return (
    `Last re-index ${when(state.at, now)} by <@${state.by}>: ${summary.added.length} added, ${summary.updated.length} updated, ${summary.removed.length} removed, ` +
    `${summary.skipped.length} skipped, in ${summary.seconds.toFixed(1)} s.${skipped.length > 0 ? ` Skipped: ${skipped.join('; ')}${summary.skipped.length > 5 ? '; …' : ''}` : ''}`
  );
}

function when(iso: string, now: Date): string {
  const age = ageInDays(iso, now);
  if (age === undefined) return 'never';
  const stamp = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return age < 1 ? `${stamp} (today)` : `${stamp} (${plural(Math.floor(age), 'day')} ago)`;
}

function ageInDays(iso: string, now: Date): number | undefined {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? Math.max(0, (now.getTime() - at) / DAY_MS) : undefined;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.sectionText) } };
}
