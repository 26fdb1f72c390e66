import { monthEnd } from '../../domain/dates';
import type { UnpaidBill } from '../../domain/notice-ladder';

/** `count` monthly bills from the month of `first` (YYYY-MM), paid by the period's end unless a due day is given. */
export function monthlyBills(first: string, count: number, dueDay?: number): UnpaidBill[] {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const y = year + Math.floor((month - 1 + index) / 12);
    const m = ((month - 1 + index) % 12) + 1;
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    return { periodStart: start, periodEnd: monthEnd(y, m), dueDate: dueDay ? `${start.slice(0, 8)}${String(dueDay).padStart(2, '0')}` : null };
  });
}
