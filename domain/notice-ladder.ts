/**
 * The notice ladder of the 催费操作规程: which written notice a household is due on a day. Pure.
 *
 * Every notice is its own step with a stable id, so issuing one never settles another, and the ladder never
 * goes back: once a notice of some weight was issued in an arrears spell (or, for a shop, in a month's cycle),
 * no lighter one follows it.
 *
 * 住宅, by date: the 25th of the spell's first month → 催费通知书; the 25th of the next month → 限期缴费通知书.
 * 住宅, by months overdue: 3 → 收费通知书, 4 → 催费通知书, 6 → 限期缴费通知书, a year or more (12 included) → 律师函,
 *   and the 律师函 only after a 限期缴费通知书 whose deadline has passed.
 * 商铺: each month's bill has its own cycle — 收费通知书 for the bill, the 25th → 催费通知书, the next month's 5th →
 *   催费通知书 again, its 13th → 限期缴费通知书.
 * Both: 3 months after the first phone reminder that reached someone, still unpaid → a written demand by EMS.
 * 特别情况除外: nothing is due while a repair is open, a dispute or complaint is pending, or a promise or plan runs.
 *
 * "Months overdue" counts months whose bill is past its due date (缴费限期, or the period's end when the ledger
 * has none), not months billed: an annual bill imported in February is not 12 months overdue.
 */
import { addDays, addMonths, isRealIsoDate, monthIndex, monthLabel, type IsoDate } from './dates';
import type { ArrearsItem } from './ledger';

export type NoticeKind = '收费通知书' | '催费通知书' | '限期缴费通知书' | '律师函' | 'EMS书面催告';

export const noticeKinds: readonly NoticeKind[] = ['收费通知书', '催费通知书', '限期缴费通知书', '律师函', 'EMS书面催告'];

/** How heavy a notice is: the ladder only climbs. The EMS demand runs on its own clock. */
const weight: Record<NoticeKind, number> = { 收费通知书: 1, 催费通知书: 2, 限期缴费通知书: 3, 律师函: 4, EMS书面催告: 0 };

/** A 限期缴费通知书's deadline: a reasonable period after it is issued (民法典 第944条's 合理期限). */
export const noticeDeadline = { defaultDays: 15, minDays: 7, maxDays: 60 } as const;

/** Why a deadline for a notice issued on `issuedOn` is not acceptable, or null. The backend checks it on issue. */
export function noticeDeadlineProblem(deadline: IsoDate, issuedOn: IsoDate): string | null {
  if (!isRealIsoDate(deadline)) return '缴费期限不是有效日期';
  if (deadline < addDays(issuedOn, noticeDeadline.minDays)) return `缴费期限至少在发出后 ${noticeDeadline.minDays} 天`;
  if (deadline > addDays(issuedOn, noticeDeadline.maxDays)) return `缴费期限最多在发出后 ${noticeDeadline.maxDays} 天`;
  return null;
}

/** Only 限期缴费通知书 carries a deadline. */
export const noticeNeedsDeadline = (notice: NoticeKind): boolean => notice === '限期缴费通知书';

export interface IssuedNotice {
  notice: NoticeKind;
  day: IsoDate;
  /** The ladder step it was issued for; null for notices recorded before steps had ids. */
  step: string | null;
  /** A 限期缴费通知书's deadline (null when none was recorded). */
  deadline: IsoDate | null;
}

/** An unpaid bill, as the ladder sees it. */
export type UnpaidBill = Pick<ArrearsItem, 'periodStart' | 'periodEnd' | 'dueDate'>;

/** The last day a bill may be paid without being late. */
export const payByOf = (bill: UnpaidBill): IsoDate => bill.dueDate ?? bill.periodEnd;

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const compareDays = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first day of a month index. */
const firstOf = (month: number): IsoDate => `${monthLabel(month)}-01`;

/**
 * For each month of an unpaid bill, the first day it counts as overdue (the day after the bill's pay-by day, and
 * not before the month itself begins); sorted. The n-th entry is the day the household became n months overdue.
 * Remembered per list of bills (the queue asks again for every day it shows, with the same list).
 */
