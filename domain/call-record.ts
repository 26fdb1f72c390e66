/**
 * The record a finished call leaves, built by one pure function from what the steward entered and the call as the
 * backend started it: the contact, its promises and their checks, grievances with their revisit or reply dates, the
 * callback, and a revisit's answer. The same rules as the promise form, the callback form and the machine's guards
 * (domain/promise, domain/callback, domain/grievance), applied again here so that a script or a second tab cannot skip
 * them. Free text going into the contact log has full phone and ID numbers masked.
 */
import type { CallStart, ContactRecord, FollowUp, GrievanceRecord, ParsedInputOf, PromiseRecord } from '../electron/contract';
import { outcomeLabel } from '../state-machines/call-outcomes';
import { callbackProblem, callbackTitle, type Callback } from './callback';
import type { Clock } from './clock';
import { addDays, type IsoDate } from './dates';
import { complaintDeadlines, objectionTypes, ownerDeadlineProblem, repairRevisitDate } from './grievance';
import { formatYuan } from './money';
import { maskPersonalNumbers } from './personal-numbers';
import { callPromiseProblems } from './promise';

/** A revisit that found the problem unsolved comes back this many days later (the repair SLA's usual 2 days). */
export const NEXT_REVISIT_DAYS = 2;

export type CallInput = ParsedInputOf<'calls.save'>;

/** Who signs the record: the acting user's name and id. */
export interface CallSigner {
  steward: string;
  stewardId: string;
}

export interface CallRecordContext {
  clock: Clock;
  signer: CallSigner;
  /** A new record id with a readable prefix. */
  ids: (prefix: 'promise' | 'grievance' | 'follow') => string;
  /** The call as calls.start began it: its id, start time, purpose and revisit. */
  started: CallStart;
  horizonDays: number;
  /** What the household owes now (a promise may not exceed it). */
  owedFen: number;
}

/** Everything one call writes, for one household. */
export interface CallRecord {
  contact: ContactRecord;
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  /** A revisit's answer: solved closes the follow-up and its grievance, not solved moves it to `nextDue`. */
  revisit?: { followUpId: string; fixed: boolean; at: string; nextDue: string };
}

export type CallRecordResult =
  | { ok: true; record: CallRecord; maskedNumbers: number }
  /** Refused: a Chinese message, and one issue per problem with the field it is about. */
  | { ok: false; message: string; issues: { path: string; message: string }[] };

const refused = (message: string, path: string, problems: readonly string[] = [message]): CallRecordResult => ({
  ok: false,
  message,
  issues: problems.map((problem) => ({ path, message: problem })),
});

/**
 * The callback a 约好回电 call leaves: the one agreed on the phone, checked against today and the horizon, or by default
 * tomorrow at any time, owned by the steward who made the call. A callback on any other outcome is a problem.
 */
function agreedCallback(call: CallInput, today: IsoDate, horizonDays: number, signer: CallSigner): { callback: Callback | null } | { problem: string } {
  if (call.outcome !== 'callback') return call.callback ? { problem: '只有结果为“约好回电”的通话才能安排回电' } : { callback: null };
  if (!call.callback) return { callback: { date: addDays(today, 1), time: null, owner: signer.steward } };
  const problem = callbackProblem(call.callback, { today, horizonDays });
  return problem ? { problem } : { callback: call.callback };
}

