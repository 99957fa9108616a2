/**
 * `citeline feedback [--json]`: what people said of Citeline's answers in Slack (INDEX_DIR/feedback.jsonl):
 * helpful and not helpful over the last 7 and 30 days, and the latest not-helpful questions with the answer
 * given. The same counts as `/citeline feedback` (src/slack/feedback-summary.ts).
 */
import { JsonLinesFeedbackStore } from '../slack/feedback-store.js';
import { describeCounts, summariseFeedback, type FeedbackSummary } from '../slack/feedback-summary.js';
import type { ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit } from './bootstrap.js';

export async function run({ values }: ParsedCommandLine): Promise<void> {
  const config = loadCoreConfigOrExit();
  const store = JsonLinesFeedbackStore.inIndexDir(config.indexDir);
  const summary = summariseFeedback(await store.readAll());
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary, store.path));
}

function formatSummary(summary: FeedbackSummary, path: string): string {
  const lines = [`Feedback on Citeline's answers, as of ${summary.asOf.slice(0, 16).replace('T', ' ')} UTC (${path})`];
  const rows = [...summary.windows.map((window) => [`last ${window.days} days`, describeCounts(window)]), ['all time', describeCounts(summary.allTime)]];
  const width = Math.max(...rows.map(([label]) => label!.length));
  for (const [label, counts] of rows) lines.push(`  ${label!.padEnd(width)}  ${counts!}`);
  lines.push('');
  if (summary.latestNotHelpful.length === 0) {
    lines.push('No answer has been marked not helpful.');
  } else {
    lines.push(`Latest ${summary.latestNotHelpful.length} marked not helpful, newest first:`);
    for (const entry of summary.latestNotHelpful) {
      lines.push(`  ${entry.time.slice(0, 16).replace('T', ' ')}  ${entry.user} in ${entry.channel}`);
      lines.push(`    Q: ${oneLine(entry.question)}`);
      lines.push(`    A: ${oneLine(entry.answer)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  // Control characters from a stored question must not move the terminal's cursor.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

