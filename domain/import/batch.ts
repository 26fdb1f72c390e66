/**
 * Groups import records into households and items, and settles repeats inside one file:
 * an exact duplicate row is dropped (and counted), a conflicting one is an error. Pure.
 */
import { householdIdOf, itemKey, type ArrearsItem, type Household } from '../ledger';
import { labelOf } from '../room';
import type { ImportRecord, RowError } from './rows';

export interface ImportBatch {
  households: Household[];
  items: ArrearsItem[];
  duplicates: { row: number; sameAs: number }[];
  errors: RowError[];
}


function householdFrom(record: ImportRecord): Household {
  const { room } = record;
  return {
    id: householdIdOf(record.community, room.key),
    community: record.community,
    building: room.building,
    unit: room.unit,
    room: room.room,
    roomKey: room.key,
    roomLabel: room.structured ? labelOf(room.building, room.unit, room.room) : room.label,
    kind: record.kind ?? '住宅',
    occupied: record.occupied,
    custody: record.custody ?? false,
    ownerName: record.ownerName,
    payers: record.payer ? [record.payer] : [],
    phones: [...record.phones],
  };
}

/** Later rows of the same household add what the first left empty (phones, payers, owner). */
function absorb(household: Household, record: ImportRecord): void {
  if (!household.ownerName && record.ownerName) household.ownerName = record.ownerName;
  for (const phone of record.phones) if (!household.phones.includes(phone)) household.phones.push(phone);
  if (record.payer && !household.payers.includes(record.payer)) household.payers.push(record.payer);
  if (record.kind === '商铺') household.kind = '商铺';
  if (household.occupied === null) household.occupied = record.occupied;
  if (record.custody) household.custody = true;
}

export function buildBatch(records: readonly ImportRecord[]): ImportBatch {
  const households = new Map<string, Household>();
  const items = new Map<string, { item: ArrearsItem; row: number }>();
  const batch: ImportBatch = { households: [], items: [], duplicates: [], errors: [] };
  for (const record of records) {
    const id = householdIdOf(record.community, record.room.key);
    const existing = households.get(id);
    if (existing) absorb(existing, record);
    else households.set(id, householdFrom(record));
    const item: ArrearsItem = {
      householdId: id,
      feeType: record.feeType,
      periodStart: record.period.start,
      periodEnd: record.period.end,
      dueFen: record.dueFen,
      paidFen: record.paidFen,
      lateFeeFen: record.lateFeeFen,
      dueDate: record.dueDate,
    };
    const key = `${id}#${itemKey(item)}`;
    const seen = items.get(key);
    if (!seen) {
      items.set(key, { item, row: record.row });
      continue;
    }
    const same = seen.item.dueFen === item.dueFen && seen.item.paidFen === item.paidFen && seen.item.lateFeeFen === item.lateFeeFen;
    if (same) batch.duplicates.push({ row: record.row, sameAs: seen.row });
    else
      batch.errors.push({
        row: record.row,
        column: '房号/收费项目/所属期间',
        reason: `与第 ${seen.row} 行是同一房屋、同一收费项目、同一期间，但金额不同`,
      });
  }
  batch.households = [...households.values()];
  batch.items = [...items.values()].map(({ item }) => item);
  return batch;
}
