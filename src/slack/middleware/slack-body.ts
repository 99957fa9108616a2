/**
 * Where the team, channel and user are in each kind of Slack request body. Bolt's types model every payload
 * separately; the middleware here only needs these three facts, read defensively.
 */
export interface RequestOrigin {
  kind: 'event' | 'command' | 'interaction';
  teamId?: string;
  channelId?: string;
  userId?: string;
}

type Loose = Record<string, unknown>;

export function originOf(body: unknown): RequestOrigin {
  const b = (body ?? {}) as Loose;
  if (b.type === 'event_callback') {
    const event = (b.event ?? {}) as Loose;
    return { kind: 'event', ...opt('teamId', str(b.team_id)), ...opt('channelId', str(event.channel)), ...opt('userId', str(event.user)) };
  }
  if (typeof b.command === 'string') {
    return { kind: 'command', ...opt('teamId', str(b.team_id)), ...opt('channelId', str(b.channel_id)), ...opt('userId', str(b.user_id)) };
  }
  const team = (b.team ?? {}) as Loose;
  const channel = (b.channel ?? {}) as Loose;
  const container = (b.container ?? {}) as Loose;
  const user = (b.user ?? {}) as Loose;
  return {
    kind: 'interaction',
    ...opt('teamId', str(team.id) ?? str(user.team_id)),
    ...opt('channelId', str(channel.id) ?? str(container.channel_id)),
    ...opt('userId', str(user.id)),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
