import { ApiError, type QueueAction } from '../../contract';
import { parseEntryKey, type RosterMember } from '../../../domain/follow-up-rules';
import { categoryOfTitle, repairCompletionProblem, revisitDueAfterRepair } from '../../../domain/grievance';
import { noticeDeadlineProblem, noticeNeedsDeadline, type NoticeKind } from '../../../domain/notice-ladder';
import { assignableStewards, assigneeOf, messageSettles, snoozeProblem } from '../../../domain/queue-actions';
import { maskPersonalNumbers } from '../../../domain/personal-numbers';
import { CLAIM_SECONDS, claimHolds } from '../../../domain/claims';
import { communityScope } from '../../../domain/roles';
import { lintScript } from '../../../scripts-library/lint';
import { queuePage } from '../follow-ups/queue-page';
import { recordId } from '../record-id';
import { signatureOf } from './desk';
import type { BackendContext, CallContext, Handler } from './types';

export const followupsToday: Handler<'followups.today'> = async ({ date, ...filters }, { queue, revisits, storage, clock, actor }) => {
  const day = date ?? clock.today();
  // For another day than today, the time of day does not apply: judge it as if at 10:00.
  const built = queue.build(day, day === clock.today() ? clock.timeOfDay() : '10:00', storage.teamSettings.read());
  const page = queuePage(built, filters, communityScope(actor));
  // Who else is on a call with a row's household right now (this server's view of the claims).
  const now = Date.now();
  const rows = page.rows.map((row) => {
    const holder = storage.claims.holderOf(row.householdId);
    return claimHolds(holder, now) && holder.userId !== actor.id ? { ...row, claimedBy: holder.name } : row;
  });
  return { ...page, rows, revisits: revisits.monthOf(day) };
};

export const followupsNext: Handler<'followups.next'> = async (filters, { queue, storage, clock, actor }) => {
  const built = queue.build(clock.today(), clock.timeOfDay(), storage.teamSettings.read());
  const { rows } = queuePage(built, { ...filters, offset: 0, limit: built.rows.length || 1 }, communityScope(actor));
  const callable = rows.filter((row) => row.callable);
  const claimed = await storage.claims.claimFirst(
    callable.map((row) => row.householdId),
    actor,
    CLAIM_SECONDS,
  );
  return { row: callable.find((row) => row.householdId === claimed) ?? null };
};

const invalid = (path: string, message: string) => new ApiError({ code: 'VALIDATION', message: `${message}。`, issues: [{ path, message }] });


/**
 * What completing an entry closes: its follow-up, and for a revisit or reply the grievance behind it. (That it
 * is not done already is checked by the contact store, in the write itself.)
 */
function closes(ctx: BackendContext, householdId: string, entryKey: string): Pick<QueueAction, 'closedFollowUpId' | 'closedGrievanceId'> {
  const parsed = parseEntryKey(entryKey);
  if (!parsed) throw invalid('entryKey', `不认识的跟进项「${entryKey}」`);
  const recorded = ctx.contacts.of(householdId);
  if (parsed.kind === 'callback' || parsed.kind === 'repair-revisit' || parsed.kind === 'complaint-reply') {
    const followUp = recorded.followUps.find((entry) => entry.id === parsed.ref && entry.kind === parsed.kind);
    if (!followUp) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条跟进，可能已被撤销。' });
    const grievance = parsed.kind === 'callback' ? undefined : recorded.grievances.find((entry) => entry.id === followUp.sourceId);
    return { closedFollowUpId: followUp.id, closedGrievanceId: grievance?.id ?? null };
  }
  // Anything else (a promise's entry, a notice, the month's round) can be marked done only while it is due.
  const due = ctx.queue.entriesOf(householdId, ctx.clock.today(), ctx.storage.teamSettings.read());
  if (!due.some((entry) => entry.key === entryKey)) throw new ApiError({ code: 'CONFLICT', message: '这一项今天不在跟进列表里（可能已处理或还没到期），无法标记完成。' });
  return { closedFollowUpId: null, closedGrievanceId: null };
}

/** A 限期缴费通知书 is issued with its deadline, within the ladder's bounds; nothing else takes one. */
function noticeDeadlineOf(entryKey: string, deadline: string | undefined, today: string): string | null {
  const parsed = parseEntryKey(entryKey);
  const needs = parsed?.kind === 'notice' && noticeNeedsDeadline(parsed.ref as NoticeKind);
  if (!needs) {
    if (deadline !== undefined) throw invalid('deadline', '只有限期缴费通知书需要填写缴费期限');
    return null;
  }
  if (deadline === undefined) throw invalid('deadline', '限期缴费通知书要写明缴费期限');
  const problem = noticeDeadlineProblem(deadline, today);
  if (problem) throw invalid('deadline', problem);
  return deadline;
}

