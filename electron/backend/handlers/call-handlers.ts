import { ApiError, type CallStart, type ParsedInputOf } from '../../contract';
import { recordCall } from '../../../domain/call-record';
import { CLAIM_SECONDS, claimedMessage } from '../../../domain/claims';
import { maskPersonalNumbers } from '../../../domain/personal-numbers';
import { callProblemsOf } from '../follow-ups/today-queue';
import { recordId } from '../record-id';
import { signatureOf } from './desk';
import type { BackendContext, CallContext, Handler } from './types';

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
  const ownerType = ctx.queries.ownerType(input.householdId);
  // One household on one steward's screen: the claim first (atomic in the storage), released again if the start fails.
  const claim = await ctx.storage.claims.claim(input.householdId, ctx.actor, CLAIM_SECONDS);
  if (!claim.claimed) throw new ApiError({ code: 'CLAIMED', message: claimedMessage(claim.holder) });
  try {
    return await startInSlot(ctx, input, followUpId, ownerType);
  } catch (error) {
    const started = ctx.storage.drafts.read(ctx.actor.id).started;
    if (started?.householdId !== input.householdId) await ctx.storage.claims.release(input.householdId, ctx.actor.id);
    throw error;
  }
};

/** The start itself, in the acting user's call slot: one call at a time, the rules judged inside that write. */
async function startInSlot(ctx: CallContext, input: ParsedInputOf<'calls.start'>, followUpId: string | null, ownerType: CallStart['ownerType']): Promise<CallStart> {
  const settings = ctx.storage.teamSettings.read();
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
      startedAt: ctx.clock.now(),
      purpose: input.purpose,
      followUpId,
      // The reason goes into the contact log: full phone or ID numbers in it are masked.
      overridden: problems.length > 0 && input.override ? { reason: maskPersonalNumbers(input.override.reason).text, problems } : null,
      ownerType,
    };
  });
  return answer!;
}

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
  const built = recordCall(call, {
    clock,
    signer: signatureOf(ctx),
    ids: recordId,
    started: startedFor(ctx, call),
    horizonDays: storage.teamSettings.read().horizonDays,
    owedFen: ledger.summaryOf(call.householdId)?.owedFen ?? 0,
  });
  if (!built.ok) throw new ApiError({ code: 'VALIDATION', message: built.message, issues: built.issues });
  // Saved once: the contact's id is the call's, checked again inside the write against racing saves.
  await contacts.saveCall(built.record);
  // The call is over: its start and its draft go (a crash before this is harmless: a saved call counts as ended).
  await storage.drafts.update(actor.id, (data) => {
    if (data.started?.callId === call.callId) data.started = null;
    if (data.draft?.householdId === call.householdId) data.draft = null;
  });
  await storage.claims.release(call.householdId, actor.id);
  const { contact, promises, grievances, followUps } = built.record;
  return { contactId: contact.id, promises, grievances, followUps, maskedNumbers: built.maskedNumbers };
};

export const callsSaveDraft: Handler<'calls.saveDraft'> = async (draft, { storage, actor, clock }) => {
  await storage.drafts.update(actor.id, (data) => {
    data.draft = { ...draft, savedAt: clock.now() };
  });
  // The call screen is still on it: the claim is renewed (unless the call was never started, or it is another's now).
  if (storage.drafts.read(actor.id).started?.householdId === draft.householdId) await storage.claims.claim(draft.householdId, actor, CLAIM_SECONDS);
  return { saved: true };
};

export const callsDraft: Handler<'calls.draft'> = async (_input, ctx) => {
  const { draft, started } = ctx.storage.drafts.read(ctx.actor.id);
  return { draft, started: started && !savedAlready(ctx, started) ? started : null };
};

/** 放弃: the call in progress is given up, its draft and its start. */
export const callsClearDraft: Handler<'calls.clearDraft'> = async (_input, { storage, actor }) => {
  let released: string | undefined;
  await storage.drafts.update(actor.id, (data) => {
    released = data.started?.householdId ?? data.draft?.householdId;
    data.draft = null;
    data.started = null;
  });
  if (released) await storage.claims.release(released, actor.id);
  return { cleared: true };
};
