/** Money and date display for the UI; the rules live in domain/. */
export { formatFen, formatYuan } from '../../domain/money';

/** "2025-03" for a one-month period, "2025-01 ~ 2025-03" for a range. */
export function periodLabel(start: string, end: string): string {
  return start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : `${start.slice(0, 7)} ~ ${end.slice(0, 7)}`;
}
