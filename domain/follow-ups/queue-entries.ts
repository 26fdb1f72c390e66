/** 今日跟进's entries: what is due for one household on a day, its entry keys, and the order of the list. */
import { addDays, type IsoDate } from '../dates';
import { formatFen, type Fen } from '../money';
import { isNoticeStep, monthsOverdueOn, noticeKinds, noticesDue, type IssuedNotice, type NoticeKind, type UnpaidBill } from '../notice-ladder';
import { monthlyRoundDue } from './monthly-round';
import type { PromiseFacts, PromiseState } from './promises';
import type { TeamSettings } from './team-settings';

export type QueueKind = 'broken-promise' | 'promise-due' | 'callback' | 'repair-revisit' | 'complaint-reply' | 'promise-message' | 'notice' | 'monthly-round';

/** Order of work in the morning: broken promises first, the monthly round last. */
export const queueKinds: readonly { id: QueueKind; label: string; priority: number }[] = [
  { id: 'broken-promise', label: '失约', priority: 1 },
  { id: 'promise-due', label: '承诺到期', priority: 2 },
  { id: 'callback', label: '约好回电', priority: 3 },
  { id: 'repair-revisit', label: '维修回访', priority: 4 },
  { id: 'complaint-reply', label: '投诉答复', priority: 5 },
  { id: 'promise-message', label: '到期前提醒（短信）', priority: 6 },
  { id: 'notice', label: '待发通知', priority: 7 },
  { id: 'monthly-round', label: '月度提醒', priority: 8 },
];

export interface FollowUpFacts {
  id: string;
  kind: 'promise-check' | 'repair-revisit' | 'complaint-reply' | 'callback';
  dueDate: IsoDate;
  status: 'open' | 'done';
  title: string;
  dueTime?: string | null;
  /** A steward's name; null or absent for the team pool. */
  owner?: string | null;
  /** That steward's user id (absent on records from before ids). */
  ownerId?: string | null;
  /** ISO timestamp of when it was agreed. */
  createdAt?: string;
}

/** What stewards did with the queue for one household (see digestQueueActions). */
export interface QueueHandling {
  /** Keys of entries marked done. */
  completed: ReadonlySet<string>;
  /** Out of the queue before this day. */
  snoozedUntil: IsoDate | null;
  /** Handed to a steward (a name) or the team pool (null); undefined if never reassigned. */
  assignee: string | null | undefined;
  /** The assignee's user id, when the reassignment recorded one. */
  assigneeId?: string | null;
  /** When that last reassignment was made. */
  assignedAt?: string;
  /** Notices marked issued: the day, the ladder step, a 限期缴费通知书's deadline. */
  notices: readonly IssuedNotice[];
}

export const noHandling: QueueHandling = Object.freeze({ completed: new Set<string>(), snoozedUntil: null, assignee: undefined, notices: [] });

export interface QueueActionFacts {
  action: 'complete' | 'snooze' | 'reassign';
  entryKey: string | null;
  until: IsoDate | null;
  assignee: string | null;
  assigneeId?: string | null;
  /** ISO timestamp; the latest snooze and the latest reassignment count. */
  at: string;
  /** Issuing a 限期缴费通知书: the deadline it gives. */
  deadline?: IsoDate | null;
}

/** The standing effect of a household's queue actions. */
export function digestQueueActions(actions: readonly QueueActionFacts[]): QueueHandling {
  if (actions.length === 0) return noHandling;
  const completed = new Set<string>();
  const notices: IssuedNotice[] = [];
  let snooze: QueueActionFacts | null = null;
  let reassign: QueueActionFacts | null = null;
  for (const action of actions) {
    if (action.action === 'complete' && action.entryKey) {
      completed.add(action.entryKey);
      const notice = noticeOfKey(action.entryKey);
      if (notice) notices.push({ ...notice, day: action.at.slice(0, 10), deadline: action.deadline ?? null });
    }
    if (action.action === 'snooze' && (!snooze || action.at > snooze.at)) snooze = action;
    if (action.action === 'reassign' && (!reassign || action.at > reassign.at)) reassign = action;
  }
  return {
    completed,
    snoozedUntil: snooze?.until ?? null,
    assignee: reassign ? reassign.assignee : undefined,
    ...(reassign ? { assignedAt: reassign.at, assigneeId: reassign.assigneeId ?? null } : {}),
    notices,
  };
}

