/**
 * What a steward may do with a 今日跟进 entry, as both the dialogs and the backend judge it: how far a snooze may go,
 * who a household may be handed to, and which entries a text message settles.
 */
import { addDays, type IsoDate } from './dates';

/** Snoozing further than this is not a snooze: reassign or complete instead. */
export const MAX_SNOOZE_DAYS = 90;

/** Why a snooze until `until` is refused on `today`, or null. */
export function snoozeProblem(until: IsoDate, today: IsoDate): string | null {
  if (until <= today) return '暂缓到的日期要晚于今天';
  if (until > addDays(today, MAX_SNOOZE_DAYS)) return `最多暂缓 ${MAX_SNOOZE_DAYS} 天`;
  return null;
}

/** Who a household can be handed to: the team's roster and the acting steward, each once. */
export function assignableStewards(roster: readonly string[], me: string): string[] {
  return [...new Set([me.trim(), ...roster.map((name) => name.trim())].filter(Boolean))];
}

/** Why `assignee` cannot take a household, or null (null assignee: the team pool). */
export function assigneeProblem(assignee: string | null, assignable: readonly string[]): string | null {
  if (assignee === null || assignable.includes(assignee)) return null;
  return `「${assignee}」不在团队的管家名单里，请先在团队设置中添加`;
}

/** The queue entries a 短信 / 微信 reminder settles when it is logged. */
export const MESSAGE_SETTLED_KINDS = ['promise-message', 'broken-promise', 'monthly-round'] as const;
export type MessageSettledKind = (typeof MESSAGE_SETTLED_KINDS)[number];

export const messageSettles = (kind: string): kind is MessageSettledKind => (MESSAGE_SETTLED_KINDS as readonly string[]).includes(kind);
