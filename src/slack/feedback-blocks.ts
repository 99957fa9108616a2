/** `/citeline feedback` in Block Kit: the counts, then the latest not-helpful questions with the answer given. */
import { SLACK_LIMITS, type Block, type SlackMessage } from './blocks.js';
import { describeCounts, type FeedbackSummary } from './feedback-summary.js';
import { isSlackUserId, toSafeMrkdwn, truncateEscaped, truncateText } from './text.js';

export function renderFeedbackSummary(summary: FeedbackSummary): SlackMessage {
  const counts = summary.windows.map((window) => `• Last ${window.days} days: ${describeCounts(window)}`);
  counts.push(`• All time: ${describeCounts(summary.allTime)}`);
  const blocks: Block[] = [section(`*Feedback on Citeline's answers*\n${counts.join('\n')}`)];
  if (summary.latestNotHelpful.length === 0) {
    blocks.push(context('No answer has been marked not helpful.'));
  } else {
    blocks.push(section(`*Latest ${summary.latestNotHelpful.length} marked not helpful*, newest first`));
    for (const entry of summary.latestNotHelpful) {
      const who = isSlackUserId(entry.user) ? `<@${entry.user}>` : 'someone';
      const where = /^[CGD][A-Z0-9]{2,}$/.test(entry.channel) ? ` in <#${entry.channel}>` : '';
      blocks.push(section(`*Q:* ${oneLine(entry.question, 800)}\n*Answer given:* ${oneLine(entry.answer, 1500)}`));
      blocks.push(context(`${who}${where} · ${toSafeMrkdwn(entry.time.slice(0, 16).replace('T', ' '))} UTC`));
    }
  }
  const window = summary.windows[0];
  const text = window ? `Feedback, last ${window.days} days: ${describeCounts(window)}` : 'Feedback';
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

function oneLine(text: string, max: number): string {
  return toSafeMrkdwn(truncateText(text, max)).replace(/\s+/g, ' ');
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateEscaped(text, SLACK_LIMITS.contextText) }] };
}