export function overdueMonthDays(bills: readonly UnpaidBill[]): readonly IsoDate[] {
  const known = overdueDaysOf.get(bills);
  if (known) return known;
  const days = new Map<number, IsoDate>();
  for (const bill of bills) {
    const late = addDays(payByOf(bill), 1);
    const lateMonth = monthIndex(late);
    for (let month = monthIndex(bill.periodStart); month <= monthIndex(bill.periodEnd); month += 1) {
      // Late from the day after the pay-by day, but a month not yet begun is not overdue before it begins.
      const from = lateMonth >= month ? late : firstOf(month);
      const seen = days.get(month);
      if (!seen || from < seen) days.set(month, from);
    }
  }
  const sorted = [...days.values()].sort();
  overdueDaysOf.set(bills, sorted);
  return sorted;
}

const overdueDaysOf = new WeakMap<readonly UnpaidBill[], readonly IsoDate[]>();

/** How many of the sorted days are on or before `today`. */
function countUpTo(sorted: readonly IsoDate[], today: IsoDate): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= today) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Distinct months of bills past their due date on a day (the months' own start having come). */
export const monthsOverdueOn = (bills: readonly UnpaidBill[], today: IsoDate): number => countUpTo(overdueMonthDays(bills), today);

export interface LadderSettings {
  residential: boolean;
  shops: boolean;
  writtenDemand: boolean;
}

export interface LadderFacts {
  kind: '住宅' | '商铺';
  today: IsoDate;
  /** The household's unpaid bills (owed > 0). */
  unpaid: readonly UnpaidBill[];
  /** Days of phone reminders that reached someone (the owner, a relative), ascending. */
  reachedPhoneDays: readonly IsoDate[];
  /** Every notice issued to the household. */
  issued: readonly IssuedNotice[];
  /** 特别情况: why no notice is due now (an open repair, a pending dispute, a running promise), or null. */
  held: string | null;
  ladder: LadderSettings;
}

export interface DueNotice {
  notice: NoticeKind;
  /** Stable id of the step: the queue entry's reference, and what issuing it records. */
  step: string;
  /** Why it is due, in Chinese (for the queue row). */
  why: string;
}

const monthText = (month: number): string => `${Number(monthLabel(month).slice(5))} 月`;

/** Why each kind of step is due, for the month its spell or cycle began (a month index). */
const whyOf: Record<string, (month: number) => string> = {
  r25: (month) => `${monthText(month)}的费用到 25 日仍未缴`,
  rn25: (month) => `${monthText(month)}的费用到次月 25 日仍未缴`,
  r3m: () => '欠费满 3 个月',
  r4m: () => '欠费满 4 个月',
  r6m: () => '欠费满 6 个月',
  r12m: () => '欠费满 12 个月',
  s1: (month) => `${monthText(month)}账单，请商户签收`,
  s25: (month) => `${monthText(month)}账单到 25 日仍未缴`,
  sn5: (month) => `${monthText(month)}账单到次月 5 日仍未缴`,
  sn13: (month) => `${monthText(month)}账单到次月 13 日仍未缴`,
};

/**
 * One step of a ladder: its notice, the day it is due from (null while its condition is not met), and its id and
 * reason — written out only when asked for (the queue weighs every household's steps every day it shows).
 */
class Step {
  constructor(
    readonly notice: NoticeKind,
    private readonly code: string,
    private readonly month: number,
    readonly from: IsoDate | null,
    private readonly reason?: string,
  ) {}

  /** r25-2026-11: the kind of step and the month its spell (or a shop's cycle) began. */
  get step(): string {
    return `${this.code}-${monthLabel(this.month)}`;
  }

  get why(): string {
    return this.reason ?? whyOf[this.code]!(this.month);
  }

  /** The same step due from another day, for another reason. */
  with(from: IsoDate, reason: string): Step {
    return new Step(this.notice, this.code, this.month, from, reason);
  }
}

/** Day `day` of the month `offset` months after `month` (a month index). */
const dayOf = (month: number, offset: number, day: number): IsoDate => `${monthLabel(month + offset)}-${String(day).padStart(2, '0')}`;

/**
 * When a bill is late for a notice that the 规程 dates (the 25th, the next month's 5th …): not before that day,
 * and not before its 缴费限期 has passed. A bill of one month without a 缴费限期 is late on the 规程's day itself; a
 * longer one (a quarter, a year) not before its period ends.
 */
function lateOn(bill: UnpaidBill, ruleDay: IsoDate): IsoDate {
  if (bill.dueDate) return later(ruleDay, addDays(bill.dueDate, 1));
  return monthIndex(bill.periodStart) === monthIndex(bill.periodEnd) ? ruleDay : later(ruleDay, addDays(bill.periodEnd, 1));
}

/**
 * Which steps issued notices settle: one that names its step settles it; one recorded before steps had ids settles
 * the first open step of its kind (the old ladder issued each kind once per spell). A step is also passed over
 * once a notice at least as heavy was issued on or after its day.
 */
function settledSteps(steps: readonly Step[], issued: readonly IssuedNotice[]): Set<string> {
  const settled = new Set(issued.map((entry) => entry.step).filter((step): step is string => step !== null));
  for (const legacy of issued.filter((entry) => entry.step === null)) {
    const first = steps.find((step) => step.notice === legacy.notice && !settled.has(step.step) && step.from !== null && step.from <= legacy.day);
    if (first) settled.add(first.step);
  }
  for (const step of steps) {
    if (step.from !== null && issued.some((entry) => weight[entry.notice] >= weight[step.notice] && entry.day >= step.from!)) settled.add(step.step);
  }
  return settled;
}

/**
 * The step due today: the heaviest unsettled step whose day has come and that is not lighter than a notice already
 * issued (the ladder never goes back); of equally heavy ones the most recent. Null when none.
 */
const nothingSettled: ReadonlySet<string> = new Set();

function next(steps: readonly Step[], issued: readonly IssuedNotice[], today: IsoDate): DueNotice | null {
  const settled = issued.length === 0 ? nothingSettled : settledSteps(steps, issued);
  let heaviest = 0;
  for (const entry of issued) heaviest = Math.max(heaviest, weight[entry.notice]);
  let best: Step | null = null;
  for (const step of steps) {
    if (step.from === null || step.from > today || settled.has(step.step) || weight[step.notice] < heaviest) continue;
    if (!best || weight[step.notice] > weight[best.notice] || (weight[step.notice] === weight[best.notice] && step.from >= best.from!)) best = step;
  }
  return best && { notice: best.notice, step: best.step, why: best.why };
}

/** A household's unpaid bills, earliest first: the arrears spell begins with the first. Remembered per list. */
function bySpell(bills: readonly UnpaidBill[]): readonly UnpaidBill[] {
  let sorted = spellOf.get(bills);
  if (!sorted) {
    sorted = [...bills].sort((a, b) => compareDays(a.periodStart, b.periodStart) || compareDays(payByOf(a), payByOf(b)));
    spellOf.set(bills, sorted);
  }
  return sorted;
}

const spellOf = new WeakMap<readonly UnpaidBill[], readonly UnpaidBill[]>();

/** Remembers a value per list of bills: the steps' days depend only on the bills, and the queue asks every day. */
function rememberedPer<T>(make: (bills: readonly UnpaidBill[]) => T): (bills: readonly UnpaidBill[]) => T {
  const memo = new WeakMap<readonly UnpaidBill[], T>();
  return (bills) => {
    let value = memo.get(bills);
    if (value === undefined) {
      value = make(bills);
      memo.set(bills, value);
    }
    return value;
  };
}

/** 住宅: the spell's steps with their days (the 律师函's day also waits for a passed deadline: see residentialStep). */
const residentialLadder = rememberedPer((bills) => {
  const first = bySpell(bills)[0]!;
  const month = monthIndex(first.periodStart);
  const overdueDays = overdueMonthDays(bills);
  const byMonths = (notice: NoticeKind, count: number): Step => new Step(notice, `r${count}m`, month, overdueDays[count - 1] ?? null);
  const steps: Step[] = [
    new Step('催费通知书', 'r25', month, lateOn(first, dayOf(month, 0, 25))),
    new Step('限期缴费通知书', 'rn25', month, lateOn(first, dayOf(month, 1, 25))),
    byMonths('收费通知书', 3),
    byMonths('催费通知书', 4),
    byMonths('限期缴费通知书', 6),
  ];
  return { spellStart: first.periodStart, steps, lawyer: byMonths('律师函', 12), overdueDays };
});

function residentialStep(facts: LadderFacts): DueNotice | null {
  const { spellStart, steps, lawyer, overdueDays } = residentialLadder(facts.unpaid);
  const inSpell = facts.issued.length === 0 ? facts.issued : facts.issued.filter((entry) => entry.day >= spellStart);
  // The lawyer's letter follows a 限期缴费通知书 whose deadline has passed.
  let lastDeadline: IsoDate | null = null;
  for (const entry of inSpell) {
    if (entry.notice !== '限期缴费通知书') continue;
    const deadline = entry.deadline ?? addDays(entry.day, noticeDeadline.defaultDays);
    if (!lastDeadline || deadline > lastDeadline) lastDeadline = deadline;
  }
  if (lawyer.from === null || !lastDeadline) return next(steps, inSpell, facts.today);
  const months = countUpTo(overdueDays, facts.today);
  const ready = lawyer.with(later(lawyer.from, addDays(lastDeadline, 1)), `欠费 ${months} 个月，限期缴费通知书的期限 ${lastDeadline} 已过`);
  return next([...steps, ready], inSpell, facts.today);
}

/** 商铺: one cycle per month with an unpaid bill, each with its own steps. */
const shopLadder = rememberedPer((bills) => {
  const cycles = new Map<number, UnpaidBill>();
  for (const bill of bySpell(bills)) if (!cycles.has(monthIndex(bill.periodStart))) cycles.set(monthIndex(bill.periodStart), bill);
  return [...cycles].map(([month, bill]) => {
    const steps: Step[] = [
      new Step('收费通知书', 's1', month, firstOf(month)),
      new Step('催费通知书', 's25', month, lateOn(bill, dayOf(month, 0, 25))),
      new Step('催费通知书', 'sn5', month, lateOn(bill, dayOf(month, 1, 5))),
      new Step('限期缴费通知书', 'sn13', month, lateOn(bill, dayOf(month, 1, 13))),
    ];
    return { start: bill.periodStart, steps, month: monthLabel(month) };
  });
});

function shopSteps(facts: LadderFacts): DueNotice[] {
  const due: DueNotice[] = [];
  for (const cycle of shopLadder(facts.unpaid)) {
    // A cycle's own notices; those recorded before steps had ids count for the cycles they could belong to.
    const cycleIssued = facts.issued.length === 0 ? facts.issued : facts.issued.filter((entry) => (entry.step ? entry.step.startsWith('s') && entry.step.endsWith(cycle.month) : entry.day >= cycle.start));
    const step = next(cycle.steps, cycleIssued, facts.today);
    if (step) due.push(step);
  }
  return due;
}

/** The EMS written demand: 3 months after the first reminder of the spell that reached someone, still unpaid. */
function writtenDemand(facts: LadderFacts, spell: readonly UnpaidBill[]): DueNotice | null {
  const reachedOn = facts.reachedPhoneDays.find((phoneDay) => phoneDay >= spell[0]!.periodStart);
  if (!reachedOn || addMonths(reachedOn, 3) > facts.today) return null;
  const step = `ems-${reachedOn}`;
  const sent = facts.issued.some((entry) => entry.notice === 'EMS书面催告' && (entry.step === step || (entry.step === null && entry.day >= reachedOn)));
  return sent ? null : { notice: 'EMS书面催告', step, why: `${reachedOn} 电话提醒后 3 个月仍未缴` };
}

/** The notices due on the day, each its own step (a shop can owe one per month's cycle). */
export function noticesDue(facts: LadderFacts): DueNotice[] {
  if (facts.held || facts.unpaid.length === 0) return [];
  const due: DueNotice[] = [];
  const ems = facts.ladder.writtenDemand && facts.reachedPhoneDays.length > 0 ? writtenDemand(facts, bySpell(facts.unpaid)) : null;
  if (ems) due.push(ems);
  if (facts.kind === '住宅') {
    const step = facts.ladder.residential ? residentialStep(facts) : null;
    if (step) due.push(step);
  } else if (facts.ladder.shops) {
    due.push(...shopSteps(facts));
  }
  return due;
}

/** A step id as the queue writes it: the ladder's own, or a month (YYYY-MM) for notices recorded before steps. */
export const isNoticeStep = (ref: string): boolean => /^(?:[a-z0-9]+-\d{4}-\d{2}(?:-\d{2})?|\d{4}-\d{2})$/.test(ref);
