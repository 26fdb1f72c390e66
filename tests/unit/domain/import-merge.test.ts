import { describe, expect, it } from 'vitest';
import { buildBatch } from '../../../domain/import/batch';
import { mergeBatch, type LedgerView } from '../../../domain/import/merge';
import type { ImportRecord } from '../../../domain/import/rows';
import type { ArrearsItem, Household } from '../../../domain/ledger';
import { parseRoom } from '../../../domain/room';

let row = 1;
function record(room: string, month: string, dueFen: number, paidFen = 0, extra: Partial<ImportRecord> = {}): ImportRecord {
  row += 1;
  return {
    row,
    community: '观山水',
    room: parseRoom(room)!,
    ownerName: '张三',
    phones: ['13800001234'],
    payer: '',
    feeType: '物业费',
    period: { start: `${month}-01`, end: `${month}-28` },
    dueFen,
    paidFen,
    lateFeeFen: 0,
    dueDate: null,
    kind: null,
    occupied: null,
    custody: null,
    ...extra,
  };
}

/** A ledger in memory, built by applying plans the way the store does. */
class MemoryLedger implements LedgerView {
  households = new Map<string, Household>();
  items = new Map<string, ArrearsItem[]>();
  household = (id: string) => this.households.get(id);
  itemsOf = (id: string) => this.items.get(id) ?? [];
  householdIdsIn = (community: string) => [...this.households.values()].filter((h) => h.community === community).map((h) => h.id);
  apply(plan: ReturnType<typeof mergeBatch>) {
    for (const h of plan.households) this.households.set(h.id, h);
    for (const [id, items] of plan.itemsByHousehold) this.items.set(id, items);
  }
  owed = () => [...this.items.values()].flat().reduce((sum, item) => sum + item.dueFen - item.paidFen, 0);
}

const opts = (importId: string, scope: 'community' | 'household' = 'community') => ({ importId, today: '2025-12-01', scope });

describe('buildBatch', () => {
  it('groups rows by household and drops exact duplicate rows', () => {
    const batch = buildBatch([record('8-2-1203', '2025-01', 100), record('8栋2单元1203室', '2025-02', 100), record('08-02-1203', '2025-01', 100)]);
    expect(batch.households).toHaveLength(1);
    expect(batch.items).toHaveLength(2);
    expect(batch.duplicates).toHaveLength(1);
    expect(batch.errors).toEqual([]);
  });

  it('refuses two rows for the same item with different amounts', () => {
    const batch = buildBatch([record('8-2-1203', '2025-01', 100), record('8-2-1203', '2025-01', 120)]);
    expect(batch.errors).toHaveLength(1);
    expect(batch.errors[0]!.reason).toContain('金额不同');
  });

  it('collects every phone of a household across rows', () => {
    const batch = buildBatch([record('8-2-1203', '2025-01', 100), record('8-2-1203', '2025-02', 100, 0, { phones: ['13900005678'] })]);
    expect(batch.households[0]!.phones).toEqual(['13800001234', '13900005678']);
  });
});

describe('mergeBatch', () => {
  it('adds everything on the first import, without payments', () => {
    const ledger = new MemoryLedger();
    const plan = mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100), record('1-1-102', '2025-01', 200, 50)]), opts('i1'));
    expect(plan.stats).toMatchObject({ newHouseholds: 2, newItems: 2, payments: 0, owedInFileFen: 250 });
    ledger.apply(plan);
    expect(ledger.owed()).toBe(250);
  });

  it('re-importing the same file changes nothing and duplicates nothing', () => {
    const ledger = new MemoryLedger();
    const rows = [record('1-1-101', '2025-01', 100), record('1-1-101', '2025-02', 100)];
    ledger.apply(mergeBatch(ledger, buildBatch(rows), opts('i1')));
    const again = mergeBatch(ledger, buildBatch(rows), opts('i2'));
    expect(again.stats).toMatchObject({ newHouseholds: 0, updatedHouseholds: 0, newItems: 0, changedItems: 0, unchangedItems: 2, payments: 0 });
    expect(again.itemsByHousehold.size).toBe(0);
    ledger.apply(again);
    expect(ledger.itemsOf('观山水|1-1-101')).toHaveLength(2);
  });

  it('turns a higher 实收 into a payment of the difference', () => {
    const ledger = new MemoryLedger();
    ledger.apply(mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 10000, 2000)]), opts('i1')));
    const plan = mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 10000, 6000)]), opts('i2'));
    expect(plan.payments).toEqual([expect.objectContaining({ amountFen: 4000, householdId: '观山水|1-1-101', itemKey: '物业费|2025-01-01|2025-01-28', source: 'import', importId: 'i2', paidOn: '2025-12-01' })]);
    ledger.apply(plan);
    expect(ledger.owed()).toBe(4000);
  });

  it('settles an owed item the newer arrears list no longer contains, and adds new arrears', () => {
    const ledger = new MemoryLedger();
    ledger.apply(mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100), record('1-1-101', '2025-02', 100)]), opts('i1')));
    const plan = mergeBatch(ledger, buildBatch([record('1-1-101', '2025-02', 100), record('1-1-101', '2025-03', 100)]), opts('i2'));
    expect(plan.stats).toMatchObject({ settledItems: 1, newItems: 1, payments: 1, paymentsFen: 100 });
    ledger.apply(plan);
    expect(ledger.itemsOf('观山水|1-1-101')).toHaveLength(3);
    expect(ledger.owed()).toBe(200);
  });

  it('settles a whole household missing from a newer list of its community, but not with household scope', () => {
    const first = [record('1-1-101', '2025-01', 100), record('1-1-102', '2025-01', 300)];
    const second = [record('1-1-101', '2025-01', 100)];
    const ledger = new MemoryLedger();
    ledger.apply(mergeBatch(ledger, buildBatch(first), opts('i1')));
    expect(mergeBatch(ledger, buildBatch(second), opts('i2', 'household')).stats.settledItems).toBe(0);
    const plan = mergeBatch(ledger, buildBatch(second), opts('i2'));
    expect(plan.stats).toMatchObject({ settledItems: 1, paymentsFen: 300 });
    ledger.apply(plan);
    expect(ledger.owed()).toBe(100);
  });

  it('leaves other communities alone', () => {
    const ledger = new MemoryLedger();
    ledger.apply(mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100, 0, { community: '东区' })]), opts('i1')));
    const plan = mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100, 0, { community: '西区' })]), opts('i2'));
    expect(plan.stats.settledItems).toBe(0);
    expect(plan.stats.newHouseholds).toBe(1);
  });

  it('updates owner details and keeps every phone ever seen', () => {
    const ledger = new MemoryLedger();
    ledger.apply(mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100)]), opts('i1')));
    const plan = mergeBatch(ledger, buildBatch([record('1-1-101', '2025-01', 100, 0, { phones: ['13900005678'] })]), opts('i2'));
    expect(plan.stats.updatedHouseholds).toBe(1);
    expect(plan.households[0]!.phones).toEqual(['13900005678', '13800001234']);
  });
});
