/** What every handler is given. Built once in app.ts; handlers never read config or the environment. */
import type { Logger } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { CitelineEngine, IngestSummary } from '../../engine/types.js';
import type { Prompts } from '../../prompts.js';
import type { FeedbackStore } from '../feedback-store.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { ThreadStore } from '../thread-memory.js';

export interface HandlerDeps {
  config: SlackConfig;
  engine: CitelineEngine;
  prompts: Prompts;
  feedback: FeedbackStore;
  rateLimiter: RateLimiter;
  threads: ThreadStore;
  /** The engine's reindex, shared by every way of asking for one: two requests at once share one rebuild. */
  reindex: () => Promise<IngestSummary>;
  logger: Logger;
}
