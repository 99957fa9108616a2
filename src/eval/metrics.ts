/** Retrieval and declining metrics over eval questions. A hit: a cited extract from the gold document containing the gold span. */
import { documentName } from './gold-documents.js';
import { foldPunctuation } from '../util/fold-punctuation.js';
import type { Citation } from '../answer/types.js';
import type { Figure } from '../stats/index.js';
import { goldSpans, type EvalQuestion } from './questions.js';
import { round } from '../util/round.js';

export interface QuestionResult {
  id: string;
  kind: string;
  question: string;
  answerable: boolean;
  answered: boolean;
  confidence: number;
  /** 1-based rank of the first hit among the citations, or null. */
  hitRank: number | null;
  topExtract?: string;
}

/**
 * A gold document is matched by its name without the extension, so that a report converted to PDF
 * or DOCX still counts; quotes and dashes are folded alike in the span and the extract.
 */
export function hitRank(question: EvalQuestion, citations: readonly Pick<Citation, 'docId' | 'extract'>[]): number | null {
  const spans = goldSpans(question);
  const index = citations.findIndex((citation) => spans.some((span) => documentName(citation.docId) === documentName(span.doc) && holdsSpan(citation.extract, span.answer)));
  return index === -1 ? null : index + 1;
}

/** A stats lookup's hit: the 1-based rank of the first figure from the gold document whose sentence holds the gold span, the figure inside it. */
export function figureHitRank(question: EvalQuestion, figures: readonly Pick<Figure, 'citation' | 'sentence' | 'raw'>[]): number | null {
  const spans = goldSpans(question);
  const index = figures.findIndex((figure) =>
    spans.some((span) => documentName(figure.citation.docId) === documentName(span.doc) && holdsSpan(figure.sentence.text, span.answer) && asShown(span.answer).includes(asShown(figure.raw))),
  );
  return index === -1 ? null : index + 1;
}

/**
 * Whether an extract holds a gold span as a reader would see it: quotes and dashes folded alike,
 * and any run of spaces or line breaks read as one space (a PDF's line may end inside the span).
 */
export function holdsSpan(extract: string, answer: string): boolean {
  const folded = asShown(extract);
  return folded.includes(asShown(answer)) || holdsTableCells(folded, asShown(answer));
}

/** A text as a reader sees it: quotes and dashes folded alike, any run of spaces one space. */
function asShown(text: string): string {
  return foldPunctuation(text).replace(/\s+/g, ' ');
}

/**
 * A span copied from a Markdown table row ("Coast | 25 | 950") is held by an extract showing that
 * row as another format reads it ("Coast: 25, 950", or with its column names): its cells in order,
 * each close after the one before.
 */
function holdsTableCells(extract: string, answer: string): boolean {
  if (!answer.includes('|')) return false;
  const cells = answer.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (cells.length < 2) return false;
  const [first, ...rest] = cells as [string, ...string[]];
  for (let start = cellAt(extract, first, 0); start !== -1; start = cellAt(extract, first, start + 1)) {
    let end = start + first.length;
    const found = rest.every((cell) => {
      const next = cellAt(extract, cell, end);
      if (next === -1 || next - end > CELL_GAP) return false;
      end = next + cell.length;
      return true;
    });
    if (found) return true;
  }
  return false;
}

/** How far apart two cells of a row may stand: a column name and punctuation between them. */
const CELL_GAP = 80;

/** Where `cell` first stands whole (not inside a longer word or number) at or after `from`, or -1. */
function cellAt(text: string, cell: string, from: number): number {
  const word = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(cell, from); at !== -1; at = text.indexOf(cell, at + 1)) {
    if (!word.test(text[at - 1] ?? '') && !word.test(text[at + cell.length] ?? '')) return at;
  }
  return -1;
}

export interface KindSummary {
  kind: string;
  n: number;
  recall1: number;
  recall3: number;
  recall5: number;
  mrr: number;
  declined: number;
}

export interface EvalSummary {
  n: number;
  answerable: number;
  recall1: number;
  recall3: number;
  recall5: number;
  mrr: number;
  /** Share of unanswerable questions that were declined. */
  abstainAccuracy: number;
  /** Share of answerable questions that were wrongly declined. */
  falseAbstainRate: number;
  byKind: KindSummary[];
  perQuestion: QuestionResult[];
}

export function summarise(results: readonly QuestionResult[]): EvalSummary {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const kinds = [...new Set(results.map((r) => r.kind))];
  return {
    n: results.length,
    answerable: answerable.length,
    ...retrieval(answerable),
    abstainAccuracy: share(unanswerable, (r) => !r.answered),
    falseAbstainRate: share(answerable, (r) => !r.answered),
    byKind: kinds.map((kind) => {
      const ofKind = results.filter((r) => r.kind === kind);
      return { kind, n: ofKind.length, ...retrieval(ofKind.filter((r) => r.answerable)), declined: ofKind.filter((r) => !r.answered).length };
    }),
    perQuestion: [...results],
  };
}

/** A declined reply counts as no hit: its extracts are shown as the closest, not as the answer. */
function retrieval(results: readonly QuestionResult[]) {
  const at = (k: number) => share(results, (r) => r.answered && r.hitRank !== null && r.hitRank <= k);
  const mrr = results.length === 0 ? 0 : results.reduce((sum, r) => sum + (r.answered && r.hitRank ? 1 / r.hitRank : 0), 0) / results.length;
  return { recall1: at(1), recall3: at(3), recall5: at(5), mrr: round(mrr, 3) };
}

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.length === 0 ? 0 : round(items.filter(predicate).length / items.length, 3);
}


export function formatSummary(summary: EvalSummary): string {
  const pct = (value: number) => value.toFixed(2);
  const answerable = summary.perQuestion.filter((r) => r.answerable);
  const unanswerable = summary.perQuestion.filter((r) => !r.answerable);
  // Counts beside the share, at three places: 2 of 39 is 0.051, which two places would show as the 0.05 target.
  const counted = (group: readonly QuestionResult[], predicate: (r: QuestionResult) => boolean) => {
    const hits = group.filter(predicate).length;
    return `${group.length === 0 ? '0.000' : (hits / group.length).toFixed(3)} (${hits} of ${group.length})`;
  };
  const lines = [
    `questions ${summary.n} (answerable ${summary.answerable})`,
    `recall@1 ${pct(summary.recall1)}  recall@3 ${pct(summary.recall3)}  recall@5 ${pct(summary.recall5)}  MRR ${pct(summary.mrr)}`,
    `declined: unanswerable ${counted(unanswerable, (r) => !r.answered)} (want all), answerable wrongly ${counted(answerable, (r) => !r.answered)} (want <= 0.05)`,
  ];
  lines.push('', 'kind          n   R@1   R@3   R@5   MRR  declined');
  for (const kind of summary.byKind) {
    lines.push(
      `${kind.kind.padEnd(12)} ${String(kind.n).padStart(2)}  ${pct(kind.recall1)}  ${pct(kind.recall3)}  ${pct(kind.recall5)}  ${pct(kind.mrr)}  ${kind.declined}`,
    );
  }
  const misses = summary.perQuestion.filter((r) => (r.answerable && (r.hitRank === null || r.hitRank > 1 || !r.answered)) || (!r.answerable && r.answered));
  if (misses.length > 0) {
    lines.push('', 'not first or wrongly (de)clined:');
    for (const r of misses) {
      lines.push(`  ${r.id} [${r.kind}] rank ${r.hitRank ?? '-'} ${r.answered ? 'answered' : 'declined'} (${r.confidence.toFixed(2)}): ${r.question}`);
    }
  }
  return lines.join('\n');
}
