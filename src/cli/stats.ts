/** `citeline stats [grade] [year, quarter or period] [words] [--json] [--quotes]`: every matching figure, best match first, with its source. */
import { openCitelineEngine } from '../engine/citeline.js';
import { namesGiven, partlyNote, renderFiguresTable, toTableRows } from '../stats/table.js';
import type { ParsedCommandLine } from './args.js';
import { loadCoreConfigOrExit, logToStderr } from './bootstrap.js';

export async function run({ values, positionals }: ParsedCommandLine): Promise<void> {
  const query = positionals.join(' ').trim();
  const config = loadCoreConfigOrExit();
  const engine = await openCitelineEngine(config, { buildIfMissing: true, log: logToStderr });
  const { figures, everyWord, partly, query: read } = await engine.stats(query);
  if (values.json) {
    console.log(JSON.stringify({ query, everyWord, partly, figures: toTableRows(figures) }, null, 2));
    return;
  }
  if (figures.length === 0) {
    const names = namesGiven(read);
    console.log(
      names
        ? `No figure in the reports naming ${names} says what "${query}" asks. Try the words the reports use for it, or a grade and a year, for example: citeline stats inadequate 2015`
        : `No figures match "${query}". Try a grade and a year, for example: citeline stats inadequate 2015`,
    );
    return;
  }
  const count = `${figures.length} ${figures.length === 1 ? 'figure' : 'figures'}`;
  console.log(everyWord ? `${count}${query ? ` for "${query}"` : ''}, best match first${partlyNote(partly)}:\n` : `No figure says every word of "${query}"; the ${count} closest to it, closest first:\n`);
  console.log(renderFiguresTable(figures, { quotes: Boolean(values.quotes) }));
}
