import { randomBytes } from 'node:crypto';
import type { FollowUp, GrievanceRecord, PromiseRecord } from '../../contract';
import { shanghaiTimestamp } from '../../../domain/clock';
import { complaintReplyDate, objectionTypes, repairRevisitDate } from '../../../domain/grievance';
import { addDays } from '../../../domain/dates';
import { formatYuan } from '../../../domain/money';
import { callOutcomes } from '../../../state-machines/call-outcomes';
import type { Handler } from './types';

const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export const callsSave: Handler<'calls.save'> = async (call, { contacts, queries, store, today }) => {
  queries.record(call.householdId); // 404 for an unknown household
  const day = today();
  // Stamped on the backend's day (fixed in test mode), at the current time of day.
  const now = `${day}${shanghaiTimestamp().slice(10)}`;
  const contactId = id('call');
  const steward = store.file('settings').read().stewardName || '未署名';
  const promises: PromiseRecord[] = call.promises.map((promise) => ({ ...promise, id: id('promise'), householdId: call.householdId, contactId, createdAt: now, status: 'pending' }));
  const grievances: GrievanceRecord[] = call.grievances.map((grievance) => {
    const base = { id: id('grievance'), householdId: call.householdId, contactId, createdAt: now, status: 'open' as const };
    if (grievance.kind === 'repair') {
      const { ticket } = grievance;
      return { ...base, kind: 'repair', title: `${ticket.category}${ticket.location ? `（${ticket.location}）` : ''}`, words: ticket.words, dueDate: repairRevisitDate(ticket, day) };
    }
    if (grievance.kind === 'complaint') return { ...base, kind: 'complaint', title: `${grievance.severity}投诉`, words: grievance.words, dueDate: complaintReplyDate(grievance.severity, day) };
    const label = objectionTypes.find((objection) => objection.id === grievance.objection)?.label ?? '异议';
    return { ...base, kind: 'other', title: label, words: grievance.words, dueDate: null, status: 'done' as const };
  });
  const followUp = (kind: FollowUp['kind'], dueDate: string, sourceId: string, title: string): FollowUp => ({
    id: id('follow'),
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
    ...(call.outcome === 'callback' ? [followUp('callback', addDays(day, 1), contactId, '约好回电')] : []),
  ];
  await contacts.saveCall({
    contact: {
      id: contactId,
      householdId: call.householdId,
      at: call.startedAt,
      endedAt: now,
      channel: '电话',
      steward,
      outcome: callOutcomes.find((outcome) => outcome.id === call.outcome)!.label,
      notes: call.notes,
      refusalReason: call.refusalReason,
    },
    promises,
    grievances,
    followUps,
  });
  return { contactId, promises, grievances, followUps };
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
