/**
 * Merging a newer ledger into what we have. Nothing is duplicated: an item is the same item when its
 * room, fee type and period match. What the new file says was paid since, or no longer lists as owed,
 * becomes a payment. Pure: returns a plan that the store applies in one atomic write.
 */
import type { IsoDate } from '../dates';
import { itemKey, owedOf, type ArrearsItem, type Household, type Payment } from '../ledger';
import type { Fen } from '../money';
import type { ImportBatch } from './batch';

export interface LedgerView {
  household(id: string): Household | undefined;
  itemsOf(householdId: string): readonly ArrearsItem[];
  householdIdsIn(community: string): Iterable<string>;
}

/**
 * 'community': the file is the whole arrears list of its communities — an owed item it no longer lists
 * has been paid. 'household': only rooms that appear in the file are settled that way.
 */
export type MergeScope = 'community' | 'household';

export interface MergeOptions {
  importId: string;
  today: IsoDate;
  scope: MergeScope;
}

export interface MergeStats {
  householdsInFile: number;
  itemsInFile: number;
  owedInFileFen: Fen;
  newHouseholds: number;
  updatedHouseholds: number;
  newItems: number;
  changedItems: number;
  unchangedItems: number;
  settledItems: number;
  payments: number;
  paymentsFen: Fen;
}

export interface MergePlan {
  /** New or changed households, whole. */
  households: Household[];
  /** For every household whose items change: its complete new item list. */
  itemsByHousehold: Map<string, ArrearsItem[]>;
  payments: Payment[];
  stats: MergeStats;
}

const sameHousehold = (a: Household, b: Household): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The stored household updated with what the file says; phones and payers accumulate. */
function mergeHousehold(stored: Household, incoming: Household): Household {
  return {
    ...stored,
    ownerName: incoming.ownerName || stored.ownerName,
    phones: [...new Set([...incoming.phones, ...stored.phones])],
    payers: [...new Set([...stored.payers, ...incoming.payers])],
    kind: incoming.kind,
    occupied: incoming.occupied ?? stored.occupied,
    custody: incoming.custody,
  };
}

export function mergeBatch(view: LedgerView, batch: ImportBatch, options: MergeOptions): MergePlan {
  const stats: MergeStats = {
    householdsInFile: batch.households.length,
    itemsInFile: batch.items.length,
    owedInFileFen: batch.items.reduce((sum, item) => sum + owedOf(item), 0),
    newHouseholds: 0,
    updatedHouseholds: 0,
    newItems: 0,
    changedItems: 0,
    unchangedItems: 0,
    settledItems: 0,
    payments: 0,
    paymentsFen: 0,
  };
  const plan: MergePlan = { households: [], itemsByHousehold: new Map(), payments: [], stats };
  const pay = (householdId: string, item: ArrearsItem, amountFen: Fen, note: string) => {
    plan.payments.push({
      id: `${options.importId}-${plan.payments.length + 1}`,
      householdId,
      itemKey: itemKey(item),
      amountFen,
      paidOn: options.today,
      source: 'import',
      importId: options.importId,
      channel: null,
      note,
    });
    stats.payments += 1;
    stats.paymentsFen += amountFen;
  };

  const incomingItems = new Map<string, ArrearsItem[]>();
  for (const item of batch.items) {
    const list = incomingItems.get(item.householdId);
    if (list) list.push(item);
    else incomingItems.set(item.householdId, [item]);
  }

  for (const incoming of batch.households) {
    const stored = view.household(incoming.id);
    const fresh = incomingItems.get(incoming.id) ?? [];
    if (!stored) {
      stats.newHouseholds += 1;
      stats.newItems += fresh.length;
      plan.households.push(incoming);
      plan.itemsByHousehold.set(incoming.id, fresh);
      continue;
    }
    const merged = mergeHousehold(stored, incoming);
    if (!sameHousehold(stored, merged)) {
      stats.updatedHouseholds += 1;
      plan.households.push(merged);
    }
    const byKey = new Map(fresh.map((item) => [itemKey(item), item]));
    const next: ArrearsItem[] = [];
    let changed = false;
    for (const old of view.itemsOf(incoming.id)) {
      const update = byKey.get(itemKey(old));
      byKey.delete(itemKey(old));
      if (!update) {
        // Not in the newer file: paid in full since, if the file covers this room's arrears.
        if (owedOf(old) > 0) {
          pay(incoming.id, old, owedOf(old), '新台账中已无此欠费，视为已缴清');
          stats.settledItems += 1;
          next.push({ ...old, paidFen: old.dueFen });
          changed = true;
        } else next.push(old);
        continue;
      }
      if (update.paidFen > old.paidFen) pay(incoming.id, old, update.paidFen - old.paidFen, '新台账中实收增加');
      const same = update.dueFen === old.dueFen && update.paidFen === old.paidFen && update.lateFeeFen === old.lateFeeFen && update.dueDate === old.dueDate;
      if (same) stats.unchangedItems += 1;
      else {
        stats.changedItems += 1;
        changed = true;
      }
      next.push(same ? old : update);
    }
    for (const added of byKey.values()) {
      stats.newItems += 1;
      next.push(added);
      changed = true;
    }
    if (changed) plan.itemsByHousehold.set(incoming.id, next);
  }

  if (options.scope === 'community') {
    const inFile = new Set(batch.households.map((household) => household.id));
    for (const community of new Set(batch.households.map((household) => household.community))) {
      for (const id of view.householdIdsIn(community)) {
        if (inFile.has(id)) continue;
        const items = view.itemsOf(id);
        if (!items.some((item) => owedOf(item) > 0)) continue;
        const next = items.map((item) => {
          if (owedOf(item) <= 0) return item;
          pay(id, item, owedOf(item), '新台账中已无此房屋的欠费，视为已缴清');
          stats.settledItems += 1;
          return { ...item, paidFen: item.dueFen };
        });
        plan.itemsByHousehold.set(id, next);
      }
    }
  }
  return plan;
}
