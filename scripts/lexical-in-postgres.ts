/**
 * How Postgres's built-in full text search would do as Citeline's lexical half, against the BM25
 * index Citeline keeps per generation (docs/deployment.md, "Lexical search"): for each answerable
 * question of an eval set, whether a passage holding the gold span is among the first k of each.
 *   npx tsx scripts/lexical-in-postgres.ts REPORTS_DIR QUESTIONS_FILE
 * Postgres side: a tsvector of title, heading and text ('english' configuration, weights A/B/C)
 * with a GIN index, the question's words OR-ed, ranked by ts_rank_cd. Runs on a throwaway PGlite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import pg from 'pg';
import { parseCoreConfig } from '../src/config.js';
import { buildIndex } from '../src/engine/build-index.js';
import { createEmbedder } from '../src/embed/transformers-embedder.js';
import { goldSpans, readEvalQuestions } from '../src/eval/questions.js';
import { LexicalIndex } from '../src/search/lexical-index.js';
import { analyseQuery } from '../src/search/query.js';
import { loadStatsVocabulary } from '../src/stats/index.js';
import { loadSearchVocabulary } from '../src/search/vocabulary.js';
import { PassageStore } from '../src/store/passage-store.js';
import { startLocalPostgres } from '../src/store/postgres/pglite-server.js';

const [reportsDir, questionsFile] = process.argv.slice(2);
if (!reportsDir || !questionsFile) throw new Error('Usage: npx tsx scripts/lexical-in-postgres.ts REPORTS_DIR QUESTIONS_FILE');
const config = parseCoreConfig({});
const work = await mkdtemp(join(tmpdir(), 'citeline-lexical-'));
const server = await startLocalPostgres();
const client = new pg.Client({ connectionString: server.url });
try {
  const [embedder, vocabulary] = await Promise.all([createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir }), loadSearchVocabulary(resolve('data'))]);
  await buildIndex({ paths: [resolve(reportsDir)], indexDir: work, embedder, vocabulary, statsVocabulary: loadStatsVocabulary(resolve('data'), vocabulary.grades), artifactsWorker: 'never' });
  const store = await PassageStore.load(work, { model: embedder.model, dimension: embedder.dimension });
  const passages = store.passages();
  const bm25 = LexicalIndex.build(passages, vocabulary.normaliser);
  await client.connect();
  await client.query(`CREATE TABLE p (id text PRIMARY KEY, tsv tsvector)`);
  for (const passage of passages) {
    await client.query(
      `INSERT INTO p VALUES ($1, setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $3), 'B') || setweight(to_tsvector('english', $4), 'C'))`,
      [passage.id, passage.title, passage.heading ?? '', passage.text],
    );
  }
  await client.query('CREATE INDEX ON p USING gin (tsv)');
  const questions = (await readEvalQuestions(resolve(questionsFile))).filter((question) => goldSpans(question).length > 0);
  const holdsGold = (id: string, spans: { doc: string; answer: string }[]) => {
    const passage = store.passage(id)!;
    return spans.some((span) => basename(passage.docId) === span.doc && passage.text.includes(span.answer));
  };
  const found = { bm25: [0, 0, 0], fts: [0, 0, 0] };
  const depths = [1, 10, 60];
  for (const question of questions) {
    const spans = goldSpans(question);
    const query = analyseQuery(question.question, vocabulary);
    const bm25Ids = bm25.search(query.terms.map((term) => ({ term, weight: 1 })), 60).map((hit) => hit.id);
    const { rows } = await client.query<{ id: string }>(
      `WITH q AS (SELECT to_tsquery('english', string_agg(quote_literal(lexeme), ' | ')) AS q FROM unnest(to_tsvector('english', $1)))
       SELECT id FROM p, q WHERE tsv @@ q.q ORDER BY ts_rank_cd(tsv, q.q) DESC LIMIT 60`,
      [question.question],
    );
    depths.forEach((depth, i) => {
      if (bm25Ids.slice(0, depth).some((id) => holdsGold(id, spans))) found.bm25[i]! += 1;
      if (rows.slice(0, depth).some((row) => holdsGold(row.id, spans))) found.fts[i]! += 1;
    });
  }
  const share = (n: number) => (n / questions.length).toFixed(3);
  console.log(`${questions.length} answerable questions, ${passages.length} passages: a passage holding the gold span among the first k lexical candidates`);
  for (const [name, counts] of Object.entries(found)) console.log(`${name.padEnd(5)} k=1 ${share(counts[0]!)}  k=10 ${share(counts[1]!)}  k=60 ${share(counts[2]!)}`);
} finally {
  await client.end().catch(() => {});
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
