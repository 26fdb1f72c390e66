/**
 * The follow-up engine's rules, as pure functions of an injected "today" (a calendar day in Asia/Shanghai)
 * and, for call windows, the time of day. Promise lifecycle, the monthly reminder round, the notice ladder,
 * and contact limits that say why a household may not be called now.
 */
import { addDays, addMonths, type IsoDate } from './dates';
import { formatFen, type Fen } from './money';

// ── settings ───────────────────────────────────────────────────────────────

export interface CallWindow {
  start: string; // HH:mm
  end: string;
}

export interface TeamSettings {
  /** Days after the promised date before a promise counts as broken. */
  graceDays: number;
  callWindows: CallWindow[];
  maxCallsPerDay: number;
  maxCallsPerWeek: number;
  /** How far ahead a promise may be pinned. */
  horizonDays: number;
  ladder: { residential: boolean; shops: boolean; writtenDemand: boolean };
  /** The team's stewards, for handing a household to someone else. */
  stewards: string[];
  /** The company's 收款账户 as stewards read it to an owner (bank, account number, account name); '' when not set. */
  paymentAccount: string;
}

export const defaultTeamSettings: TeamSettings = {
  graceDays: 1,
  callWindows: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '20:00' },
  ],
  maxCallsPerDay: 1,
  maxCallsPerWeek: 3,
  horizonDays: 30,
  ladder: { residential: true, shops: true, writtenDemand: true },
  stewards: [],
  paymentAccount: '',
};

// ── promises ───────────────────────────────────────────────────────────────

export interface PromiseFacts {
  id: string;
  date: IsoDate;
  amountFen: Fen;
  /** The day the promise was made: payments from then on count towards it. */
  madeOn: IsoDate;
  cancelled?: boolean;
}

export interface PaymentFacts {
  paidOn: IsoDate;
  amountFen: Fen;
}

export type PromiseState = 'pending' | 'kept' | 'broken' | 'cancelled';

/**
 * Settles a household's promises against its payments. Payments made since the earliest promise count,
 * oldest promise first: one payment can keep several promises, several payments can keep one. A promise not
 * covered once its date plus the grace days has passed is broken.
 */
export function settlePromises(promises: readonly PromiseFacts[], payments: readonly PaymentFacts[], today: IsoDate, graceDays: number): Map<string, PromiseState> {
  const states = new Map<string, PromiseState>();
  const active = promises.filter((promise) => !promise.cancelled).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const promise of promises) if (promise.cancelled) states.set(promise.id, 'cancelled');
  if (active.length === 0) return states;
  const since = active.reduce((earliest, promise) => (promise.madeOn < earliest ? promise.madeOn : earliest), active[0]!.madeOn);
  let available = payments.filter((payment) => payment.paidOn >= since && payment.paidOn <= today).reduce((sum, payment) => sum + payment.amountFen, 0);
  for (const promise of active) {
    if (available >= promise.amountFen) {
      available -= promise.amountFen;
      states.set(promise.id, 'kept');
    } else {
      states.set(promise.id, today > addDays(promise.date, graceDays) ? 'broken' : 'pending');
    }
  }
  return states;
}

// ── the monthly round and the notice ladder ────────────────────────────────

export const day = (date: IsoDate): number => Number(date.slice(8, 10));

/** From the 5th of each month every unpaid household gets an individual reminder, once a month. */
export function monthlyRoundDue(today: IsoDate, owedFen: Fen, lastReminderOn: IsoDate | null): boolean {
  if (owedFen <= 0 || day(today) < 5) return false;
  return !lastReminderOn || lastReminderOn.slice(0, 7) !== today.slice(0, 7);
}

export type NoticeKind = '收费通知书' | '催费通知书' | '限期缴费通知书' | '律师函' | 'EMS书面催告';

export interface IssuedNotice {
  notice: NoticeKind;
  day: IsoDate;
}

/**
 * 住宅: by months owed — 3 → 收费通知书, 4 → 催费通知书, 6 → 限期缴费通知书, more than 12 → 律师函; and by date: from
 * the 25th of a month an unpaid household is due a 催费通知书.
 * 商铺: monthly 收费通知书; from the 25th 催费通知书; from the next month's 5th 催费通知书 again; from its 13th
 * 限期缴费通知书.
 * Both: phone reminders that stayed unpaid for 3 months → a written demand by EMS.
 */
