/** The reaction that shows a question is being worked on, added when it arrives and removed once answered. */
import type { Logger, webApi } from '@slack/bolt';
import { tryQuietly } from '../deliver.js';

export const WORKING_REACTION = 'hourglass_flowing_sand';
export const SEARCHING_REACTION = 'mag';

export async function whileReacting<T>(
  client: webApi.WebClient,
  logger: Logger,
  target: { channel: string; timestamp: string; name: string },
  work: () => Promise<T>,
): Promise<T> {
  await tryQuietly(logger, `add :${target.name}: in ${target.channel}`, () => client.reactions.add(target));
  try {
    return await work();
  } finally {
    await tryQuietly(logger, `remove :${target.name}: in ${target.channel}`, () => client.reactions.remove(target));
  }
}
