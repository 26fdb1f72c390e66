/**
 * A hand-entered payment settles the oldest unpaid items first (the usual rule of 先缴旧欠). Pure.
 */
import type { IsoDate } from './dates';
import { itemKey, owedOf, type ArrearsItem, type Payment } from './ledger';
import { formatYuan, type Fen } from './money';

export type Allocation = { ok: true; items: ArrearsItem[]; allocations: { itemKey: string; amountFen: Fen }[] } | { ok: false; reason: string };

export function allocatePayment(items: readonly ArrearsItem[], amountFen: Fen): Allocation {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return { ok: false, reason: '缴费金额必须大于 0' };
  const owedTotal = items.reduce((sum, item) => sum + Math.max(0, owedOf(item)), 0);
  if (amountFen > owedTotal) return { ok: false, reason: `缴费金额 ${formatYuan(amountFen)} 超过当前欠费 ${formatYuan(owedTotal)}` };
  const order = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => owedOf(item) > 0)
    .sort((a, b) => a.item.periodStart.localeCompare(b.item.periodStart) || a.item.feeType.localeCompare(b.item.feeType, 'zh-CN'));
  const next = [...items];
  const allocations: { itemKey: string; amountFen: Fen }[] = [];
  let left = amountFen;
  for (const { item, index } of order) {
    if (left === 0) break;
    const part = Math.min(left, owedOf(item));
    next[index] = { ...item, paidFen: item.paidFen + part };
    allocations.push({ itemKey: itemKey(item), amountFen: part });
    left -= part;
  }
  return { ok: true, items: next, allocations };
}

export interface ManualPayment {
  householdId: string;
  amountFen: Fen;
  paidOn: IsoDate;
  channel: string;
  note: string;
}

/**
 * A payment taken by hand, against the household's items as they are: the items after it and one payment row per
 * item it settles (ids `pay-<idBase>-1…`). Refused (ok: false) when it is not a positive amount within what is owed.
 */
export function manualPayment(
  items: readonly ArrearsItem[],
  payment: ManualPayment,
  idBase: string,
): { ok: true; items: ArrearsItem[]; payments: Payment[] } | { ok: false; reason: string } {
  const allocation = allocatePayment(items, payment.amountFen);
  if (!allocation.ok) return allocation;
  const payments = allocation.allocations.map((part, index) => ({
    id: `pay-${idBase}-${index + 1}`,
    householdId: payment.householdId,
    itemKey: part.itemKey,
    amountFen: part.amountFen,
    paidOn: payment.paidOn,
    source: 'manual' as const,
    importId: null,
    channel: payment.channel,
    note: payment.note,
  }));
  return { ok: true, items: allocation.items, payments };
}