/** The record of a finished call, or why it is refused. */
export function recordCall(call: CallInput, context: CallRecordContext): CallRecordResult {
  const { clock, signer, ids, started, horizonDays } = context;
  const today = clock.today();
  const agreed = agreedCallback(call, today, horizonDays, signer);
  if ('problem' in agreed) return refused(`回电安排有误：${agreed.problem}。`, call.outcome === 'callback' ? 'callback.date' : 'callback', [agreed.problem]);
  const problems = callPromiseProblems(call.promises, { today, horizonDays, owedFen: context.owedFen });
  if (problems.length > 0) return refused(`约定的缴费有误：${problems.join('；')}。`, 'promises', problems);
  for (const grievance of call.grievances) {
    if (grievance.kind !== 'complaint' || grievance.ownerDeadline === undefined) continue;
    const problem = grievance.severity === '轻微' ? ownerDeadlineProblem(grievance.ownerDeadline, today) : '只有轻微投诉按业主要求的期限处理';
    if (problem) return refused(`${problem}。`, 'grievances', [problem]);
  }
  // A revisit's answer belongs to a call started as that revisit.
  const revisitResult = call.revisitResult ?? null;
  if (revisitResult && (started.purpose !== 'revisit' || !started.followUpId)) return refused('只有回访通话才能记录回访结果。', 'revisitResult', ['只有回访通话才能记录回访结果']);

  let maskedNumbers = 0;
  const mask = (text: string): string => {
    const result = maskPersonalNumbers(text);
    maskedNumbers += result.masked;
    return result.text;
  };
  // Stamped by the backend's clock, on its day: from calls.start to now. The contact's id is the call's.
  const now = clock.now();
  const contactId = call.callId;
  const householdId = call.householdId;
  const promises: PromiseRecord[] = call.promises.map((promise) => ({ ...promise, id: ids('promise'), householdId, contactId, createdAt: now, status: 'pending' }));
  const grievances: GrievanceRecord[] = call.grievances.map((grievance) => {
    const base = { id: ids('grievance'), householdId, contactId, createdAt: now, status: 'open' as const };
    if (grievance.kind === 'repair') {
      const { ticket } = grievance;
      const title = `${ticket.category}${ticket.location ? `（${mask(ticket.location)}）` : ''}`;
      return { ...base, kind: 'repair', title, words: mask(ticket.words), dueDate: repairRevisitDate(ticket, today), category: ticket.category, completedOn: null, leakTestOn: ticket.leakTestDate ?? null };
    }
    if (grievance.kind === 'complaint') {
      const deadlines = complaintDeadlines(grievance.severity, now, grievance.ownerDeadline ?? null);
      return { ...base, kind: 'complaint', title: `${grievance.severity}投诉`, words: mask(grievance.words), dueDate: deadlines.replyBy, severity: grievance.severity, ...deadlines };
    }
    const label = objectionTypes.find((objection) => objection.id === grievance.objection)?.label ?? '异议';
    return { ...base, kind: 'other', title: label, words: mask(grievance.words), dueDate: null, status: 'done' as const };
  });
  const followUp = (kind: FollowUp['kind'], dueDate: string, sourceId: string, title: string): FollowUp => ({ id: ids('follow'), householdId, kind, dueDate, sourceId, title, status: 'open', createdAt: now });
  const { callback } = agreed;
  const followUps: FollowUp[] = [
    ...promises.map((promise) => followUp('promise-check', promise.date, promise.id, `核对承诺：${promise.channel}缴 ${formatYuan(promise.amountFen)}`)),
    ...grievances.flatMap((grievance) =>
      grievance.dueDate ? [followUp(grievance.kind === 'repair' ? 'repair-revisit' : 'complaint-reply', grievance.dueDate, grievance.id, `${grievance.kind === 'repair' ? '维修回访' : '投诉答复'}：${grievance.title}`)] : [],
    ),
    ...(callback ? [{ ...followUp('callback', callback.date, contactId, callbackTitle(callback)), dueTime: callback.time, owner: callback.owner, ownerId: callback.owner === signer.steward ? signer.stewardId : null }] : []),
  ];
  const contact: ContactRecord = {
    id: contactId,
    householdId,
    at: started.startedAt,
    endedAt: now,
    channel: '电话',
    ...signer,
    outcome: outcomeLabel(call.outcome),
    outcomeId: call.outcome,
    notes: mask(call.notes),
    refusalReason: call.refusalReason === null ? null : mask(call.refusalReason),
    purpose: started.purpose,
    followUpId: started.followUpId,
    override: started.overridden,
    ownerType: call.ownerType ?? null,
    objection: call.objection,
  };
  const record: CallRecord = {
    contact,
    promises,
    grievances,
    followUps,
    ...(revisitResult && started.followUpId ? { revisit: { followUpId: started.followUpId, fixed: revisitResult === 'fixed', at: now, nextDue: addDays(today, NEXT_REVISIT_DAYS) } } : {}),
  };
  return { ok: true, record, maskedNumbers };
}