export const followupsAct: Handler<'followups.act'> = async (input, ctx) => {
  ctx.queries.record(input.householdId); // 404 for an unknown household
  // The reason goes into the contact log: full phone or ID numbers in it are masked.
  const base = { id: recordId('queue'), householdId: input.householdId, reason: maskPersonalNumbers(input.reason).text, at: ctx.clock.now(), ...signatureOf(ctx) };
  let action: QueueAction;
  if (input.action === 'complete') {
    const deadline = noticeDeadlineOf(input.entryKey, input.deadline, ctx.clock.today());
    action = { ...base, action: 'complete', entryKey: input.entryKey, until: null, assignee: null, ...closes(ctx, input.householdId, input.entryKey), ...(deadline ? { deadline } : {}) };
  } else if (input.action === 'snooze') {
    const problem = snoozeProblem(input.until, ctx.clock.today());
    if (problem) throw invalid('until', problem);
    action = { ...base, action: 'snooze', entryKey: null, until: input.until, assignee: null, closedFollowUpId: null, closedGrievanceId: null };
  } else {
    const assignee = assigneeOf(input.assigneeId, assignablePeople(ctx));
    if (assignee && 'problem' in assignee) throw invalid('assigneeId', assignee.problem);
    action = { ...base, action: 'reassign', entryKey: null, until: null, assignee: assignee?.name ?? null, assigneeId: assignee?.id ?? null, closedFollowUpId: null, closedGrievanceId: null };
  }
  await ctx.contacts.addQueueAction(action, base.at);
  return { action };
};

/** 维修已完成: the revisit is then due by the 规程's days after the repair (a leak: after its leak test). */
export const grievancesRepairDone: Handler<'grievances.repairDone'> = async ({ householdId, grievanceId, completedOn, leakTestOn }, ctx) => {
  ctx.queries.record(householdId); // 404 for an unknown household
  const today = ctx.clock.today();
  return ctx.contacts.recordRepairDone(householdId, grievanceId, { completedOn, leakTestOn }, (repair) => {
    const category = repair.category ?? categoryOfTitle(repair.title);
    const problem = repairCompletionProblem({ reportedOn: repair.createdAt.slice(0, 10), completedOn, leakTestOn, today });
    if (problem) throw invalid('completedOn', problem);
    if (leakTestOn && category !== '漏水渗水') throw invalid('leakTestOn', '只有漏水渗水的维修需要试漏日期');
    return { revisitOn: revisitDueAfterRepair(category, completedOn, leakTestOn) };
  });
};

export const followupsUndo: Handler<'followups.undo'> = async ({ householdId, actionId }, { contacts }) => {
  await contacts.removeQueueAction(householdId, actionId);
  return { undone: true };
};

export const contactsLogMessage: Handler<'contacts.logMessage'> = async (input, ctx) => {
  ctx.queries.record(input.householdId);
  const signature = signatureOf(ctx);
  if (input.entryKey && !messageSettles(parseEntryKey(input.entryKey)?.kind ?? '')) throw invalid('entryKey', '短信或微信只能了结到期前提醒、失约提醒和月度提醒');
  // What goes to an owner obeys the same law as the script library: no threats, no 曝光, no full numbers.
  const errors = lintScript(input.text, { customTerms: ctx.storage.teamSettings.read().lintTerms }).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new ApiError({ code: 'VALIDATION', message: `消息未通过合规检查：${errors[0]!.message}`, issues: errors.map((finding) => ({ path: 'text', message: finding.message })) });
  const at = ctx.clock.now();
  const contactId = recordId('message');
  const completes: QueueAction | undefined = input.entryKey
    ? { id: recordId('queue'), householdId: input.householdId, action: 'complete', entryKey: input.entryKey, reason: `已发${input.channel}提醒`, until: null, assignee: null, at, ...signature, ...closes(ctx, input.householdId, input.entryKey) }
    : undefined;
  await ctx.contacts.addContact({ id: contactId, householdId: input.householdId, at, channel: input.channel, ...signature, outcome: '已发提醒', notes: input.text }, completes);
  return { contactId };
};

export const teamSettingsGet: Handler<'teamSettings.get'> = async (_input, { storage }) => structuredClone(storage.teamSettings.read());

/**
 * Whom the acting steward may hand a household to: themselves, then the team's accounts that work the phones (team
 * mode), or the roster in 团队设置 (local mode, which has no accounts).
 */
function assignablePeople(ctx: Pick<CallContext, 'storage' | 'actor'>): RosterMember[] {
  const accounts = ctx.storage.users.list().filter((user) => user.roles.some((role) => role === 'steward' || role === 'lead'));
  const roster = accounts.length > 0 ? accounts.map(({ id, name }) => ({ id, name })) : ctx.storage.teamSettings.read().stewards;
  return assignableStewards(roster, ctx.actor);
}

export const followupsAssignees: Handler<'followups.assignees'> = async (_input, ctx) => {
  const [me, ...others] = assignablePeople(ctx);
  return { me: me ?? { id: ctx.actor.id, name: ctx.actor.name }, assignable: me ? [me, ...others] : others };
};

export const teamSettingsUpdate: Handler<'teamSettings.update'> = async (settings, { storage }) =>
  storage.teamSettings.update((draft) => {
    // Checked inside the write: an id must be one the roster already has (a new name comes without one).
    const known = new Set(draft.stewards.map((member) => member.id));
    const unknown = settings.stewards.find((entry) => entry.id !== undefined && !known.has(entry.id));
    if (unknown) throw invalid('stewards', `管家名单里的「${unknown.name}」不是已有的管家（编号不对），请重新打开团队设置后再保存`);
    Object.assign(draft, settings, { stewards: settings.stewards.map((entry) => ({ id: entry.id ?? recordId('steward'), name: entry.name })) });
  });
