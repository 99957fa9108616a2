/**
 * Every `citeline` subcommand's options, usage and help, in one light module: `citeline help` and
 * a refused command line answer without loading the engine, the model or the Slack app.
 */
import type { CommandSpec } from './args.js';

const json = { type: 'boolean' } as const;

export const COMMANDS = {
  ask: {
    name: 'ask',
    usage: 'Usage: citeline ask "your question" [--claim] [--json] [--citations N]',
    details: `One question, one cited answer: the answer, then each extract it quotes with its document,
page or section, and link. When the reports do not answer, it says so and shows the closest
extracts. The first run builds the index from REPORTS_DIR (default reports/) if there is none.

  --claim            read the words as a claim and find the lines behind it, as Slack's Find
                     sources does: when no line found states its figures, it says none backs it
  --json             print {"answered","answer","confidence","citations":[...]} instead of text
  --citations N, --k N
                     at most N citations (1 to 20, default 3)`,
    options: { json, claim: { type: 'boolean' }, k: { type: 'string', aliases: ['citations'], value: 'N' } },
    positionals: true,
  },
  chat: {
    name: 'chat',
    usage: 'Usage: citeline chat',
    details: `Ask question after question in a terminal. A short follow-up ("and in 2019?") keeps the
previous question's context. Type "help" for what chat understands, "sources" for the indexed
documents, "quit" or Ctrl-D to end.`,
    options: {},
    positionals: false,
  },
  ingest: {
    name: 'ingest',
    usage: 'Usage: citeline ingest [FOLDER or FILE ...] [--rebuild] [--json]',
    details: `Index reports (default: REPORTS_DIR, reports/) into INDEX_DIR (default index/).
Markdown, text, HTML, PDF and DOCX files, in folders and their subfolders. Incremental: unchanged
files are not read again, changed files are replaced, files no longer there leave the index. A
file that cannot be read is named with its reason and skipped; the rest are indexed.

  --rebuild          start from an empty index (after changing EMBEDDING_MODEL, or to repair one)
  --json             print the summary as JSON`,
    options: { rebuild: { type: 'boolean' }, json },
    positionals: true,
  },
  stats: {
    name: 'stats',
    usage: 'Usage: citeline stats [grade] [year, quarter or period] [words] [--quotes] [--json]',
    details: `Every figure (percentage, count, sum, rate, average) the reports state that fits the query, best match
first (those of the passages a search for it ranks first, then by period), each with what it is and its
source; when none says every word, the figures closest to it, closest first. For example:
citeline stats inadequate 2015

  --quotes           show the sentence each figure comes from
  --json             print the rows as JSON`,
    options: { json, quotes: { type: 'boolean' } },
    positionals: true,
  },
  'db:migrate': {
    name: 'db:migrate',
    usage: 'Usage: citeline db:migrate     (with STORE=postgres and DATABASE_URL set)',
    details: `Create the Postgres schema, or bring it up to date (also done at every start). See
docs/deployment.md.`,
    options: {},
    positionals: false,
  },
  feedback: {
    name: 'feedback',
    usage: 'Usage: citeline feedback [--json]',
    details: `What people said of Citeline's answers in Slack (INDEX_DIR/feedback.jsonl): helpful and not
helpful over the last 7 and 30 days, and the latest not-helpful questions with the answer given.

  --json             print the counts and questions as JSON`,
    options: { json },
    positionals: false,
  },
  serve: {
    name: 'serve',
    usage: 'Usage: citeline serve',
    details: `Run the Slack app (the same as npm start). Reads its tokens from .env or the environment:
SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, and SLACK_APP_TOKEN for Socket Mode (SLACK_MODE=socket,
the default) or PORT for HTTP mode (SLACK_MODE=http). See docs/slack-setup.md.`,
    options: {},
    positionals: false,
  },
  eval: {
    name: 'eval',
    usage: `Usage: citeline eval [--sets FILE] [--set NAME,...] [--floors FILE] [--details] [--store local|postgres] [--json]
       citeline eval DIR [--questions FILE] [--json]     (DIR holds reports/ and one questions*.jsonl file)
       citeline eval --reports DIR --questions FILE [--json]`,
    details: `Answer quality, Citeline beside a plain-BM25 baseline, one row a question set: recall@1, @3, @5,
MRR, unanswerable questions declined and answerable ones wrongly declined (a declined reply counts as
no hit). Without a folder, every set in eval/sets.json whose files are here. Each reports folder is
indexed once into a temporary index. See docs/quality.md.

  --sets FILE        the list of sets (default eval/sets.json)
  --set NAME,...     only these sets
  --floors FILE      exit 1 when a set falls below its floor there (eval/floors.json)
  --details          also each set's figures by kind of question, and its misses
  --reports DIR      the reports folder (instead of DIR/reports)
  --questions FILE   the questions file (JSON lines: id, question, doc, answer, kind)
  --store postgres   index into a temporary schema of DATABASE_URL (or a throwaway in-process
                     Postgres without one) instead of a local folder
  --json             print every set's figures, with every question's result, as JSON`,
    options: {
      store: { type: 'string', value: 'local|postgres' },
      sets: { type: 'string', value: 'FILE' },
      set: { type: 'string', value: 'NAME' },
      floors: { type: 'string', value: 'FILE' },
      details: { type: 'boolean' },
      reports: { type: 'string', value: 'DIR' },
      questions: { type: 'string', value: 'FILE' },
      json,
    },
    positionals: true,
  },
  bench: {
    name: 'bench',
    usage: `Usage: citeline bench [--passages N] [--dense] [--runs N] [--reports DIR] [--json]
       citeline bench --load [--requests N] [--store postgres] [--json]
       citeline bench --large-file [--sizes 1,3,10,30] [--json]
       citeline bench --store postgres [--passages N] [--reports DIR] [--json]`,
    details: `Speed and memory, each measurement in a process of its own: whole questions, and Citeline as a
vector store beside LangChain.js's HNSWLib, on the sample, a generated corpus and optionally a
folder of your own reports. See docs/performance.md.

  --passages N       size of the generated corpus (default 10000)
  --dense            generate 2.9 times as many figures as real reports hold
  --queries N        warm questions per measurement (default 100)
  --runs N           run everything N times and print medians with ranges (default 1)
  --reports DIR      measure a folder of your own reports as well
  --load             instead: N signed Slack requests at once through the HTTP receiver
  --requests N       requests for --load (default 100)
  --large-file       instead: ingest one plain-text file of each size, seconds per MB
  --sizes 1,3,10,30  the sizes in MB for --large-file
  --store postgres   instead: the local store beside Postgres on the same corpora (DATABASE_URL,
                     or a throwaway in-process Postgres without one); with --load, two replicas
                     sharing a throwaway Postgres, each mention delivered to both
  --json             print the figures as JSON`,
    options: {
      json,
      passages: { type: 'string', value: 'N' },
      dense: { type: 'boolean' },
      queries: { type: 'string', value: 'N' },
      load: { type: 'boolean' },
      requests: { type: 'string', value: 'N' },
      runs: { type: 'string', value: 'N' },
      reports: { type: 'string', value: 'DIR' },
      'large-file': { type: 'boolean' },
      sizes: { type: 'string', value: 'MB,...' },
      store: { type: 'string', value: 'local|postgres' },
    },
    positionals: false,
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export const OVERVIEW = `Usage: citeline COMMAND [options]

Answers questions about a folder of reports, quoting the exact lines it relied on.

Commands:
  ask "question"     one cited answer (--claim, --json, --citations N)
  chat               question after question in a terminal
  ingest [FOLDER]    index reports (default reports/); incremental
  stats [query]      every figure for a grade, period and words, with its source
  serve              run the Slack app
  eval [DIR]         answer quality on question sets with known answers, beside plain BM25
  bench              speed and memory figures
  feedback           what people said of the answers in Slack (--json)
  db:migrate         with STORE=postgres: create or update the database schema

citeline help COMMAND (or citeline COMMAND --help) says more about one.`;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}
