/**
 * How Slack reaches Citeline. HTTP: events, slash commands and interactivity all POST to /slack/events, and every
 * request's signature is checked (Bolt answers 401 to a bad signature or a timestamp over five minutes old).
 * Socket Mode: Citeline opens a WebSocket to Slack with the app-level token, so no public URL is needed.
 */
import { HTTPReceiver, SocketModeReceiver, type Logger, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';

export const EVENTS_PATH = '/slack/events';

export function createReceiver(config: SlackConfig, logger: Logger, clientOptions: webApi.WebClientOptions): HTTPReceiver | SocketModeReceiver {
  if (config.mode === 'socket') {
    if (!config.appToken) throw new Error('SLACK_APP_TOKEN is required when SLACK_MODE=socket');
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // The Socket Mode client calls apps.connections.open with its own Web API client: same API URL and retries.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    signatureVerification: true,
    endpoints: [EVENTS_PATH],
    port: config.port,
    logger,
  });
}
