/**
 * Which line a claim's sources lead with. A claim ("avg caseload is down to 52, was 57") is best
 * backed by the sentence that says what it says, figures and all. A report often states a figure
 * twice, in a table and in a sentence, and the best window may be a table stating them under column
 * names or a sentence on the same subject stating other figures; so when a window close behind is
 * prose whose best sentence states every figure of the claim, that sentence leads.
 */
import { isPipeTable } from '../ingest/pipe-table.js';
import type { RankedWindow } from '../search/ranker.js';
import { tableRowCells, type Vocabulary } from '../stats/index.js';
import { ClaimFigures } from './claim-figures.js';

/** `ranked` (best first) with such a prose window moved first, among the best `reach`; else as it is. */
export function proseLeadForClaim(ranked: readonly RankedWindow[], claim: string, vocabulary: Vocabulary, reach: number): RankedWindow[] {
  const [lead] = ranked;
  const figures = new ClaimFigures(claim, vocabulary);
  const statesClaim = (item: RankedWindow) => figures.unstated([item.evidence.window.sentence]).length === 0;
  // A claim stating no figure is not judged by its figures; a prose lead stating every one stays.
  if (!lead || figures.claimed.length === 0) return [...ranked];
  if (!isTableLine(lead.evidence.window.sentence, vocabulary) && statesClaim(lead)) return [...ranked];
  // The lead is a table, or prose missing a figure: look behind it.
  const index = 1 + ranked.slice(1, reach).findIndex((item) => !isTableLine(item.evidence.window.sentence, vocabulary) && statesClaim(item));
  if (index === 0) return [...ranked];
  const prose = ranked[index] as RankedWindow;
  // Scores order citations and weigh their belief: the sentence takes the lead's, just above it.
  return [{ ...prose, score: lead.score + LEAD_MARGIN }, ...ranked.filter((_, i) => i !== index)];
}

const LEAD_MARGIN = 1e-3;

/** A Markdown table, or a row of a table as DOCX, HTML and PDF tables are read ("Label: Column 57, Column 52"). */
function isTableLine(sentence: string, vocabulary: Vocabulary): boolean {
  return isPipeTable(sentence) || tableRowCells(sentence, vocabulary.numberPatterns) !== undefined;
}
