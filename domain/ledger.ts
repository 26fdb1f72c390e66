/**
 * The arrears ledger's objects and the figures derived from them. Pure.
 * Money in integer fen; dates as YYYY-MM-DD.
 */
import { monthIndex, monthsOf, type IsoDate } from './dates';
import type { Fen } from './money';

export type HouseholdKind = '住宅' | '商铺';

export const householdKinds: readonly HouseholdKind[] = ['住宅', '商铺'];

/**
 * 托管 (a unit in the company's custody under a 托管协议): its 物业管理费 is billed at a share of the full fee — the
 * 规程's 70% unless the team sets another share in 团队设置. A rule of the household, applied wherever a fee is
 * computed for it (the demo ledger) and shown on its record.
 */
export const DEFAULT_CUSTODY_PERCENT = 70;

/** The share of the full fee a household is billed, in percent (100 unless it is in custody). */
export const billedPercentOf = (household: Pick<Household, 'custody'>, custodyPercent: number = DEFAULT_CUSTODY_PERCENT): number => (household.custody ? custodyPercent : 100);

/** A monthly fee for the household: the full fee, or its custody share, to the fen. */
export const feeFor = (fullFen: Fen, household: Pick<Household, 'custody'>, custodyPercent: number = DEFAULT_CUSTODY_PERCENT): Fen => Math.round((fullFen * billedPercentOf(household, custodyPercent)) / 100);

export interface Household {
  /** `${community}|${roomKey}`: stable across imports. */
  id: string;
  community: string;
  building: string;
  unit: string;
  room: string;
  roomKey: string;
  roomLabel: string;
  kind: HouseholdKind;
  /** 入住 (true), 未入住 (false), unknown (null). */
  occupied: boolean | null;
  /** 托管: billed at 70%. */
  custody: boolean;
  ownerName: string;
  /** Other payers: tenants or users of the unit (使用人/租户). */
  payers: string[];
  /** Whole numbers; only the dial action shows them unmasked. */
  phones: string[];
}

export interface ArrearsItem {
  householdId: string;
  feeType: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueFen: Fen;
  paidFen: Fen;
  lateFeeFen: Fen;
  dueDate: IsoDate | null;
}

export type PaymentSource = 'import' | 'manual';

export interface Payment {
  id: string;
  householdId: string;
  /** The item it settles (see itemKey), or null for a payment on account. */
  itemKey: string | null;
  amountFen: Fen;
  paidOn: IsoDate;
  source: PaymentSource;
  importId: string | null;
  channel: string | null;
  note: string;
}

export const householdIdOf = (community: string, roomKey: string): string => `${community}|${roomKey}`;

/** Identity of an item: the same room, fee and period is the same item in every import. */
export const itemKey = (item: Pick<ArrearsItem, 'feeType' | 'periodStart' | 'periodEnd'>): string =>
  `${item.feeType}|${item.periodStart}|${item.periodEnd}`;

export const owedOf = (item: Pick<ArrearsItem, 'dueFen' | 'paidFen'>): Fen => item.dueFen - item.paidFen;

export type AgeingBucket = '1-3' | '4-6' | '7-12' | '12+';

export const ageingBuckets: readonly { id: AgeingBucket; label: string }[] = [
  { id: '1-3', label: '1–3 个月' },
  { id: '4-6', label: '4–6 个月' },
  { id: '7-12', label: '7–12 个月' },
  { id: '12+', label: '12 个月以上' },
];

export function ageingBucketOf(monthsOverdue: number): AgeingBucket | null {
  if (monthsOverdue <= 0) return null;
  if (monthsOverdue <= 3) return '1-3';
  if (monthsOverdue <= 6) return '4-6';
  if (monthsOverdue <= 12) return '7-12';
  return '12+';
}

export interface ArrearsSummary {
  owedFen: Fen;
  lateFeeFen: Fen;
  /** Distinct calendar months with something unpaid. */
  monthsOverdue: number;
  earliestUnpaid: IsoDate | null;
  unpaidItems: number;
}

export function summarize(items: Iterable<ArrearsItem>): ArrearsSummary {
  let owedFen = 0;
  let lateFeeFen = 0;
  let unpaidItems = 0;
  let earliest: IsoDate | null = null;
  const months = new Set<number>();
  for (const item of items) {
    const owed = owedOf(item);
    if (owed <= 0) continue;
    owedFen += owed;
    lateFeeFen += item.lateFeeFen;
    unpaidItems += 1;
    if (earliest === null || item.periodStart < earliest) earliest = item.periodStart;
    if (monthIndex(item.periodEnd) - monthIndex(item.periodStart) === 0) months.add(monthIndex(item.periodStart));
    else for (const month of monthsOf({ start: item.periodStart, end: item.periodEnd })) months.add(month);
  }
  return { owedFen, lateFeeFen, monthsOverdue: months.size, earliestUnpaid: earliest, unpaidItems };
}

/** The fee types a household owes, the largest amount first (物业费, 停车费 …): what a reminder names. */
export function owedFeeTypes(items: Iterable<ArrearsItem>): string[] {
  const owed = new Map<string, Fen>();
  for (const item of items) {
    const amount = owedOf(item);
    if (amount > 0) owed.set(item.feeType, (owed.get(item.feeType) ?? 0) + amount);
  }
  return [...owed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([feeType]) => feeType);
}

/** "2025-03" for a one-month period, "2025-01 ~ 2025-03" for a range: how a period reads everywhere (record, export). */
export function periodLabel(start: string, end: string): string {
  return start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : `${start.slice(0, 7)} ~ ${end.slice(0, 7)}`;
}
