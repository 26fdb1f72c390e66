/**
 * The facts a script is rendered with, from a household's record and the desk's and team's settings: one
 * definition for the call screen, the message dialog and the script editor's preview.
 */
import type { HouseholdRecord, Settings } from '../../../../electron/contract';
import { addDays } from '../../../../domain/dates';
import { digestQueueActions, type TeamSettings } from '../../../../domain/follow-up-rules';
import { owedFeeTypes } from '../../../../domain/ledger';
import type { CallFacts } from '../../../../scripts-library/render';

/** The latest broken promise: what a 失约 call reads back. */
export function lastBrokenPromise(record: Pick<HouseholdRecord, 'promises'>): { date: string; amountFen: number } | null {
  const broken = record.promises.filter((promise) => promise.status === 'broken').sort((a, b) => b.date.localeCompare(a.date))[0];
  return broken ? { date: broken.date, amountFen: broken.amountFen } : null;
}

/** How long after a written notice a call still follows it up ("前几天给您发的……"). */
export const NOTICE_FOLLOW_UP_DAYS = 30;

/**
 * The written notice a call follows up: the latest one marked issued on 今日跟进 in the last 30 days, within the
 * current arrears spell (none once everything is paid), with its deadline while that is still ahead.
 */
export function recentNotice(record: Pick<HouseholdRecord, 'queueActions' | 'summary'>, today: string): NonNullable<CallFacts['noticeIssued']> | null {
  const since = record.summary.earliestUnpaid;
  if (!since || record.summary.owedFen <= 0) return null;
  const from = addDays(today, -NOTICE_FOLLOW_UP_DAYS);
  const [latest] = digestQueueActions(record.queueActions)
    .notices.filter((notice) => notice.day >= since && notice.day >= from && notice.day <= today)
    .sort((a, b) => b.day.localeCompare(a.day));
  // A deadline that has passed is not one to pin a date before.
  return latest ? { kind: latest.notice, date: latest.day, deadline: latest.deadline && latest.deadline >= today ? latest.deadline : null } : null;
}

export function recordFacts(record: HouseholdRecord, settings: Settings | undefined, team: Partial<Pick<TeamSettings, 'paymentAccount'>> | undefined, today: string): CallFacts {
  return {
    household: record.household,
    summary: record.summary,
    owedFeeTypes: owedFeeTypes(record.items),
    ...(settings ? { settings } : {}),
    today,
    brokenPromise: lastBrokenPromise(record),
    noticeIssued: recentNotice(record, today),
    ...(team?.paymentAccount ? { account: team.paymentAccount } : {}),
  };
}
