/**
 * What each part of answering adds, on an eval set: the same index scored with parts switched off.
 *   npx tsx scripts/ablation.ts --reports ../shared/eval/reports --questions ../shared/eval/questions.dev.jsonl
 */
import { parseArgs } from 'node:util';
import { openEvalHarness, tuningWith } from './eval-harness.js';

const { values } = parseArgs({ options: { reports: { type: 'string' }, questions: { type: 'string' } } });
if (!values.reports || !values.questions) throw new Error('Usage: tsx scripts/ablation.ts --reports DIR --questions FILE');

const NO_RERANK = { 'rerank.coverage': 0, 'rerank.year': 0, 'rerank.grade': 0, 'rerank.figure': 0, 'rerank.recency': 0 };
const NO_MEANING = { semanticWeight: 0, softCredit: 0 };
const variants: [string, Record<string, number>][] = [
  ['BM25 only, sentences by shared terms', { 'fusion.lexicalWeight': 1, 'fusion.expansionWeight': 0, ...NO_RERANK, ...NO_MEANING }],
  ['vectors only, sentences by shared terms', { 'fusion.lexicalWeight': 0, ...NO_RERANK, ...NO_MEANING }],
  ['BM25 + vectors fused', { ...NO_RERANK, ...NO_MEANING }],
  ['+ re-ranking (year, grade, figure, recency)', { ...NO_MEANING }],
  ['+ meaning (sentence vectors, word-by-word paraphrase)', {}],
];

const harness = await openEvalHarness(values.reports, values.questions);
console.log('| variant | R@1 | R@3 | R@5 | MRR | unanswerable declined | answerable declined |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, overrides] of variants) {
  const s = await harness.score(tuningWith(overrides));
  const cells = [s.recall1, s.recall3, s.recall5, s.mrr, s.abstainAccuracy, s.falseAbstainRate].map((v) => v.toFixed(2));
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
await harness.close();
