/** `npm run ingest -- [paths...] [--rebuild]`: index the reports (default: REPORTS_DIR), incrementally. */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { artifactsWorkerFor, buildIndex, type IngestProgress } from '../engine/build-index.js';
import { openDatabase } from '../engine/open-database.js';
import { createEmbedder } from '../embed/transformers-embedder.js';
import { loadSearchVocabulary } from '../search/vocabulary.js';
import { exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';
import { formatIngestSummary } from './ingest-summary.js';

const USAGE = 'Usage: npm run ingest -- [paths...] [--rebuild] [--json]';

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    { options: { rebuild: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, allowPositionals: true },
    USAGE,
  );
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
    rebuild: values.rebuild,
    artifactsWorker: artifactsWorkerFor(config.ingestThreads),
    onProgress: progress.update,
    log: logToStderr,
  });
  progress.stop();
  await database?.close();
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(formatIngestSummary(summary, database ? `the database at ${database.target}` : config.indexDir));
}

/** A progress bar on a terminal; nothing when output is piped (CI logs stay readable). */
function progressReporter(enabled: boolean) {
  if (!enabled) return { update: (_: IngestProgress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: 'Indexing {bar} {value}/{total} files | {passages} passages | {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let passages = 0;
  return {
    update(event: IngestProgress) {
      if (event.stage === 'scan') bar.start(event.files, 0, { passages, file: '' });
      if (event.stage === 'file') {
        passages += event.passages;
        bar.update(event.done, { passages, file: event.file.split('/').pop() ?? '' });
      }
    },
    stop: () => bar.stop(),
  };
}

main().catch(exitWithError);