// Entry keys name one thing to do, so a steward can mark exactly that done.
export const promiseEntryKey = (kind: 'broken-promise' | 'promise-due' | 'promise-message', promiseId: string): string => `${kind}:${promiseId}`;
export const followUpEntryKey = (kind: FollowUpFacts['kind'], followUpId: string): string => `${kind}:${followUpId}`;
/** A notice's entry names its ladder step (older entries named the month they were issued in). */
export const noticeEntryKey = (notice: NoticeKind, step: string): string => `notice:${notice}:${step}`;
export const monthlyRoundEntryKey = (today: IsoDate): string => `monthly-round:${today.slice(0, 7)}`;
/** The notice an entry key issues, and its ladder step (null for a key that named a month). */
function noticeOfKey(key: string): { notice: NoticeKind; step: string | null } | null {
  const [kind, notice, step] = key.split(':');
  if (kind !== 'notice' || !noticeKinds.includes(notice as NoticeKind) || !step) return null;
  return { notice: notice as NoticeKind, step: /^\d{4}-\d{2}$/.test(step) ? null : step };
}

/** What an entry key names: the kind of entry and its reference (promise, follow-up, notice or month). */
export function parseEntryKey(key: string): { kind: QueueKind; ref: string } | null {
  const [kind, ref, ...rest] = key.split(':');
  if (!kind || !ref || !queueKinds.some((entry) => entry.id === kind)) return null;
  if (kind === 'notice') return noticeKinds.includes(ref as NoticeKind) && rest.length === 1 && isNoticeStep(rest[0]!) ? { kind, ref } : null;
  if (kind === 'monthly-round') return /^\d{4}-\d{2}$/.test(ref) && rest.length === 0 ? { kind, ref } : null;
  return rest.length === 0 ? { kind: kind as QueueKind, ref } : null;
}

export interface HouseholdFacts {
  householdId: string;
  kind: '住宅' | '商铺';
  owedFen: Fen;
  /** Unpaid bills (owed > 0): the notice ladder counts months past their due date from them. */
  unpaid: readonly UnpaidBill[];
  promises: (PromiseFacts & { state: PromiseState })[];
  followUps: FollowUpFacts[];
  /** Days on which the household was contacted (any channel). */
  contactDays: IsoDate[];
  /** An open repair or complaint. */
  openDispute: boolean;
  /** Every notice issued to the household. */
  noticesIssued: readonly IssuedNotice[];
  /** Days of phone calls that reached someone. */
  reachedPhoneDays: readonly IsoDate[];
  lastReminderOn: IsoDate | null;
  /** Entries marked done and a standing snooze; absent means none. */
  handling?: QueueHandling;
}

