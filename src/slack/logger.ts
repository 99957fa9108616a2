/**
 * Bolt's Logger with secrets taken out. Bolt and the Web API client log request details and errors
 * (which can quote request bodies); tokens and the signing secret must never reach a log line.
 */
import { LogLevel, type Logger } from '@slack/bolt';

/** Where finished lines go: stderr by default, an array in tests. */
export type LogSink = (level: LogLevel, line: string) => void;

/** Slack token shapes, redacted even when we were not told about them (e.g. a user token in an error body). */
const TOKEN_PATTERN = /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+/g;

export class RedactingLogger implements Logger {
  private level: LogLevel = LogLevel.INFO;
  private name = 'citeline';
  private readonly secrets: string[];

  constructor(
    secrets: readonly (string | undefined)[],
    private readonly sink: LogSink = writeToStderr,
  ) {
    // Longest first, so a secret that contains another is removed whole.
    this.secrets = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort((a, b) => b.length - a.length);
  }

  debug(...msg: unknown[]): void {
    this.write(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.write(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.write(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.write(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }

  /** Removes known secrets and anything shaped like a Slack token. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out.replace(TOKEN_PATTERN, '[redacted-token]');
  }

  private write(level: LogLevel, parts: unknown[]): void {
    if (RANK[level] < RANK[this.level]) return;
    const line = parts.map(describe).join(' ');
    this.sink(level, this.redact(`[${level.toUpperCase()}] ${this.name} ${line}`));
  }
}

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.stack ?? `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

function writeToStderr(_level: LogLevel, line: string): void {
  process.stderr.write(`${line}\n`);
}
