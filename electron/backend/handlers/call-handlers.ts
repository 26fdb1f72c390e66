import { ApiError, type FollowUp, type GrievanceRecord, type ParsedInputOf, type PromiseRecord } from '../../contract';
import { callbackProblem, callbackTitle, type Callback } from '../../../domain/callback';
import { plausibleClaim, shanghaiTimestamp } from '../../../domain/clock';
import { complaintReplyDate, objectionTypes, repairRevisitDate } from '../../../domain/grievance';
import { addDays, type IsoDate } from '../../../domain/dates';
import { formatYuan } from '../../../domain/money';
import { maskPersonalNumbers } from '../../../domain/personal-numbers';
import { callPromiseProblems } from '../../../domain/promise';
import { callOutcomes } from '../../../state-machines/call-outcomes';
import { recordId } from '../record-id';
import type { Handler } from './types';


function refuseCallback(message: string, path: string): never {
  throw new ApiError({ code: 'VALIDATION', message: `回电安排有误：${message}。`, issues: [{ path, message }] });
}

/**
 * The callback a 约好回电 call leaves: the one agreed on the phone, checked against today and the team's horizon,
 * or by default tomorrow at any time, owned by this desk's steward (the team pool when no name is set).
 */
function agreedCallback(call: ParsedInputOf<'calls.save'>, rules: { today: IsoDate; horizonDays: number; stewardName: string }): Callback | null {
  if (call.outcome !== 'callback') {
    if (call.callback) refuseCallback('只有结果为“约好回电”的通话才能安排回电', 'callback');
    return null;
  }
  if (!call.callback) return { date: addDays(rules.today, 1), time: null, owner: rules.stewardName || null };
  const problem = callbackProblem(call.callback, rules);
  if (problem) refuseCallback(problem, 'callback.date');
  return call.callback;
}

/** Free text going into the contact log, with any full phone or ID number masked; counts what was masked. */
function masker() {
  let masked = 0;
  const mask = (text: string): string => {
    const result = maskPersonalNumbers(text);
    masked += result.masked;
    return result.text;
  };
  return { mask, masked: () => masked };
}

export const callsSave: Handler<'calls.save'> = async (call, { contacts, ledger, queries, store, today }) => {
  queries.record(call.householdId); // 404 for an unknown household
  const day = today();
  const { stewardName } = store.file('settings').read();
  const { horizonDays } = store.file('teamSettings').read();
  const callback = agreedCallback(call, { today: day, horizonDays, stewardName });
  // The rules the promise form and the call flow apply, again here: a script or a second tab cannot skip them.
  const problems = callPromiseProblems(call.promises, { today: day, horizonDays, owedFen: ledger.summaryOf(call.householdId)?.owedFen ?? 0 });
  if (problems.length > 0) {
    throw new ApiError({ code: 'VALIDATION', message: `约定的缴费有误：${problems.join('；')}。`, issues: problems.map((message) => ({ path: 'promises', message })) });
  }
  // Stamped by the backend's clock, on the backend's day (fixed in test mode); the client's start time is a claim.
  const now = `${day}${shanghaiTimestamp().slice(10)}`;
  const startedAt = plausibleClaim(call.startedAt, now);
  const text = masker();
  const contactId = recordId('call');
  const steward = stewardName || '未署名';
  const promises: PromiseRecord[] = call.promises.map((promise) => ({ ...promise, id: recordId('promise'), householdId: call.householdId, contactId, createdAt: now, status: 'pending' }));
  const grievances: GrievanceRecord[] = call.grievances.map((grievance) => {
    const base = { id: recordId('grievance'), householdId: call.householdId, contactId, createdAt: now, status: 'open' as const };
    if (grievance.kind === 'repair') {
      const { ticket } = grievance;
      return { ...base, kind: 'repair', title: `${ticket.category}${ticket.location ? `（${text.mask(ticket.location)}）` : ''}`, words: text.mask(ticket.words), dueDate: repairRevisitDate(ticket, day) };
    }
    if (grievance.kind === 'complaint') return { ...base, kind: 'complaint', title: `${grievance.severity}投诉`, words: text.mask(grievance.words), dueDate: complaintReplyDate(grievance.severity, day) };
    const label = objectionTypes.find((objection) => objection.id === grievance.objection)?.label ?? '异议';
    return { ...base, kind: 'other', title: label, words: text.mask(grievance.words), dueDate: null, status: 'done' as const };
  });
  const followUp = (kind: FollowUp['kind'], dueDate: string, sourceId: string, title: string): FollowUp => ({
    id: recordId('follow'),
    householdId: call.householdId,
    kind,
    dueDate,
    sourceId,
    title,
    status: 'open',
    createdAt: now,
  });
  const followUps: FollowUp[] = [
    ...promises.map((promise) => followUp('promise-check', promise.date, promise.id, `核对承诺：${promise.channel}缴 ${formatYuan(promise.amountFen)}`)),
    ...grievances.flatMap((grievance) =>
      grievance.dueDate ? [followUp(grievance.kind === 'repair' ? 'repair-revisit' : 'complaint-reply', grievance.dueDate, grievance.id, `${grievance.kind === 'repair' ? '维修回访' : '投诉答复'}：${grievance.title}`)] : [],
    ),
    ...(callback ? [{ ...followUp('callback', callback.date, contactId, callbackTitle(callback)), dueTime: callback.time, owner: callback.owner }] : []),
  ];
  await contacts.saveCall({
    contact: {
      id: contactId,
      householdId: call.householdId,
      at: now,
      endedAt: now,
      ...(startedAt ? { startedAt } : {}),
      channel: '电话',
      steward,
      outcome: callOutcomes.find((outcome) => outcome.id === call.outcome)!.label,
      notes: text.mask(call.notes),
      refusalReason: call.refusalReason === null ? null : text.mask(call.refusalReason),
    },
    promises,
    grievances,
    followUps,
  });
  return { contactId, promises, grievances, followUps, maskedNumbers: text.masked() };
};

export const callsSaveDraft: Handler<'calls.saveDraft'> = async (draft, { store }) => {
  await store.file('callDraft').update((data) => {
    data.draft = { ...draft, savedAt: shanghaiTimestamp() };
  });
  return { saved: true };
};

export const callsDraft: Handler<'calls.draft'> = async (_input, { store }) => ({ draft: store.file('callDraft').read().draft });

export const callsClearDraft: Handler<'calls.clearDraft'> = async (_input, { store }) => {
  await store.file('callDraft').update((data) => {
    data.draft = null;
  });
  return { cleared: true };
};