export interface QueueEntry {
  householdId: string;
  kind: QueueKind;
  /** Why the household is on today's list, in Chinese. */
  reason: string;
  priority: number;
  followUpId: string | null;
  key: string;
  /** Callbacks due today: the agreed time. */
  dueTime: string | null;
  /** Who does it: a callback's owner or the household's latest assignee; undefined when neither (the team pool). */
  owner?: string | null;
  /** That steward's user id, when known. */
  ownerId?: string | null;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of 今日跟进: most urgent kind first; callbacks by their agreed time (any time first); then the largest
 * debt — except in the monthly round, where normal payers come first (fewest months owed, then the smallest
 * amount): the sooner they pay, the more time is left for the hard cases. The id makes the order total.
 */
export function queueOrder(
  a: { priority: number; kind: QueueKind; dueTime: string | null; owedFen: Fen; monthsOverdue: number; householdId: string },
  b: typeof a,
): number {
  const debt = a.kind === 'monthly-round' && b.kind === 'monthly-round' ? a.monthsOverdue - b.monthsOverdue || a.owedFen - b.owedFen : b.owedFen - a.owedFen;
  return a.priority - b.priority || compareText(a.dueTime ?? '', b.dueTime ?? '') || debt || compareText(a.householdId, b.householdId);
}

const priorityOf = (kind: QueueKind): number => queueKinds.find((entry) => entry.id === kind)!.priority;

/**
 * Why a household belongs on the list for `today` (one entry per reason, most urgent first; the list shows
 * the first). Entries marked done are left out, and a snoozed household has none until its day.
 */
export function queueEntries(facts: HouseholdFacts, today: IsoDate, settings: TeamSettings): QueueEntry[] {
  const handling = facts.handling ?? noHandling;
  if (handling.snoozedUntil && today < handling.snoozedUntil) return [];
  const entries: QueueEntry[] = [];
  const add = (kind: QueueKind, reason: string, key: string, followUp?: FollowUpFacts) => {
    if (handling.completed.has(key)) return;
    // An agreed time holds on its day; once overdue, the callback is simply due.
    const dueTime = followUp?.dueDate === today ? (followUp.dueTime ?? null) : null;
    const entry: QueueEntry = { householdId: facts.householdId, kind, reason, priority: priorityOf(kind), followUpId: followUp?.id ?? null, key, dueTime };
    // A callback names who calls back, unless the household was handed to someone after it was agreed.
    const reassignedLater = handling.assignee !== undefined && (!followUp?.createdAt || (handling.assignedAt ?? '') > followUp.createdAt);
    if (followUp && followUp.owner !== undefined && !reassignedLater) Object.assign(entry, { owner: followUp.owner, ownerId: followUp.ownerId ?? null });
    else if (handling.assignee !== undefined) Object.assign(entry, { owner: handling.assignee, ownerId: handling.assigneeId ?? null });
    entries.push(entry);
  };
  for (const promise of facts.promises) {
    if (promise.state === 'broken') add('broken-promise', `约定 ${promise.date} 缴 ${formatFen(promise.amountFen)} 元，已过期未缴`, promiseEntryKey('broken-promise', promise.id));
    if (promise.state === 'pending' && promise.date === today) add('promise-due', `今天是约定缴费日（${formatFen(promise.amountFen)} 元）`, promiseEntryKey('promise-due', promise.id));
    if (promise.state === 'pending' && promise.date === addDays(today, 1)) add('promise-message', `明天是约定缴费日，今天发条提醒`, promiseEntryKey('promise-message', promise.id));
  }
  for (const followUp of facts.followUps) {
    if (followUp.status !== 'open' || followUp.dueDate > today || followUp.kind === 'promise-check') continue;
    const overdue = followUp.dueDate < today ? `（已超期，应于 ${followUp.dueDate}）` : '';
    add(followUp.kind, `${followUp.title}${overdue}`, followUpEntryKey(followUp.kind, followUp.id), followUp);
  }
  const promised = facts.promises.some((promise) => promise.state === 'pending');
  // 特别情况除外: no notice while a repair or complaint is open or a promise or plan runs.
  const held = facts.openDispute ? '有未处理完的报修或投诉' : promised ? '有正在进行的缴费约定' : null;
  for (const due of noticesDue({ kind: facts.kind, today, unpaid: facts.unpaid, reachedPhoneDays: facts.reachedPhoneDays, issued: facts.noticesIssued, held, ladder: settings.ladder })) {
    add('notice', `应发${due.notice}（${due.why}）`, noticeEntryKey(due.notice, due.step));
  }
  if (!promised && !facts.openDispute && monthlyRoundDue(today, facts.owedFen, facts.lastReminderOn)) {
    const monthsOwed = monthsOverdueOn(facts.unpaid, today);
    add('monthly-round', monthsOwed > 0 ? `本月尚未提醒，逾期 ${monthsOwed} 个月` : '本月尚未提醒', monthlyRoundEntryKey(today));
  }
  return entries.sort((a, b) => a.priority - b.priority);
}
