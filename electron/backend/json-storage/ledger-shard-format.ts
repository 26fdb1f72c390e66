/**
 * On-disk format of a ledger shard: its households, their payments, and their items in columns
 * (1.2 million items as objects take seconds to parse; as columns of numbers, a fraction of that).
 */
import { z } from 'zod';
import type { ArrearsItem, Household, Payment } from '../../../domain/ledger';

export const SHARD_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const householdSchema = z.object({
  id: z.string().min(1),
  community: z.string().min(1),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  roomKey: z.string().min(1),
  roomLabel: z.string().min(1),
  kind: z.enum(['住宅', '商铺']),
  occupied: z.boolean().nullable(),
  custody: z.boolean(),
  ownerName: z.string(),
  payers: z.array(z.string()),
  phones: z.array(z.string().regex(/^\d{3,12}$/)),
}) satisfies z.ZodType<Household>;

export const paymentSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),
  itemKey: z.string().nullable(),
  amountFen: z.number().int().positive(),
  paidOn: isoDate,
  source: z.enum(['import', 'manual']),
  importId: z.string().nullable(),
  channel: z.string().nullable(),
  note: z.string(),
}) satisfies z.ZodType<Payment>;

const intColumn = z.custom<number[]>((value) => Array.isArray(value) && value.every((n) => Number.isSafeInteger(n)), '应为整数列');

export const itemColumnsSchema = z
  .object({
    feeTypes: z.array(z.string().min(1)),
    household: intColumn,
    fee: intColumn,
    start: intColumn,
    end: intColumn,
    due: intColumn,
    paid: intColumn,
    late: intColumn,
    /** yyyymmdd, 0 for none */
    dueDate: intColumn,
  })
  .refine((c) => [c.fee, c.start, c.end, c.due, c.paid, c.late, c.dueDate].every((column) => column.length === c.household.length), {
    message: '各列长度不一致',
  });

export type ItemColumns = z.infer<typeof itemColumnsSchema>;

export const shardSchema = z
  .object({ households: z.array(householdSchema), items: itemColumnsSchema, payments: z.array(paymentSchema) })
  .superRefine((shard, ctx) => {
    const count = shard.households.length;
    const bad = shard.items.household.findIndex((index) => index < 0 || index >= count);
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['items', 'household', bad], message: '指向不存在的房屋' });
    const badFee = shard.items.fee.findIndex((index) => index < 0 || index >= shard.items.feeTypes.length);
    if (badFee >= 0) ctx.addIssue({ code: 'custom', path: ['items', 'fee', badFee], message: '指向不存在的收费项目' });
  });

export interface ShardData {
  households: Household[];
  items: ArrearsItem[];
  payments: Payment[];
}

const toInt = (date: string): number => Number(date.replaceAll('-', ''));
/** yyyymmdd → YYYY-MM-DD. A ledger has few distinct dates, so each string is made once. */
const dateStrings = new Map<number, string>();
const fromInt = (n: number): string => {
  let text = dateStrings.get(n);
  if (text === undefined) {
    const digits = String(n);
    text = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
    dateStrings.set(n, text);
  }
  return text;
};

export function encodeShard(data: ShardData): z.infer<typeof shardSchema> {
  const index = new Map(data.households.map((household, i) => [household.id, i]));
  const feeTypes: string[] = [];
  const feeIndex = new Map<string, number>();
  const columns: ItemColumns = { feeTypes, household: [], fee: [], start: [], end: [], due: [], paid: [], late: [], dueDate: [] };
  for (const item of data.items) {
    let fee = feeIndex.get(item.feeType);
    if (fee === undefined) {
      fee = feeTypes.push(item.feeType) - 1;
      feeIndex.set(item.feeType, fee);
    }
    columns.household.push(index.get(item.householdId)!);
    columns.fee.push(fee);
    columns.start.push(toInt(item.periodStart));
    columns.end.push(toInt(item.periodEnd));
    columns.due.push(item.dueFen);
    columns.paid.push(item.paidFen);
    columns.late.push(item.lateFeeFen);
    columns.dueDate.push(item.dueDate ? toInt(item.dueDate) : 0);
  }
  return { households: data.households, items: columns, payments: data.payments };
}

export function decodeShard(stored: z.infer<typeof shardSchema>): ShardData {
  const { households, items: c } = stored;
  const items: ArrearsItem[] = new Array(c.household.length);
  for (let i = 0; i < c.household.length; i += 1) {
    items[i] = {
      householdId: households[c.household[i]!]!.id,
      feeType: c.feeTypes[c.fee[i]!]!,
      periodStart: fromInt(c.start[i]!),
      periodEnd: fromInt(c.end[i]!),
      dueFen: c.due[i]!,
      paidFen: c.paid[i]!,
      lateFeeFen: c.late[i]!,
      dueDate: c.dueDate[i] ? fromInt(c.dueDate[i]!) : null,
    };
  }
  return { households, items, payments: stored.payments };
}
