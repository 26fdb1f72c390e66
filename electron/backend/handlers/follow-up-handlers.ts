import { ApiError, type QueueAction } from '../../contract';
import { parseEntryKey } from '../../../domain/follow-up-rules';
import { addDays } from '../../../domain/dates';
import { shanghaiTimestamp } from '../../../domain/clock';
import { lintScript } from '../../../scripts-library/lint';
import { recordId } from '../record-id';
import type { BackendContext, Handler } from './types';

/** Snoozing further than this is not a snooze: reassign or complete instead. */
const MAX_SNOOZE_DAYS = 90;

export const followupsToday: Handler<'followups.today'> = async ({ date }, { queue, store, today, time }) => {
  const day = date ?? today();
  // For another day than today, the time of day does not apply: judge it as if at 10:00.
  return queue.build(day, day === today() ? time() : '10:00', store.file('teamSettings').read());
};

const invalid = (path: string, message: string) => new ApiError({ code: 'VALIDATION', message: `${message}。`, issues: [{ path, message }] });

/** Now, on the backend's day (fixed in test mode). */
const nowOf = ({ today }: BackendContext) => `${today()}${shanghaiTimestamp().slice(10)}`;
const stewardOf = ({ store }: BackendContext) => store.file('settings').read().stewardName || '未署名';

/** What completing an entry closes: its follow-up, and for a revisit or reply the grievance behind it. */
function closes(ctx: BackendContext, householdId: string, entryKey: string): Pick<QueueAction, 'closedFollowUpId' | 'closedGrievanceId'> {
  const parsed = parseEntryKey(entryKey);
  if (!parsed) throw invalid('entryKey', `不认识的跟进项「${entryKey}」`);
  const recorded = ctx.contacts.of(householdId);
  if (recorded.handling.completed.has(entryKey)) throw new ApiError({ code: 'CONFLICT', message: '这一项已经标记完成了。' });
  if (parsed.kind === 'callback' || parsed.kind === 'repair-revisit' || parsed.kind === 'complaint-reply') {
    const followUp = recorded.followUps.find((entry) => entry.id === parsed.ref && entry.kind === parsed.kind);
    if (!followUp) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条跟进，可能已被撤销。' });
    if (followUp.status === 'done') throw new ApiError({ code: 'CONFLICT', message: '这条跟进已经完成了。' });
    const grievance = parsed.kind === 'callback' ? undefined : recorded.grievances.find((entry) => entry.id === followUp.sourceId);
    return { closedFollowUpId: followUp.id, closedGrievanceId: grievance?.id ?? null };
  }
  if (parsed.kind === 'broken-promise' || parsed.kind === 'promise-due' || parsed.kind === 'promise-message') {
    if (!recorded.promises.some((promise) => promise.id === parsed.ref)) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条缴费承诺。' });
  }
  return { closedFollowUpId: null, closedGrievanceId: null };
}

export const followupsAct: Handler<'followups.act'> = async (input, ctx) => {
  ctx.queries.record(input.householdId); // 404 for an unknown household
  const base = { id: recordId('queue'), householdId: input.householdId, reason: input.reason, at: nowOf(ctx), steward: stewardOf(ctx) };
  let action: QueueAction;
  if (input.action === 'complete') {
    action = { ...base, action: 'complete', entryKey: input.entryKey, until: null, assignee: null, ...closes(ctx, input.householdId, input.entryKey) };
  } else if (input.action === 'snooze') {
    const today = ctx.today();
    if (input.until <= today) throw invalid('until', '暂缓到的日期要晚于今天');
    if (input.until > addDays(today, MAX_SNOOZE_DAYS)) throw invalid('until', `最多暂缓 ${MAX_SNOOZE_DAYS} 天`);
    action = { ...base, action: 'snooze', entryKey: null, until: input.until, assignee: null, closedFollowUpId: null, closedGrievanceId: null };
  } else {
    const roster = new Set([...ctx.store.file('teamSettings').read().stewards, ctx.store.file('settings').read().stewardName].filter(Boolean));
    if (input.assignee !== null && !roster.has(input.assignee)) throw invalid('assignee', `「${input.assignee}」不在团队的管家名单里，请先在团队设置中添加`);
    action = { ...base, action: 'reassign', entryKey: null, until: null, assignee: input.assignee, closedFollowUpId: null, closedGrievanceId: null };
  }
  await ctx.contacts.addQueueAction(action, base.at);
  return { action };
};

export const followupsUndo: Handler<'followups.undo'> = async ({ householdId, actionId }, { contacts }) => {
  if (!(await contacts.removeQueueAction(householdId, actionId))) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条操作，可能已经撤销过了。' });
  return { undone: true };
};

export const contactsLogMessage: Handler<'contacts.logMessage'> = async (input, ctx) => {
  ctx.queries.record(input.householdId);
  // What goes to an owner obeys the same law as the script library: no threats, no 曝光, no full numbers.
  const errors = lintScript(input.text).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new ApiError({ code: 'VALIDATION', message: `消息未通过合规检查：${errors[0]!.message}`, issues: errors.map((finding) => ({ path: 'text', message: finding.message })) });
  const at = nowOf(ctx);
  const steward = stewardOf(ctx);
  const contactId = recordId('message');
  const completes: QueueAction | undefined = input.entryKey
    ? { id: recordId('queue'), householdId: input.householdId, action: 'complete', entryKey: input.entryKey, reason: `已发${input.channel}提醒`, until: null, assignee: null, at, steward, ...closes(ctx, input.householdId, input.entryKey) }
    : undefined;
  await ctx.contacts.addContact({ id: contactId, householdId: input.householdId, at, channel: input.channel, steward, outcome: '已发提醒', notes: input.text }, completes);
  return { contactId };
};

export const teamSettingsGet: Handler<'teamSettings.get'> = async (_input, { store }) => structuredClone(store.file('teamSettings').read());

export const teamSettingsUpdate: Handler<'teamSettings.update'> = async (settings, { store }) =>
  store.file('teamSettings').update((draft) => {
    Object.assign(draft, settings);
  });
