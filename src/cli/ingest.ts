/** `citeline ingest [paths...] [--rebuild] [--json]`: index the reports (default: REPORTS_DIR), incrementally. */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { artifactsWorkerFor, buildIndex, type IngestProgress } from '../engine/build-index.js';
import { openDatabase } from '../engine/open-database.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import { loadSearchVocabulary } from '../search/vocabulary.js';
import { loadStatsVocabulary } from '../stats/vocabulary.js';
import type { ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit, logToStderr } from './bootstrap.js';
import { formatIngestSummary } from './ingest-summary.js';
import { IngestProgressTally, megabytes } from './ingest-progress.js';

export async function run({ values, positionals }: ParsedCommandLine): Promise<void> {
  const config = loadCoreConfigOrExit();
  const paths = positionals.length > 0 ? positionals : [config.reportsDir];
  const [embedder, vocabulary] = await Promise.all([
    createEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir }),
    loadSearchVocabulary(join(process.cwd(), 'data')),
  ]);
  const progress = progressReporter(Boolean(process.stderr.isTTY) && !values.json);
  // STORE=postgres: a new generation in the database, which the replicas pick up without a restart.
  const database = config.postgres ? await openDatabase(config.postgres, logToStderr) : undefined;
  const summary = await buildIndex({
    ...(database ? { database } : {}),
    paths,
    indexDir: config.indexDir,
    embedder,
    vocabulary,
    statsVocabulary: loadStatsVocabulary(join(process.cwd(), 'data'), vocabulary.grades),
    rebuild: Boolean(values.rebuild),
    artifactsWorker: artifactsWorkerFor(config.ingestThreads),
    reading: { ocr: config.ocr },
    onProgress: progress.update,
    log: logToStderr,
  });
  progress.stop();
  await database?.close();
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(formatIngestSummary(summary, database ? `the database at ${database.target}` : config.indexDir));
}

/**
 * A progress bar on a terminal, by bytes read and embedded, with files and passages beside it;
 * nothing when output is piped.
 */
function progressReporter(enabled: boolean) {
  if (!enabled) return { update: (_: IngestProgress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'Indexing {bar} {percentage}% | read {readMb}, embedded {embeddedMb} of {totalMb} MB | {files}/{totalFiles} files | {passages} passages | {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const tally = new IngestProgressTally();
  const payload = () => {
    const { state } = tally;
    const { files, totalFiles, passages, file } = state;
    return { readMb: megabytes(state.read), embeddedMb: megabytes(state.embedded), totalMb: megabytes(state.totalBytes), files, totalFiles, passages, file };
  };
  return {
    update(event: IngestProgress) {
      if (!tally.update(event)) return;
      if (event.stage === 'scan') bar.start(Math.max(1, tally.state.totalBytes), 0, payload());
      else bar.update(tally.state.bytes, payload());
    },
    stop: () => bar.stop(),
  };
}
