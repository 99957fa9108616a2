/**
 * `/citeline stats` in Block Kit: one row per figure (figure · grade · period · what it is, then
 * its source and quote), the first rows at once and the rest behind a "More" button.
 * Rows come from src/stats/table.ts, so the terminal and Slack show the same data.
 */
import { partlyNote, type FigureTableRow } from '../stats/table.js';
import type { Block, SlackMessage } from './blocks.js';
import { SLACK_LIMITS } from './blocks.js';
import { linkOrText, toSafeMrkdwn, truncateEscaped, truncateText } from './text.js';

export const STATS_MORE_ACTION = 'citeline_stats_more';

/** Rows in the first message; a reader scans a handful, and asks for more. */
export const STATS_FIRST_ROWS = 8;

/** Each row takes two blocks; keep within Slack's 50 with room for the heading and the button. */
const MAX_ROWS_PER_MESSAGE = Math.floor((SLACK_LIMITS.blocks - 3) / 2);

export interface StatsRenderOptions {
  /** The query as typed, echoed in the heading and carried by the More button. */
  query: string;
  /** First row to show (0 for the first message, STATS_FIRST_ROWS for "More"). */
  offset?: number;
  limit?: number | undefined;
  /** No figure says every word of the query: the rows are the closest to it, closest first. */
  closest?: boolean;
  /** How many of the last rows say only part of the query: the closest, after the few saying every word. */
  partly?: number;
}

export function renderStatsTable(rows: readonly FigureTableRow[], options: StatsRenderOptions): SlackMessage {
  const offset = options.offset ?? 0;
  const limit = Math.min(options.limit ?? STATS_FIRST_ROWS, MAX_ROWS_PER_MESSAGE);
  const shown = rows.slice(offset, offset + limit);
  const query = truncateEscaped(toSafeMrkdwn(options.query).replace(/\n/g, ' '), 200) || 'all figures';
  const count = `*${rows.length} ${rows.length === 1 ? 'figure' : 'figures'}*`;
  const from = offset > 0 ? ` (from ${offset + 1})` : '';
  const heading = options.closest ? `No figure says every word of “${query}”: the ${count} closest to it${from}, closest first` : `${count} for “${query}”${from}, best match first${partlyNote(options.partly ?? 0)}`;
  const blocks: Block[] = [section(heading)];
  shown.forEach((row, index) => {
    blocks.push(section(rowLine(row, offset + index + 1)));
    blocks.push(context(`“${truncateEscaped(toSafeMrkdwn(row.quote).replace(/\n/g, ' '), 1500)}”\n${sourceLine(row)}`));
  });
  const rest = rows.length - (offset + shown.length);
  if (rest > 0) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: STATS_MORE_ACTION,
          text: { type: 'plain_text', text: `More (${rest})` },
          // The query, not the rows: the handler looks them up again (values are limited to 2,000 characters).
          value: JSON.stringify({ q: truncateText(options.query, 1500), o: offset + shown.length }),
        },
      ],
    });
  }
  const fallback = shown.map((row) => `${toSafeMrkdwn(row.figure)} ${toSafeMrkdwn(row.grade)} ${toSafeMrkdwn(row.period)}`).join('; ');
  return { text: truncateEscaped(`${rows.length} figures: ${fallback}`, SLACK_LIMITS.fallbackText), blocks };
}

export function decodeStatsMoreValue(raw: string | undefined): { query: string; offset: number } | undefined {
  try {
    const data = JSON.parse(raw ?? '') as { q?: unknown; o?: unknown };
    if (typeof data.q !== 'string' || typeof data.o !== 'number' || !Number.isInteger(data.o) || data.o < 0) return undefined;
    return { query: data.q, offset: data.o };
  } catch {
    return undefined;
  }
}

function rowLine(row: FigureTableRow, number: number): string {
  const cells = [`*${toSafeMrkdwn(row.figure)}*`, row.grade, row.period, row.what].filter(Boolean);
  return `${number}. ${cells.map((cell, i) => (i === 0 ? cell : toSafeMrkdwn(cell))).join(' · ')}`;
}

function sourceLine(row: FigureTableRow): string {
  const title = linkOrText(row.source, truncateText(row.title, 200));
  return row.location ? `${title} · ${toSafeMrkdwn(truncateText(row.location, 200))}` : title;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.contextText) }] };
}
