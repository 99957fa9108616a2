/**
 * `citeline COMMAND [options]`: the one entry of the command line (bin/citeline.mjs, and the npm
 * scripts, which are aliases). Reads the subcommand, refuses a command line it cannot run before
 * anything heavy is loaded, then loads and runs that command alone.
 */
import { UsageError, helpText, parseCommandLine, type CommandSpec, type ParsedCommandLine } from './args.js';
import { exitWithError } from './bootstrap.js';
import { COMMANDS, OVERVIEW, isCommandName, type CommandName } from './commands.js';

/** What each subcommand module exports. */
export interface Command {
  run(commandLine: ParsedCommandLine, spec: CommandSpec): Promise<void>;
}

async function loadCommand(name: CommandName): Promise<Command> {
  switch (name) {
    case 'ask':
      return import('./ask.js');
    case 'chat':
      return import('./chat.js');
    case 'ingest':
      return import('./ingest.js');
    case 'stats':
      return import('./stats.js');
    case 'eval':
      return import('./eval.js');
    case 'bench':
      return import('./bench.js');
    case 'feedback':
      return import('./feedback.js');
    case 'db:migrate':
      return import('./db-migrate.js');
    case 'serve':
      // The Slack app starts itself when imported, reading its own settings.
      return { run: async () => void (await import('../slack/main.js')) };
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    process.stdout.write(`${OVERVIEW}\n`);
    return;
  }
  if (first === 'help') {
    const name = rest[0] as string;
    if (!isCommandName(name)) throw new UsageError(`citeline help: there is no command "${name}".\n${OVERVIEW}`);
    process.stdout.write(helpText(COMMANDS[name]));
    return;
  }
  if (!isCommandName(first)) {
    const problem = first.startsWith('-') ? `an option (${first}) comes after a command` : `there is no command "${first}"`;
    throw new UsageError(`citeline: ${problem}.\n${OVERVIEW}`);
  }
  const spec: CommandSpec = COMMANDS[first];
  const commandLine = parseCommandLine(spec, rest);
  if (commandLine.help) {
    process.stdout.write(helpText(spec));
    return;
  }
  refuseOptionsNpmKept(spec);
  await (await loadCommand(first)).run(commandLine, spec);
}

/**
 * `npm run ask "question" --json` hands `--json` to npm, not to the command: npm keeps it as its own
 * setting (npm_config_json) and the command would silently print text. Refused instead, saying how
 * to pass it. Only under the command's own npm script, where npm put those settings in the environment.
 */
function refuseOptionsNpmKept(spec: CommandSpec): void {
  if (process.env.npm_lifecycle_event !== spec.name) return;
  // npm expands some abbreviations to its own settings (--rebuild to --rebuild-bundle).
  const npmNames: Record<string, string> = { rebuild: 'rebuild_bundle' };
  const kept = Object.entries(spec.options)
    .flatMap(([name, option]) => [name, ...(option.aliases ?? [])])
    .filter((name) => process.env[`npm_config_${name}`] !== undefined || (npmNames[name] && process.env[`npm_config_${npmNames[name]}`] !== undefined));
  if (kept.length === 0) return;
  const options = kept.map((name) => `--${name}`).join(', ');
  throw new UsageError(
    `citeline ${spec.name}: npm kept ${options} for itself, so the command never saw ${kept.length === 1 ? 'it' : 'them'}. ` +
      `Put -- before the command's words (npm run ${spec.name} -- ...), or run npx citeline ${spec.name} ... instead.\n${spec.usage}`,
  );
}

main(process.argv.slice(2)).catch(exitWithError);
