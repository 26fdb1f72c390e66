/**
 * Payments as the steward and the owner think of them: one hand-entered payment of 8,736 元 that settled 24 months
 * is one payment, not 24 rows of 364 元 — and one ledger import's payments of a day are one. Pure.
 */
import type { Payment } from './ledger';
import type { Fen } from './money';

export interface PaymentGroup {
  key: string;
  paidOn: string;
  amountFen: Fen;
  source: Payment['source'];
  channel: string | null;
  note: string;
  /** What it settled: fee type and period of each item, with the part of the payment it took. */
  settled: { feeType: string; period: string; amountFen: Fen }[];
}

/** A hand-entered payment's rows share their id up to the part number (pay-<id>-1, pay-<id>-2 …). */
const groupKeyOf = (payment: Payment): string =>
  payment.source === 'manual' ? payment.id.replace(/-\d+$/, '') : `import|${payment.importId ?? ''}|${payment.paidOn}`;

/** 物业费|2025-03-01|2025-03-31 → 物业费, 2025-03 (or the whole range when it spans months). */
function itemOf(itemKey: string | null): { feeType: string; period: string } {
  if (!itemKey) return { feeType: '预缴', period: '' };
  const [feeType = '', start = '', end = ''] = itemKey.split('|');
  return { feeType, period: start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : `${start.slice(0, 7)} ~ ${end.slice(0, 7)}` };
}

/** The payments grouped, newest first. */
export function paymentGroups(payments: readonly Payment[]): PaymentGroup[] {
  const groups = new Map<string, PaymentGroup>();
  for (const payment of payments) {
    const key = groupKeyOf(payment);
    let group = groups.get(key);
    if (!group) {
      group = { key, paidOn: payment.paidOn, amountFen: 0, source: payment.source, channel: payment.channel, note: payment.note, settled: [] };
      groups.set(key, group);
    }
    group.amountFen += payment.amountFen;
    group.settled.push({ ...itemOf(payment.itemKey), amountFen: payment.amountFen });
  }
  return [...groups.values()].sort((a, b) => b.paidOn.localeCompare(a.paidOn) || a.key.localeCompare(b.key));
}