export function noticeDue(input: {
  kind: '住宅' | '商铺';
  monthsOwed: number;
  today: IsoDate;
  /** The first unpaid period's start: the month the shop ladder counts from. */
  earliestUnpaid: IsoDate | null;
  /** The first phone reminder since the arrears began, if any. */
  firstPhoneReminderOn: IsoDate | null;
  /** Notices issued in this arrears spell, with their days (a shop's second 催费通知书 counts from the next month's 5th). */
  issued: readonly IssuedNotice[];
  ladder: TeamSettings['ladder'];
}): NoticeKind | null {
  const { kind, monthsOwed, today, issued, ladder } = input;
  if (monthsOwed <= 0) return null;
  const due = (notice: NoticeKind) => (issued.some((entry) => entry.notice === notice) ? null : notice);
  if (ladder.writtenDemand && input.firstPhoneReminderOn && addMonths(input.firstPhoneReminderOn, 3) <= today) {
    const ems = due('EMS书面催告');
    if (ems) return ems;
  }
  if (kind === '住宅') {
    if (!ladder.residential) return null;
    if (monthsOwed > 12) return due('律师函');
    if (monthsOwed >= 6) return due('限期缴费通知书');
    if (monthsOwed >= 4 || day(today) >= 25) return due('催费通知书');
    if (monthsOwed >= 3) return due('收费通知书');
    return null;
  }
  if (!ladder.shops || !input.earliestUnpaid) return null;
  const billed = input.earliestUnpaid.slice(0, 7);
  const nextMonth = addMonths(`${billed}-01`, 1).slice(0, 7);
  const thisMonth = today.slice(0, 7);
  if (thisMonth > nextMonth || (thisMonth === nextMonth && day(today) >= 13)) return due('限期缴费通知书');
  if (thisMonth === nextMonth && day(today) >= 5) {
    const again = issued.some((entry) => entry.notice === '催费通知书' && entry.day >= `${nextMonth}-05`);
    return again ? null : '催费通知书';
  }
  if (thisMonth === billed && day(today) >= 25) return due('催费通知书');
  return due('收费通知书');
}

/** Moved to dates.ts (instalment plans use it too); re-exported here for existing callers. */
export { addMonths };

// ── contact limits ─────────────────────────────────────────────────────────

/** Why now is outside the call windows, or null inside one. */
export function outsideWindowReason(time: string, settings: Pick<TeamSettings, 'callWindows'>): string | null {
  if (settings.callWindows.some((window) => time >= window.start && time < window.end)) return null;
  return `现在不在通话时段（${settings.callWindows.map((window) => `${window.start}–${window.end}`).join('、')}）`;
}

/** Why a callback agreed for a time of day should wait, or null once that time has come (or none was agreed). */
export function callbackNotYetReason(dueTime: string | null, time: string): string | null {
  return dueTime && time < dueTime ? `约好 ${dueTime} 回电，还没到时间` : null;
}

/**
 * Why a household may not be contacted on a day, whatever the hour: the daily and weekly caps (across
 * channels), a standing dispute, a promise whose date has not come yet.
 */
export function contactLimitReasons(input: {
  today: IsoDate;
  /** Days of earlier contacts, any channel. */
  contactDays: readonly IsoDate[];
  openDispute: boolean;
  /** A promise whose date has not come yet. */
  pendingPromiseUntil: IsoDate | null;
  settings: Pick<TeamSettings, 'maxCallsPerDay' | 'maxCallsPerWeek'>;
}): string[] {
  const reasons: string[] = [];
  const { settings } = input;
  const weekStart = addDays(input.today, -6);
  let today = 0;
  let week = 0;
  for (const contactDay of input.contactDays) {
    if (contactDay === input.today) today += 1;
    if (contactDay >= weekStart && contactDay <= input.today) week += 1;
  }
  if (today >= settings.maxCallsPerDay) reasons.push(`今天已联系 ${today} 次（每天最多 ${settings.maxCallsPerDay} 次）`);
  if (week >= settings.maxCallsPerWeek) reasons.push(`近 7 天已联系 ${week} 次（每周最多 ${settings.maxCallsPerWeek} 次）`);
  if (input.openDispute) reasons.push('有未处理完的诉求或维修，处理完再催缴');
  if (input.pendingPromiseUntil && input.pendingPromiseUntil > input.today) reasons.push(`业主已承诺 ${input.pendingPromiseUntil} 缴费，到期前不再催`);
  return reasons;
}

