/**
 * SLACK_ALLOWED_TEAMS / SLACK_ALLOWED_CHANNELS. Outside them Citeline stays silent, except that a slash
 * command is told it is not enabled there (the user typed it and would otherwise see nothing at all).
 * Direct messages and the Home tab are not channels: the channel list does not apply to them, the team list does.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { originOf } from './slack-body.js';

export interface AllowListOptions {
  allowedTeams: readonly string[];
  allowedChannels: readonly string[];
  notEnabledText: string;
  onRefused?: (why: string) => void;
}

export function isAllowed(origin: { teamId?: string; channelId?: string }, options: Pick<AllowListOptions, 'allowedTeams' | 'allowedChannels'>): boolean {
  if (options.allowedTeams.length > 0 && !(origin.teamId && options.allowedTeams.includes(origin.teamId))) return false;
  // The channel list applies where there is a channel: not to DMs, nor to the Home tab's buttons, which have none.
  if (options.allowedChannels.length > 0 && origin.channelId !== undefined && !isDirectMessage(origin.channelId)) {
    if (!options.allowedChannels.includes(origin.channelId)) return false;
  }
  return true;
}

export function allowList(options: AllowListOptions): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const origin = originOf(args.body);
    if (isAllowed({ ...origin, ...(args.context.teamId ? { teamId: args.context.teamId } : {}) }, options)) {
      await args.next();
      return;
    }
    options.onRefused?.(`Ignored a ${origin.kind} from team ${origin.teamId ?? '?'} channel ${origin.channelId ?? '?'}: not in the allow-list.`);
    // Events were acknowledged by Bolt already; everything else must be acknowledged within 3 seconds.
    if ('ack' in args && typeof args.ack === 'function') {
      const ack = args.ack as (response?: unknown) => Promise<void>;
      await (origin.kind === 'command' ? ack({ response_type: 'ephemeral', text: options.notEnabledText }) : ack());
    }
  };
}

function isDirectMessage(channelId: string | undefined): boolean {
  return channelId?.startsWith('D') ?? false;
}
