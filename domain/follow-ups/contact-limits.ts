/** Why a household may not be called now: call windows, caps, disputes, pending promises, the collection pause. */
import { addDays, type IsoDate } from '../dates';
import type { TeamSettings } from './team-settings';

/** Why now is outside the call windows, or null inside one. */
export function outsideWindowReason(time: string, settings: Pick<TeamSettings, 'callWindows'>): string | null {
  if (settings.callWindows.some((window) => time >= window.start && time < window.end)) return null;
  return `现在不在通话时段（${settings.callWindows.map((window) => `${window.start}–${window.end}`).join('、')}）`;
}

/** Why a callback agreed for a time of day should wait, or null once that time has come (or none was agreed). */
export function callbackNotYetReason(dueTime: string | null, time: string): string | null {
  return dueTime && time < dueTime ? `约好 ${dueTime} 回电，还没到时间` : null;
}

/**
 * Why a household may not be contacted on a day, whatever the hour: the daily and weekly caps (across
 * channels), a standing dispute, a promise whose date has not come yet.
 */
export function contactLimitReasons(input: {
  today: IsoDate;
  /** Days of earlier contacts, any channel. */
  contactDays: readonly IsoDate[];
  openDispute: boolean;
  /** A promise whose date has not come yet. */
  pendingPromiseUntil: IsoDate | null;
  settings: Pick<TeamSettings, 'maxCallsPerDay' | 'maxCallsPerWeek'>;
}): string[] {
  const reasons: string[] = [];
  const { settings } = input;
  const weekStart = addDays(input.today, -6);
  let today = 0;
  let week = 0;
  for (const contactDay of input.contactDays) {
    if (contactDay === input.today) today += 1;
    if (contactDay >= weekStart && contactDay <= input.today) week += 1;
  }
  if (today >= settings.maxCallsPerDay) reasons.push(`今天已联系 ${today} 次（每天最多 ${settings.maxCallsPerDay} 次）`);
  if (week >= settings.maxCallsPerWeek) reasons.push(`近 7 天已联系 ${week} 次（每周最多 ${settings.maxCallsPerWeek} 次）`);
  if (input.openDispute) reasons.push('有未处理完的诉求或维修，处理完再催缴');
  if (input.pendingPromiseUntil && input.pendingPromiseUntil > input.today) reasons.push(`业主已承诺 ${input.pendingPromiseUntil} 缴费，到期前不再催`);
  return reasons;
}

// ── starting a call ────────────────────────────────────────────────────────

/**
 * Why a call is made. collection: a reminder about the arrears (催缴), under every rule. revisit: a 维修回访 or
 * 投诉答复 the steward owes the owner; only the call windows apply (the open repair or complaint is the reason
 * for the call, so neither it nor the collection pause blocks it).
 */
export const callPurposes = ['collection', 'revisit'] as const;
export type CallPurpose = (typeof callPurposes)[number];

/** Set while collection calls to a household are paused: an open repair revisit (the owner should see the fix first). */
export interface CollectionPause {
  /** The latest revisit day of the open repairs, if any has one. */
  until: IsoDate | null;
  reason: string;
}

/** The collection pause of a household, from its grievances: any open repair pauses collection. */
export function collectionPauseOf(grievances: readonly { kind: string; status: string; title: string; dueDate: string | null }[]): CollectionPause | null {
  const open = grievances.filter((grievance) => grievance.kind === 'repair' && grievance.status === 'open');
  if (open.length === 0) return null;
  const until = open.map((grievance) => grievance.dueDate).filter((date): date is string => !!date).sort().pop() ?? null;
  return { until, reason: `维修回访未完成（${open.map((grievance) => grievance.title).join('、')}）` };
}

export interface CallStartFacts {
  purpose: CallPurpose;
  today: IsoDate;
  /** The time of day, HH:mm (the backend's clock). It matters only through the call windows. */
  time: string;
  /** Days of earlier contacts, any channel. */
  contactDays: readonly IsoDate[];
  collectionPause: CollectionPause | null;
  /** An open complaint (a repair is the collection pause). */
  openDispute: boolean;
  /** The earliest promise still pending, if any. */
  pendingPromiseUntil: IsoDate | null;
  settings: Pick<TeamSettings, 'callWindows' | 'maxCallsPerDay' | 'maxCallsPerWeek'>;
}

/**
 * Why a call should not start now, in Chinese, one reason each; empty when it may. The one definition of the
 * rules: 今日跟进 marks a row 暂不可拨 with these reasons, and calls.start refuses a call with them unless the
 * steward gives a reason to call anyway. A collection call: the call windows, the collection pause, the daily
 * and weekly caps (across channels), an open dispute, a promise not yet due. A revisit: the call windows only.
 */
export function callStartProblems(facts: CallStartFacts): string[] {
  const outside = outsideWindowReason(facts.time, facts.settings);
  const problems = outside ? [outside] : [];
  if (facts.purpose === 'revisit') return problems;
  const pause = facts.collectionPause;
  if (pause) problems.push(`暂停催缴：${pause.reason}${pause.until ? `，回访日 ${pause.until}` : ''}`);
  problems.push(
    ...contactLimitReasons({
      today: facts.today,
      contactDays: facts.contactDays,
      openDispute: facts.openDispute,
      pendingPromiseUntil: facts.pendingPromiseUntil,
      settings: facts.settings,
    }),
  );
  return problems;
}