// ── starting a call ────────────────────────────────────────────────────────

/**
 * Why a call is made. collection: a reminder about the arrears (催缴), under every rule. revisit: a 维修回访 or
 * 投诉答复 the steward owes the owner; only the call windows apply (the open repair or complaint is the reason
 * for the call, so neither it nor the collection pause blocks it).
 */
export const callPurposes = ['collection', 'revisit'] as const;
export type CallPurpose = (typeof callPurposes)[number];

/** Set while collection calls to a household are paused: an open repair revisit (the owner should see the fix first). */
export interface CollectionPause {
  /** The latest revisit day of the open repairs, if any has one. */
  until: IsoDate | null;
  reason: string;
}

/** The collection pause of a household, from its grievances: any open repair pauses collection. */
export function collectionPauseOf(grievances: readonly { kind: string; status: string; title: string; dueDate: string | null }[]): CollectionPause | null {
  const open = grievances.filter((grievance) => grievance.kind === 'repair' && grievance.status === 'open');
  if (open.length === 0) return null;
  const until = open.map((grievance) => grievance.dueDate).filter((date): date is string => !!date).sort().pop() ?? null;
  return { until, reason: `维修回访未完成（${open.map((grievance) => grievance.title).join('、')}）` };
}

export interface CallStartFacts {
  purpose: CallPurpose;
  today: IsoDate;
  /** The time of day, HH:mm (the backend's clock). It matters only through the call windows. */
  time: string;
  /** Days of earlier contacts, any channel. */
  contactDays: readonly IsoDate[];
  collectionPause: CollectionPause | null;
  /** An open complaint (a repair is the collection pause). */
  openDispute: boolean;
  /** The earliest promise still pending, if any. */
  pendingPromiseUntil: IsoDate | null;
  settings: Pick<TeamSettings, 'callWindows' | 'maxCallsPerDay' | 'maxCallsPerWeek'>;
}

/**
 * Why a call should not start now, in Chinese, one reason each; empty when it may. The one definition of the
 * rules: 今日跟进 marks a row 暂不可拨 with these reasons, and calls.start refuses a call with them unless the
 * steward gives a reason to call anyway. A collection call: the call windows, the collection pause, the daily
 * and weekly caps (across channels), an open dispute, a promise not yet due. A revisit: the call windows only.
 */
export function callStartProblems(facts: CallStartFacts): string[] {
  const outside = outsideWindowReason(facts.time, facts.settings);
  const problems = outside ? [outside] : [];
  if (facts.purpose === 'revisit') return problems;
  const pause = facts.collectionPause;
  if (pause) problems.push(`暂停催缴：${pause.reason}${pause.until ? `，回访日 ${pause.until}` : ''}`);
  problems.push(
    ...contactLimitReasons({
      today: facts.today,
      contactDays: facts.contactDays,
      openDispute: facts.openDispute,
      pendingPromiseUntil: facts.pendingPromiseUntil,
      settings: facts.settings,
    }),
  );
  return problems;
}

// ── today's queue ──────────────────────────────────────────────────────────

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
  /** When that last reassignment was made. */
  assignedAt?: string;
  /** Notices marked issued, with the day. */
  notices: readonly IssuedNotice[];
}

export const noHandling: QueueHandling = Object.freeze({ completed: new Set<string>(), snoozedUntil: null, assignee: undefined, notices: [] });

