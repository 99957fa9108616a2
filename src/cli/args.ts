/**
 * The command line of one `citeline` subcommand, read by our own small parser rather than
 * node:util's parseArgs: every refusal is then in Citeline's words (what was wrong, then the
 * command's usage), and an option may have a long alias (`--citations` for `--k`).
 */

/** A command line the command cannot run: its message and the usage, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** Other names for the same option, without dashes (`citations` for `k`). */
  aliases?: readonly string[];
  /** What the option's value is called in messages ("N", "FILE"). */
  value?: string;
}

export interface CommandSpec {
  /** The subcommand's name, as typed after `citeline`. */
  name: string;
  /** The usage line(s), shown under every refusal and first in `--help`. */
  usage: string;
  /** The rest of `citeline help NAME`: what it does and what each option means. */
  details: string;
  options: Record<string, OptionSpec>;
  /** Whether words that are not options are taken (a question, paths, a stats query). */
  positionals: boolean;
}

export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

/**
 * Reads `argv` (the words after the subcommand). `--name value`, `--name=value`, `-h`/`--help`, and
 * `--` (everything after it is a positional, so a question may start with a dash).
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedCommandLine {
  const byName = new Map<string, [string, OptionSpec]>();
  for (const [name, option] of Object.entries(spec.options)) {
    for (const alias of [name, ...(option.aliases ?? [])]) byName.set(alias, [name, option]);
  }
  const values: ParsedCommandLine['values'] = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word === '-h' || word === '--help') {
      help = true;
      continue;
    }
    if (!word.startsWith('-') || word === '-' || /^-\d/.test(word)) {
      if (!spec.positionals) throw usageError(spec, `takes no words, only options (got "${word}").`);
      positionals.push(word);
      continue;
    }
    const [typed, inlineValue] = splitInline(word);
    const known = typed.startsWith('--') ? byName.get(typed.slice(2)) : undefined;
    if (!known) throw usageError(spec, `unknown option ${typed}.`);
    const [name, option] = known;
    if (option.type === 'boolean') {
      if (inlineValue !== undefined) throw usageError(spec, `option ${typed} takes no value (got "${inlineValue}").`);
      values[name] = true;
      continue;
    }
    const value = inlineValue ?? argv[i + 1];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw usageError(spec, `option ${typed} needs a value: ${typed} ${option.value ?? 'VALUE'}.`);
    }
    if (inlineValue === undefined) i++;
    values[name] = value;
  }
  return { values, positionals, help };
}

/** The full help of a command: its usage, then what it does. */
export function helpText(spec: CommandSpec): string {
  return `${spec.usage}\n\n${spec.details.trim()}\n`;
}

/** A UsageError saying what was wrong with the command line, then the command's usage. */
export function usageError(spec: CommandSpec, problem: string): UsageError {
  return new UsageError(`citeline ${spec.name}: ${problem}\n${spec.usage}\nMore: citeline help ${spec.name}`);
}

/** A count given on the command line: a whole number from 1 (to `max`, when there is one), or a UsageError. */
export function countOption(spec: CommandSpec, option: string, text: string, max = Number.POSITIVE_INFINITY): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  const range = max === Number.POSITIVE_INFINITY ? ', 1 or more' : ` from 1 to ${max}`;
  return fail(usageError(spec, `${option} takes a whole number${range} (got ${text}).`));
}

function fail(error: Error): never {
  throw error;
}

function splitInline(word: string): [string, string | undefined] {
  const equals = word.indexOf('=');
  return equals === -1 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}
