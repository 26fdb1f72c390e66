import { ApiError, type CallStart, type FollowUp, type GrievanceRecord, type ParsedInputOf, type PromiseRecord } from '../../contract';
import { callbackProblem, callbackTitle, type Callback } from '../../../domain/callback';
import { complaintDeadlines, objectionTypes, ownerDeadlineProblem, repairRevisitDate } from '../../../domain/grievance';
import { addDays, type IsoDate } from '../../../domain/dates';
import { formatYuan } from '../../../domain/money';
import { maskPersonalNumbers } from '../../../domain/personal-numbers';
import { callPromiseProblems } from '../../../domain/promise';
import { outcomeLabel } from '../../../state-machines/call-outcomes';
import { callProblemsOf } from '../follow-ups/today-queue';
import { recordId } from '../record-id';
import { nowOf, signatureOf, type Signature } from './desk';
import type { BackendContext, CallContext, Handler } from './types';

/** A revisit that found the problem unsolved comes back this many days later (the repair SLA's usual 2 days). */
const NEXT_REVISIT_DAYS = 2;

function refuseCallback(message: string, path: string): never {
  throw new ApiError({ code: 'VALIDATION', message: `回电安排有误：${message}。`, issues: [{ path, message }] });
}

/**
 * The callback a 约好回电 call leaves: the one agreed on the phone, checked against today and the team's horizon,
 * or by default tomorrow at any time, owned by this desk's steward.
 */
