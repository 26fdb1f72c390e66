/** The facts a call starts with: fixed for the whole call, whatever the record shows later. */
import type { CallStart, HouseholdRecord } from '../../../../electron/contract';
import type { CallPurpose, TeamSettings } from '../../../../domain/follow-up-rules';
import type { CallInput } from '../../../../state-machines/call-flow';
import { lastBrokenPromise } from './script-facts';

export interface CallInputSource {
  record: HouseholdRecord;
  /** The call as the backend started it (calls.start). */
  start: Pick<CallStart, 'callId' | 'startedAt' | 'ownerType'>;
  purpose: CallPurpose;
  /** The follow-up a revisit call answers. */
  followUpId: string | null;
  /** The backend's day. */
  today: string;
  horizonDays: TeamSettings['horizonDays'];
}

export function callInputOf({ record, start, purpose, followUpId, today, horizonDays }: CallInputSource): CallInput {
  const followUp = purpose === 'revisit' ? record.followUps.find((entry) => entry.id === followUpId) : undefined;
  return {
    callId: start.callId,
    householdId: record.household.id,
    ownerType: start.ownerType.type,
    kind: record.household.kind,
    owedFen: record.summary.owedFen,
    monthsOverdue: record.summary.monthsOverdue,
    brokenPromise: lastBrokenPromise(record),
    revisit:
      followUp && (followUp.kind === 'repair-revisit' || followUp.kind === 'complaint-reply')
        ? { followUpId: followUp.id, kind: followUp.kind, subject: record.grievances.find((grievance) => grievance.id === followUp.sourceId)?.title ?? followUp.title }
        : null,
    today,
    horizonDays,
    // The backend's start time (calls.start), on the backend's day.
    startedAt: start.startedAt,
  };
}
