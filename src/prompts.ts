/**
 * The words users read, kept in prompts/*.md so they can be edited without touching code.
 * Slack surfaces treat them as mrkdwn; `{name}` placeholders are filled by `fillPrompt`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Which file holds each prompt. Adding a prompt means adding a line here and a file in prompts/. */
const PROMPT_FILES = {
  help: 'help.md',
  /** The lead of a reply when the reports do not answer; the engine uses it as is. */
  noAnswer: 'no-answer.md',
  /** The same for Find sources, when no line backs the claim. */
  noSupport: 'no-support.md',
  emptyQuestion: 'empty-question.md',
  /** The reply to a message that only greets ("hi!") or thanks: not a question for the reports. */
  greeting: 'greeting.md',
  /** The same for `citeline chat`: plain text, naming what chat understands rather than Slack commands. */
  chatGreeting: 'chat-greeting.md',
  chatThanks: 'chat-thanks.md',
  /** `help` typed in `citeline chat`. */
  chatHelp: 'chat-help.md',
  thanks: 'thanks.md',
  /** {max} */
  questionTooLong: 'question-too-long.md',
  /** {limit} */
  rateLimited: 'rate-limited.md',
  notEnabled: 'not-enabled.md',
  reindexRefused: 'reindex-refused.md',
  reindexStarted: 'reindex-started.md',
  /** {documents} {passages} {added} {updated} {removed} {skipped} {seconds} */
  reindexDone: 'reindex-done.md',
  internalError: 'internal-error.md',
  /** {query} */
  statsNoMatch: 'stats-no-match.md',
  /** {names} {query}: the lookup named a council or place, and no figure of the reports naming it says the rest. */
  statsNoMatchNamed: 'stats-no-match-named.md',
  /** {user}: a Slack user id */
  feedbackRecorded: 'feedback-recorded.md',
  searching: 'searching.md',
  /** {user}: a Slack user id */
  sharedBy: 'shared-by.md',
  shareFailed: 'share-failed.md',
  noSources: 'no-sources.md',
  busy: 'busy.md',
  /** Under an answer whose "More sources" found nothing further. */
  noMoreSources: 'no-more-sources.md',
  feedbackRefused: 'feedback-refused.md',
  /** The Home tab's "how to ask" section (mrkdwn); the examples from the index's titles follow it. */
  home: 'home.md',
  /** STORE=postgres and the database unreachable for the moment. */
  databaseUnavailable: 'database-unavailable.md',
} as const;

export type PromptName = keyof typeof PROMPT_FILES;
export type Prompts = Record<PromptName, string>;

export class PromptFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Prompt file ${file} ${reason}`);
    this.name = 'PromptFileError';
  }
}

/** Reads every prompt; a missing or empty file is an error that names it, so a bad checkout fails at start-up. */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const entries = await Promise.all(
    (Object.entries(PROMPT_FILES) as [PromptName, string][]).map(async ([name, file]) => {
      const path = join(dir, file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new PromptFileError(path, code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? String(error)})`);
      }
      const trimmed = text.trim();
      if (!trimmed) throw new PromptFileError(path, 'is empty');
      return [name, trimmed] as const;
    }),
  );
  return Object.fromEntries(entries) as Prompts;
}

/**
 * Replaces `{name}` with `values[name]`. Unknown placeholders are left as written so a typo shows up in the
 * message instead of silently vanishing. Values are inserted as given: callers escape anything user-supplied.
 */
export function fillPrompt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
