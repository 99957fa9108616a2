/**
 * Grid search over the fusion and answering weights on an eval set, to choose the defaults in
 * src/search/hybrid-searcher.ts, src/search/rerank.ts and src/answer/compose.ts.
 *   npx tsx scripts/tune-weights.ts --reports ../shared/eval/reports --questions ../shared/eval/questions.dev.jsonl
 * Coarse grids on purpose: a few dozen questions cannot justify fine-grained weights. The objective
 * counts declining as much as finding, and a leave-one-out pass names any question the best point
 * depends on.
 */
import { parseArgs } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, type QuestionResult } from '../src/eval/metrics.js';
import { openEvalHarness, tuningWith } from './eval-harness.js';

const { values } = parseArgs({ options: { reports: { type: 'string' }, questions: { type: 'string' }, top: { type: 'string', default: '10' } } });
if (!values.reports || !values.questions) throw new Error('Usage: tsx scripts/tune-weights.ts --reports DIR --questions FILE');

// Keys: "fusion.<field>", "rerank.<field>" or a compose setting. Edit to explore another region.
const grid: Record<string, number[]> = {
  softCredit: [0.5, 0.7, 0.85],
  softFull: [0.65, 0.75],
  semanticWeight: [0.1, 0.2],
};

/** Every combination of the grid's values. */
function* combinations(keys: string[], chosen: Record<string, number> = {}): Generator<Record<string, number>> {
  const [key, ...rest] = keys;
  if (key === undefined) return yield { ...chosen };
  for (const value of grid[key] ?? []) yield* combinations(rest, { ...chosen, [key]: value });
}

/**
 * Questions about the same domain that the eval reports do not answer (other nations, other
 * services, other topics), written for this check without looking at the answers. The dev file has
 * only three unanswerable questions, all near misses; these show what a weight costs in declining.
 * They are scored beside the objective, not in it: nobody has checked them against every report.
 */
const OFF_SUBJECT = [
  'what share of councils in Wales were rated inadequate in 2016?',
  'how much does Ofsted pay an inspector for each inspection?',
  'who chaired the LGA when A brave new world was published?',
  'what did Ofsted say about hovercraft safety?',
  'how many Scottish councils were inspected under the SIF?',
  'what did the NAO say about school meals funding?',
  'what was the average salary of a social worker in 2015?',
  'what did the PAC say about adoption breakdown rates?',
  'how many children were adopted from care in 2019?',
  'what did iMPOWER recommend about foster carer pay?',
  'what did the chief inspector think of grammar schools?',
  'how many inspectors does Ofsted employ?',
  'what did the ADCS say about Brexit?',
  'when did Ofsted stop inspecting nurseries?',
  'what did councillors think of the youth justice board?',
  'how did shaky neighbourhoods affect school exam results?',
  'what did the watchdog say about climate change?',
  'how many councils were rated outstanding in Northern Ireland?',
  'what did the government say about social worker vaccination?',
  "which football clubs sponsor children's services?",
];
const OFF_SUBJECT_KIND = 'off-subject';

const work = await mkdtemp(join(tmpdir(), 'citeline-tune-'));
const questionsFile = join(work, 'questions.jsonl');
const offSubject = OFF_SUBJECT.map((question, i) => JSON.stringify({ id: `off${i + 1}`, question, doc: null, answer: null, kind: OFF_SUBJECT_KIND }));
await writeFile(questionsFile, `${(await readFile(values.questions, 'utf8')).trimEnd()}\n${offSubject.join('\n')}\n`);
const harness = await openEvalHarness(values.reports, questionsFile);
interface Row {
  point: string;
  recall1: number;
  recall5: number;
  mrr: number;
  objective: number;
  perQuestion: Map<string, number>;
  offSubjectAnswered: number;
}
const rows: Row[] = [];
for (const point of combinations(Object.keys(grid))) {
  const s = await harness.score(tuningWith(point));
  const dev = s.perQuestion.filter((r) => r.kind !== OFF_SUBJECT_KIND);
  const perQuestion = questionScores(dev);
  const offSubjectAnswered = s.perQuestion.filter((r) => r.kind === OFF_SUBJECT_KIND && r.answered).length;
  const { recall1, recall5, mrr } = summarise(dev);
  rows.push({ point: JSON.stringify(point), recall1, recall5, mrr, objective: sum(perQuestion.values()), perQuestion, offSubjectAnswered });
}
rows.sort((a, b) => b.objective - a.objective);
for (const row of rows.slice(0, Number(values.top))) {
  const off = `off-subject answered ${row.offSubjectAnswered}/${OFF_SUBJECT.length}`;
  console.log(`objective ${row.objective.toFixed(3)} MRR ${row.mrr.toFixed(3)} R@1 ${row.recall1.toFixed(3)} R@5 ${row.recall5.toFixed(3)} ${off}  ${row.point}`);
}
// Leave one out: would the best point still be chosen without each question? A weight that only
// one question argues for is a rule for that question.
const best = rows[0];
if (best) {
  const dependsOn: string[] = [];
  for (const id of best.perQuestion.keys()) {
    const without = (row: Row) => row.objective - (row.perQuestion.get(id) ?? 0);
    const rival: Row = rows.reduce<Row>((top, row) => (without(row) > without(top) + 1e-9 ? row : top), best);
    if (rival !== best) dependsOn.push(`${id} (without it: ${rival.point})`);
  }
  console.log(dependsOn.length === 0 ? 'Leave one out: the best point is chosen without any single question.' : `Leave one out: the best point depends on ${dependsOn.join('; ')}`);
}
await harness.close();
await rm(work, { recursive: true, force: true });

/**
 * Each question's share of the objective: MRR + recall@5 - the share of answerable questions
 * wrongly declined - the share of unanswerable ones answered. Declining counts as much as finding.
 */
function questionScores(results: readonly QuestionResult[]): Map<string, number> {
  const answerable = results.filter((r) => r.answerable).length || 1;
  const unanswerable = results.filter((r) => !r.answerable).length || 1;
  return new Map(
    results.map((r) => {
      if (!r.answerable) return [r.id, r.answered ? -1 / unanswerable : 0];
      const found = r.hitRank === null ? 0 : 1 / r.hitRank + (r.hitRank <= 5 ? 1 : 0);
      return [r.id, (found - (r.answered ? 0 : 1)) / answerable];
    }),
  );
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
