/** The facts the call screen's scripts are rendered with: the record's, and what the call has settled so far. */
import type { HouseholdRecord, Settings } from '../../../../electron/contract';
import type { TeamSettings } from '../../../../domain/follow-up-rules';
import { complaintReplyDate, repairRevisitDate, spokenSubject } from '../../../../domain/grievance';
import type { CallFacts } from '../../../../scripts-library/render';
import type { CallContext } from '../../../../state-machines/call-flow';
import { recordFacts } from './script-facts';

/** When the repair or complaint recorded in this call will be revisited or answered: what its scripts say. */
function revisitDateOf(grievances: CallContext['grievances'], today: string): string | null {
  const last = [...grievances].reverse().find((grievance) => grievance.kind !== 'other');
  if (!last) return null;
  return last.kind === 'repair' ? repairRevisitDate(last.ticket, today) : last.kind === 'complaint' ? complaintReplyDate(last.severity, today, last.ownerDeadline ?? null) : null;
}

export function callFacts(record: HouseholdRecord, settings: Settings, team: Partial<Pick<TeamSettings, 'paymentAccount'>>, context: CallContext): CallFacts {
  return {
    ...recordFacts(record, settings, team, context.today),
    promises: context.promises,
    revisitDate: revisitDateOf(context.grievances, context.today),
    revisitSubject: context.revisit ? spokenSubject(context.revisit.kind, context.revisit.subject) : null,
    callback: context.callback,
  };
}