export interface QueueActionFacts {
  action: 'complete' | 'snooze' | 'reassign';
  entryKey: string | null;
  until: IsoDate | null;
  assignee: string | null;
  /** ISO timestamp; the latest snooze and the latest reassignment count. */
  at: string;
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
      if (notice) notices.push({ notice, day: action.at.slice(0, 10) });
    }
    if (action.action === 'snooze' && (!snooze || action.at > snooze.at)) snooze = action;
    if (action.action === 'reassign' && (!reassign || action.at > reassign.at)) reassign = action;
  }
  return { completed, snoozedUntil: snooze?.until ?? null, assignee: reassign ? reassign.assignee : undefined, ...(reassign ? { assignedAt: reassign.at } : {}), notices };
}

// Entry keys name one thing to do, so a steward can mark exactly that done.
export const promiseEntryKey = (kind: 'broken-promise' | 'promise-due' | 'promise-message', promiseId: string): string => `${kind}:${promiseId}`;
export const followUpEntryKey = (kind: FollowUpFacts['kind'], followUpId: string): string => `${kind}:${followUpId}`;
export const noticeEntryKey = (notice: NoticeKind, today: IsoDate): string => `notice:${notice}:${today.slice(0, 7)}`;
export const monthlyRoundEntryKey = (today: IsoDate): string => `monthly-round:${today.slice(0, 7)}`;
export const noticeKinds: readonly NoticeKind[] = ['收费通知书', '催费通知书', '限期缴费通知书', '律师函', 'EMS书面催告'];
const noticeOfKey = (key: string): NoticeKind | null => (key.startsWith('notice:') ? (key.split(':')[1] as NoticeKind) : null);

/** What an entry key names: the kind of entry and its reference (promise, follow-up, notice or month). */
export function parseEntryKey(key: string): { kind: QueueKind; ref: string } | null {
  const [kind, ref, ...rest] = key.split(':');
  if (!kind || !ref || !queueKinds.some((entry) => entry.id === kind)) return null;
  if (kind === 'notice') return noticeKinds.includes(ref as NoticeKind) && /^\d{4}-\d{2}$/.test(rest.join(':')) ? { kind, ref } : null;
  if (kind === 'monthly-round') return /^\d{4}-\d{2}$/.test(ref) && rest.length === 0 ? { kind, ref } : null;
  return rest.length === 0 ? { kind: kind as QueueKind, ref } : null;
}

/** Notices issued in the current arrears spell (since the earliest unpaid period began). */
export function noticesInSpell(notices: QueueHandling['notices'], earliestUnpaid: IsoDate | null): QueueHandling['notices'] {
  return earliestUnpaid ? notices.filter((entry) => entry.day >= earliestUnpaid) : [];
}

export interface HouseholdFacts {
  householdId: string;
  kind: '住宅' | '商铺';
  owedFen: Fen;
  monthsOwed: number;
  earliestUnpaid: IsoDate | null;
  promises: (PromiseFacts & { state: PromiseState })[];
  followUps: FollowUpFacts[];
  /** Days on which the household was contacted (any channel). */
  contactDays: IsoDate[];
  openDispute: boolean;
  /** Notices issued in the current arrears spell. */
  noticesIssued: readonly IssuedNotice[];
  firstPhoneReminderOn: IsoDate | null;
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
    if (followUp && followUp.owner !== undefined && !reassignedLater) entry.owner = followUp.owner;
    else if (handling.assignee !== undefined) entry.owner = handling.assignee;
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
  const notice = noticeDue({
    kind: facts.kind,
    monthsOwed: facts.monthsOwed,
    today,
    earliestUnpaid: facts.earliestUnpaid,
    firstPhoneReminderOn: facts.firstPhoneReminderOn,
    issued: facts.noticesIssued,
    ladder: settings.ladder,
  });
  if (notice) add('notice', `应发${notice}（欠费 ${facts.monthsOwed} 个月）`, noticeEntryKey(notice, today));
  const promised = facts.promises.some((promise) => promise.state === 'pending');
  if (!promised && !facts.openDispute && monthlyRoundDue(today, facts.owedFen, facts.lastReminderOn)) add('monthly-round', `本月尚未提醒，欠费 ${facts.monthsOwed} 个月`, monthlyRoundEntryKey(today));
  return entries.sort((a, b) => a.priority - b.priority);
}
