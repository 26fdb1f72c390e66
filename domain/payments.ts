/**
 * A hand-entered payment settles the oldest unpaid items first (the usual rule of 先缴旧欠). Pure.
 */
import { itemKey, owedOf, type ArrearsItem } from './ledger';
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
