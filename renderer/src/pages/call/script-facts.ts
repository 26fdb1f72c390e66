/**
 * The facts a script is rendered with, from a household's record and the desk's and team's settings: one
 * definition for the call screen, the message dialog and the script editor's preview.
 */
import type { HouseholdRecord, Settings } from '../../../../electron/contract';
import type { TeamSettings } from '../../../../domain/follow-up-rules';
import { owedFeeTypes } from '../../../../domain/ledger';
import type { CallFacts } from '../../../../scripts-library/render';

/** The latest broken promise: what a 失约 call reads back. */
export function lastBrokenPromise(record: Pick<HouseholdRecord, 'promises'>): { date: string; amountFen: number } | null {
  const broken = record.promises.filter((promise) => promise.status === 'broken').sort((a, b) => b.date.localeCompare(a.date))[0];
  return broken ? { date: broken.date, amountFen: broken.amountFen } : null;
}

export function recordFacts(record: HouseholdRecord, settings: Settings | undefined, team: Partial<Pick<TeamSettings, 'paymentAccount'>> | undefined, today: string): CallFacts {
  return {
    household: record.household,
    summary: record.summary,
    owedFeeTypes: owedFeeTypes(record.items),
    ...(settings ? { settings } : {}),
    today,
    brokenPromise: lastBrokenPromise(record),
    ...(team?.paymentAccount ? { account: team.paymentAccount } : {}),
  };
}
