import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../domain/ledger';
import { paymentGroups } from '../../../domain/payment-groups';

const manual = (part: number, month: string, amountFen: number): Payment => ({
  id: `pay-ab12cd34-${part}`,
  householdId: 'h',
  itemKey: `物业费|2025-${month}-01|2025-${month}-28`,
  amountFen,
  paidOn: '2026-11-26',
  source: 'manual',
  importId: null,
  channel: '微信',
  note: '前台',
});

describe('paymentGroups', () => {
  it('shows one hand-entered payment once, with the items it settled', () => {
    const groups = paymentGroups([manual(1, '01', 36_400), manual(2, '02', 36_400), manual(3, '03', 10_000)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ paidOn: '2026-11-26', amountFen: 82_800, source: 'manual', channel: '微信', note: '前台' });
    expect(groups[0]!.settled).toEqual([
      { feeType: '物业费', period: '2025-01', amountFen: 36_400 },
      { feeType: '物业费', period: '2025-02', amountFen: 36_400 },
      { feeType: '物业费', period: '2025-03', amountFen: 10_000 },
    ]);
  });

  it('keeps separate payments apart, one import of a day together, newest first', () => {
    const other = { ...manual(1, '04', 5_000), id: 'pay-ffff0000-1', paidOn: '2026-11-27' };
    const imported = (n: number): Payment => ({ ...manual(n, `0${n + 4}`, 1_000), id: `imp-x-${n}`, source: 'import', importId: 'imp-x', paidOn: '2026-11-20', channel: null });
    const groups = paymentGroups([manual(1, '01', 100), other, imported(1), imported(2)]);
    expect(groups.map((group) => [group.paidOn, group.amountFen, group.settled.length])).toEqual([
      ['2026-11-27', 5_000, 1],
      ['2026-11-26', 100, 1],
      ['2026-11-20', 2_000, 2],
    ]);
  });
});
