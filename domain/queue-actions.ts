/**
 * What a steward may do with a 今日跟进 entry, as both the dialogs and the backend judge it: how far a snooze may go,
 * who a household may be handed to, and which entries a text message settles.
 */
import { addDays, type IsoDate } from './dates';
import type { RosterMember } from './follow-ups/team-settings';

/** Snoozing further than this is not a snooze: reassign or complete instead. */
export const MAX_SNOOZE_DAYS = 90;

/** Why a snooze until `until` is refused on `today`, or null. */
export function snoozeProblem(until: IsoDate, today: IsoDate): string | null {
  if (until <= today) return '暂缓到的日期要晚于今天';
  if (until > addDays(today, MAX_SNOOZE_DAYS)) return `最多暂缓 ${MAX_SNOOZE_DAYS} 天`;
  return null;
}

/**
 * Who a household can be handed to: the acting steward first, then the team's roster — each person once (by id,
 * and by name: the desk's own steward may also be on the roster under another id).
 */
export function assignableStewards(roster: readonly RosterMember[], me: RosterMember): RosterMember[] {
  const seen = { ids: new Set<string>(), names: new Set<string>() };
  const people: RosterMember[] = [];
  for (const member of [me, ...roster]) {
    const name = member.name.trim();
    if (!name || seen.ids.has(member.id) || seen.names.has(name)) continue;
    seen.ids.add(member.id);
    seen.names.add(name);
    people.push({ id: member.id, name });
  }
  return people;
}

/** The steward with `assigneeId` among `assignable`, or null for the team pool; a Chinese message when there is none. */
export function assigneeOf(assigneeId: string | null, assignable: readonly RosterMember[]): RosterMember | null | { problem: string } {
  if (assigneeId === null) return null;
  return assignable.find((member) => member.id === assigneeId) ?? { problem: '所选管家不在团队的管家名单里，请先在团队设置中添加' };
}

/** The queue entries a 短信 / 微信 reminder settles when it is logged. */
export const MESSAGE_SETTLED_KINDS = ['promise-message', 'broken-promise', 'monthly-round'] as const;
export type MessageSettledKind = (typeof MESSAGE_SETTLED_KINDS)[number];

export const messageSettles = (kind: string): kind is MessageSettledKind => (MESSAGE_SETTLED_KINDS as readonly string[]).includes(kind);