function agreedCallback(call: ParsedInputOf<'calls.save'>, rules: { today: IsoDate; horizonDays: number; signature: Signature }): Callback | null {
  if (call.outcome !== 'callback') {
    if (call.callback) refuseCallback('只有结果为“约好回电”的通话才能安排回电', 'callback');
    return null;
  }
  if (!call.callback) return { date: addDays(rules.today, 1), time: null, owner: rules.signature.steward };
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

const householdLabel = ({ ledger }: BackendContext, householdId: string): string => {
  const household = ledger.household(householdId);
  return household ? `${household.community} ${household.roomLabel}` : householdId.replace('|', ' ');
};

/** Whether a started call was saved already (its contact id is its call id): a crash may have come in between. */
const savedAlready = ({ contacts }: BackendContext, started: Pick<CallStart, 'householdId' | 'callId'>): boolean =>
  contacts.of(started.householdId).contacts.some((contact) => contact.id === started.callId);

/** A revisit is for one open 维修回访 or 投诉答复 of the household. */
function checkRevisit(ctx: BackendContext, householdId: string, followUpId: string): void {
  const followUp = ctx.contacts.of(householdId).followUps.find((entry) => entry.id === followUpId);
  if (!followUp) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条回访跟进，可能已被撤销。' });
  if (followUp.kind !== 'repair-revisit' && followUp.kind !== 'complaint-reply') {
    const message = '回访通话只能为维修回访或投诉答复而打';
    throw new ApiError({ code: 'VALIDATION', message: `${message}。`, issues: [{ path: 'followUpId', message }] });
  }
  if (followUp.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条回访已经完成了。' });
}

/**
 * 开始通话: judged by the backend's clock and records (callStartProblems, as 今日跟进 judges its rows). Refused with
 * the reasons unless the steward gives one to call anyway, which is kept with the problems it overrode. The
 * started call is kept in the acting user's call slot, one at a time: the check that no other is running, the rules and the
 * start itself happen inside that one write, so two tabs cannot both start.
 */
export const callsStart: Handler<'calls.start'> = async (input, ctx) => {
  ctx.queries.record(input.householdId); // 404 for an unknown household
  signatureOf(ctx);
  const followUpId = input.followUpId ?? null;
  if (input.purpose === 'revisit') checkRevisit(ctx, input.householdId, followUpId!);
  const settings = ctx.storage.teamSettings.read();
  const ownerType = ctx.queries.ownerType(input.householdId);
  let answer: CallStart | undefined;
  await ctx.storage.drafts.update(ctx.actor.id, (data) => {
    if (data.started && savedAlready(ctx, data.started)) data.started = null;
    if (data.started) {
      // The same household again (a second press, a reload, a restart): the call already started.
      if (data.started.householdId === input.householdId) {
        answer = data.started;
        return;
      }
      throw new ApiError({ code: 'CONFLICT', message: `有一通未结束的通话（${householdLabel(ctx, data.started.householdId)}）：请先结束或放弃` });
    }
    const problems = callProblemsOf(ctx.ledger, ctx.contacts, input.householdId, { purpose: input.purpose, today: ctx.clock.today(), time: ctx.clock.timeOfDay(), settings });
    if (problems.length > 0 && !input.override) {
      throw new ApiError({
        code: 'CONFLICT',
        message: `现在不宜拨打这一户：${problems.join('；')}。确需拨打请说明原因。`,
        issues: problems.map((message) => ({ path: 'problems', message })),
      });
    }
    answer = data.started = {
      callId: recordId('call'),
      householdId: input.householdId,
      startedAt: nowOf(ctx),
      purpose: input.purpose,
      followUpId,
      // The reason goes into the contact log: full phone or ID numbers in it are masked.
      overridden: problems.length > 0 && input.override ? { reason: maskPersonalNumbers(input.override.reason).text, problems } : null,
      ownerType,
    };
  });
  return answer!;
};

export const callsCheck: Handler<'calls.check'> = async ({ householdId, purpose }, ctx) => {
  ctx.queries.record(householdId); // 404 for an unknown household
  return { problems: callProblemsOf(ctx.ledger, ctx.contacts, householdId, { purpose, today: ctx.clock.today(), time: ctx.clock.timeOfDay(), settings: ctx.storage.teamSettings.read() }) };
};

/** The started call a save is for: this household's, not saved yet. */
function startedFor(ctx: CallContext, call: ParsedInputOf<'calls.save'>): CallStart {
  if (savedAlready(ctx, { householdId: call.householdId, callId: call.callId })) throw new ApiError({ code: 'CONFLICT', message: '这通电话已经保存过了，不会重复记录。' });
  const started = ctx.storage.drafts.read(ctx.actor.id).started;
  if (!started || started.callId !== call.callId || started.householdId !== call.householdId) throw new ApiError({ code: 'CONFLICT', message: '这通电话没有开始记录，请重新开始通话' });
  return started;
}

export const callsSave: Handler<'calls.save'> = async (call, ctx) => {
  const { contacts, ledger, queries, storage, clock, actor } = ctx;
  queries.record(call.householdId); // 404 for an unknown household
  const signature = signatureOf(ctx);
  const started = startedFor(ctx, call);
  const day = clock.today();
  const { horizonDays } = storage.teamSettings.read();
  const callback = agreedCallback(call, { today: day, horizonDays, signature });
  // The rules the promise form and the call flow apply, again here: a script or a second tab cannot skip them.
  const problems = callPromiseProblems(call.promises, { today: day, horizonDays, owedFen: ledger.summaryOf(call.householdId)?.owedFen ?? 0 });
  if (problems.length > 0) {
    throw new ApiError({ code: 'VALIDATION', message: `约定的缴费有误：${problems.join('；')}。`, issues: problems.map((message) => ({ path: 'promises', message })) });
  }
  for (const grievance of call.grievances) {
    if (grievance.kind !== 'complaint' || grievance.ownerDeadline === undefined) continue;
    const problem = grievance.severity === '轻微' ? ownerDeadlineProblem(grievance.ownerDeadline, day) : '只有轻微投诉按业主要求的期限处理';
    if (problem) throw new ApiError({ code: 'VALIDATION', message: `${problem}。`, issues: [{ path: 'grievances', message: problem }] });
  }
  // A revisit's answer belongs to a call started as that revisit.
  const revisitResult = call.revisitResult ?? null;
  if (revisitResult && (started.purpose !== 'revisit' || !started.followUpId)) {
    const message = '只有回访通话才能记录回访结果';
    throw new ApiError({ code: 'VALIDATION', message: `${message}。`, issues: [{ path: 'revisitResult', message }] });
  }
  // Stamped by the backend's clock, on the backend's day (fixed in test mode): from calls.start to now.
  const now = nowOf(ctx);
  const text = masker();
  // The contact's id is the call's: saved once (checked again inside the write, against racing saves).
  const contactId = call.callId;
  const promises: PromiseRecord[] = call.promises.map((promise) => ({ ...promise, id: recordId('promise'), householdId: call.householdId, contactId, createdAt: now, status: 'pending' }));
  const grievances: GrievanceRecord[] = call.grievances.map((grievance) => {
    const base = { id: recordId('grievance'), householdId: call.householdId, contactId, createdAt: now, status: 'open' as const };
    if (grievance.kind === 'repair') {
      const { ticket } = grievance;
      const title = `${ticket.category}${ticket.location ? `（${text.mask(ticket.location)}）` : ''}`;
      return { ...base, kind: 'repair', title, words: text.mask(ticket.words), dueDate: repairRevisitDate(ticket, day), category: ticket.category, completedOn: null, leakTestOn: ticket.leakTestDate ?? null };
    }
    if (grievance.kind === 'complaint') {
      const deadlines = complaintDeadlines(grievance.severity, now, grievance.ownerDeadline ?? null);
      return { ...base, kind: 'complaint', title: `${grievance.severity}投诉`, words: text.mask(grievance.words), dueDate: deadlines.replyBy, severity: grievance.severity, ...deadlines };
    }
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
    ...(callback ? [{ ...followUp('callback', callback.date, contactId, callbackTitle(callback)), dueTime: callback.time, owner: callback.owner, ownerId: callback.owner === signature.steward ? signature.stewardId : null }] : []),
  ];
  await contacts.saveCall({
    contact: {
      id: contactId,
      householdId: call.householdId,
      at: started.startedAt,
      endedAt: now,
      channel: '电话',
      ...signature,
      outcome: outcomeLabel(call.outcome),
      outcomeId: call.outcome,
      notes: text.mask(call.notes),
      refusalReason: call.refusalReason === null ? null : text.mask(call.refusalReason),
      purpose: started.purpose,
      followUpId: started.followUpId,
      override: started.overridden,
      ownerType: call.ownerType ?? null,
      objection: call.objection,
    },
    promises,
    grievances,
    followUps,
    ...(revisitResult && started.followUpId
      ? { revisit: { followUpId: started.followUpId, fixed: revisitResult === 'fixed', at: now, nextDue: addDays(day, NEXT_REVISIT_DAYS) } }
      : {}),
  });
  // The call is over: its start and its draft go (a crash before this is harmless: a saved call counts as ended).
  await storage.drafts.update(actor.id, (data) => {
    if (data.started?.callId === call.callId) data.started = null;
    if (data.draft?.householdId === call.householdId) data.draft = null;
  });
  return { contactId, promises, grievances, followUps, maskedNumbers: text.masked() };
};

export const callsSaveDraft: Handler<'calls.saveDraft'> = async (draft, { storage, actor, clock }) => {
  await storage.drafts.update(actor.id, (data) => {
    data.draft = { ...draft, savedAt: clock.now() };
  });
  return { saved: true };
};

export const callsDraft: Handler<'calls.draft'> = async (_input, ctx) => {
  const { draft, started } = ctx.storage.drafts.read(ctx.actor.id);
  return { draft, started: started && !savedAlready(ctx, started) ? started : null };
};

/** 放弃: the call in progress is given up, its draft and its start. */
export const callsClearDraft: Handler<'calls.clearDraft'> = async (_input, { storage, actor }) => {
  await storage.drafts.update(actor.id, (data) => {
    data.draft = null;
    data.started = null;
  });
  return { cleared: true };
};
