/** `npm run stats -- [grade] [year or period] [words] [--json] [--quotes]`: every matching figure, by period, with its source. */
import { openCitelineEngine } from '../engine/citeline.js';
import { renderFiguresTable, toTableRows } from '../stats/table.js';
import { exitWithError, loadCoreConfigOrExit, logToStderr, parseCommandLine } from './bootstrap.js';

const USAGE = 'Usage: npm run stats -- [grade] [year or period] [words] [--json] [--quotes]';

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(
    { options: { json: { type: 'boolean', default: false }, quotes: { type: 'boolean', default: false } }, allowPositionals: true },
    USAGE,
  );
  const query = positionals.join(' ').trim();
  const config = loadCoreConfigOrExit();
  const engine = await openCitelineEngine(config, { buildIfMissing: true, log: logToStderr });
  const { figures } = engine.stats(query);
  if (values.json) {
    console.log(JSON.stringify({ query, figures: toTableRows(figures) }, null, 2));
    return;
  }
  if (figures.length === 0) {
    console.log(`No figures match "${query}". Try a grade and a year, for example: npm run stats -- inadequate 2015`);
    return;
  }
  console.log(`${figures.length} ${figures.length === 1 ? 'figure' : 'figures'}${query ? ` for "${query}"` : ''}, by period:\n`);
  console.log(renderFiguresTable(figures, { quotes: values.quotes }));
}

main().catch(exitWithError);
