/**
 * The arrears ledger in the team database, implementing the LedgerRepository port. Reads are the in-memory view
 * every server keeps current from the change feed; writes are transactions:
 * - a payment (applyHouseholdChange) locks its household's row and computes the change from the items as they are in
 *   the database, so two payments at once each see the other's, on any server;
 * - an import and its undo hold the ledger's exclusive lock (payments hold it shared), so an import's plan is
 *   computed against the ledger as it is then, and "undo only while it is the last change" is exact.
 */
import type { Pool, PoolClient } from 'pg';
import { ApiError, type DataFileHealth, type ImportEntry } from '../../contract';
import type { MergePlan } from '../../../domain/import/merge';
import { summarize, type ArrearsItem, type ArrearsSummary, type Household, type Payment } from '../../../domain/ledger';
import { ChangeLog } from '../change-log';
import type { HouseholdChange, ImportChange, LedgerRepository } from '../ports';
import { recordChanges, type ChangeFollower, type FeedEntry } from './change-feed';
import { inTransaction, readAll } from './pool';

/** The ledger's advisory lock: imports and undo exclusive, payments shared. */
const LEDGER_LOCK = '1717920001';
const none: readonly never[] = Object.freeze([]);
const BATCH = 5000;

interface HouseholdState {
  household: Household;
  items: ArrearsItem[];
  payments: Payment[];
}

interface ItemRow {
  household_id: string;
  fee_type: string;
  period_start: string;
  period_end: string;
  due_fen: number;
  paid_fen: number;
  late_fee_fen: number;
  due_date: string | null;
}

interface PaymentRow {
  id: string;
  household_id: string;
  item_key: string | null;
  amount_fen: number;
  paid_on: string;
  source: Payment['source'];
  import_id: string | null;
  channel: string | null;
  note: string;
}

const itemOf = (row: ItemRow): ArrearsItem => ({
  householdId: row.household_id,
  feeType: row.fee_type,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  dueFen: row.due_fen,
  paidFen: row.paid_fen,
  lateFeeFen: row.late_fee_fen,
  dueDate: row.due_date,
});

const paymentOf = (row: PaymentRow): Payment => ({
  id: row.id,
  householdId: row.household_id,
  itemKey: row.item_key,
  amountFen: row.amount_fen,
  paidOn: row.paid_on,
  source: row.source,
  importId: row.import_id,
  channel: row.channel,
  note: row.note,
});

function* chunks<T>(values: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

/** Reads households with their items and payments (all of them, or those with `ids`). */
async function readHouseholds(db: Pool | PoolClient, ids?: readonly string[]): Promise<Map<string, HouseholdState>> {
  const where = ids ? 'WHERE household_id = ANY($1)' : '';
  const args = ids ? [ids] : [];
  const [households, items, payments] = await readAll(db, [
    () => db.query<{ record: Household }>(`SELECT record FROM households ${ids ? 'WHERE id = ANY($1)' : ''}`, args),
    () => db.query<ItemRow>(`SELECT household_id, fee_type, period_start, period_end, due_fen, paid_fen, late_fee_fen, due_date FROM arrears_items ${where} ORDER BY household_id, ord`, args),
    () => db.query<PaymentRow>(`SELECT id, household_id, item_key, amount_fen, paid_on, source, import_id, channel, note FROM payments ${where} ORDER BY household_id, seq`, args),
  ] as const);
  const found = new Map<string, HouseholdState>();
  for (const { record } of households.rows) found.set(record.id, { household: record, items: [], payments: [] });
  for (const row of items.rows) found.get(row.household_id)?.items.push(itemOf(row));
  for (const row of payments.rows) found.get(row.household_id)?.payments.push(paymentOf(row));
  return found;
}

async function upsertHouseholds(client: PoolClient, households: readonly Household[]): Promise<void> {
  for (const batch of chunks(households)) {
    await client.query(
      `INSERT INTO households (id, community, room_label, owner_name, record)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (id) DO UPDATE SET community = EXCLUDED.community, room_label = EXCLUDED.room_label, owner_name = EXCLUDED.owner_name, record = EXCLUDED.record`,
      [batch.map((h) => h.id), batch.map((h) => h.community), batch.map((h) => h.roomLabel), batch.map((h) => h.ownerName), batch.map((h) => JSON.stringify(h))],
    );
  }
}

/** Replaces the items of each household in `byHousehold` with its new list. */
async function replaceItems(client: PoolClient, byHousehold: ReadonlyMap<string, readonly ArrearsItem[]>): Promise<void> {
  const ids = [...byHousehold.keys()];
  for (const batch of chunks(ids)) await client.query('DELETE FROM arrears_items WHERE household_id = ANY($1)', [batch]);
  const rows = [...byHousehold].flatMap(([, items]) => items.map((item, ord) => ({ item, ord })));
  for (const batch of chunks(rows)) {
    await client.query(
      `INSERT INTO arrears_items (household_id, ord, fee_type, period_start, period_end, due_fen, paid_fen, late_fee_fen, due_date)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::date[], $5::date[], $6::bigint[], $7::bigint[], $8::bigint[], $9::date[])`,
      [
        batch.map(({ item }) => item.householdId),
        batch.map(({ ord }) => ord),
        batch.map(({ item }) => item.feeType),
        batch.map(({ item }) => item.periodStart),
        batch.map(({ item }) => item.periodEnd),
        batch.map(({ item }) => item.dueFen),
        batch.map(({ item }) => item.paidFen),
        batch.map(({ item }) => item.lateFeeFen),
        batch.map(({ item }) => item.dueDate),
      ],
    );
  }
}

async function insertPayments(client: PoolClient, payments: readonly Payment[]): Promise<void> {
  for (const batch of chunks(payments)) {
    await client.query(
      `INSERT INTO payments (id, household_id, item_key, amount_fen, paid_on, source, import_id, channel, note)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      [
        batch.map((p) => p.id),
        batch.map((p) => p.householdId),
        batch.map((p) => p.itemKey),
        batch.map((p) => p.amountFen),
        batch.map((p) => p.paidOn),
        batch.map((p) => p.source),
        batch.map((p) => p.importId),
        batch.map((p) => p.channel),
        batch.map((p) => p.note),
      ],
    );
  }
}

const householdFeed = (ids: Iterable<string>): FeedEntry[] => [...ids].map((key) => ({ store: 'ledger', key }));

export class PgLedger implements LedgerRepository {
  private readonly households = new Map<string, Household>();
  private readonly items = new Map<string, ArrearsItem[]>();
  private readonly payments = new Map<string, Payment[]>();
  private readonly summaries = new Map<string, ArrearsSummary>();
  private readonly communities = new Map<string, Set<string>>();
  private importList: ImportEntry[] = [];
  private undoable: string | null = null;
  readonly changes = new ChangeLog();
  readonly error = undefined;
  readonly problems: ApiError[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly feed: ChangeFollower,
  ) {}

  static async open(pool: Pool, feed: ChangeFollower): Promise<PgLedger> {
    const ledger = new PgLedger(pool, feed);
    for (const [id, state] of await readHouseholds(pool)) ledger.put(id, state, false);
    await ledger.reloadMeta();
    feed.on('ledger', async (ids) => {
      const found = await readHouseholds(pool, [...ids]);
      for (const id of ids) ledger.put(id, found.get(id));
      ledger.changes.commit();
    });
    feed.on('ledger-meta', () => ledger.reloadMeta());
    return ledger;
  }

  private async reloadMeta(): Promise<void> {
    const [imports, state] = await Promise.all([
      this.pool.query<{ entry: Omit<ImportEntry, 'undone'>; undone: boolean }>('SELECT entry, undone FROM ledger_imports ORDER BY seq'),
      this.pool.query<{ undo_import_id: string | null }>('SELECT undo_import_id FROM ledger_state WHERE id = 1'),
    ]);
    this.importList = imports.rows.map((row) => ({ ...row.entry, undone: row.undone }));
    this.undoable = state.rows[0]?.undo_import_id ?? null;
  }

  /** Sets (or, with no state, removes) one household in memory. */
  private put(id: string, state: HouseholdState | undefined, touch = true): void {
    const previous = this.households.get(id);
    if (previous) {
      const members = this.communities.get(previous.community);
      members?.delete(id);
      if (members?.size === 0) this.communities.delete(previous.community);
    }
    if (touch) this.changes.touch(id);
    if (!state) {
      for (const map of [this.households, this.items, this.payments, this.summaries]) map.delete(id);
      return;
    }
    this.households.set(id, state.household);
    this.items.set(id, state.items);
    this.payments.set(id, state.payments);
    this.summaries.set(id, summarize(state.items));
    let members = this.communities.get(state.household.community);
    if (!members) this.communities.set(state.household.community, (members = new Set()));
    members.add(id);
  }

  // ── reading ──────────────────────────────────────────────────────────────

  unavailable(): undefined {
    return undefined;
  }

  get householdCount(): number {
    return this.households.size;
  }

  allHouseholds(): IterableIterator<Household> {
    return this.households.values();
  }

  household = (id: string): Household | undefined => this.households.get(id);
  itemsOf = (id: string): readonly ArrearsItem[] => this.items.get(id) ?? none;
  paymentsOf = (id: string): readonly Payment[] => this.payments.get(id) ?? none;
  summaryOf = (id: string): ArrearsSummary | undefined => this.summaries.get(id);
  householdIdsIn = (community: string): Iterable<string> => this.communities.get(community) ?? [];
  communityNames = (): string[] => [...this.communities.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  imports(): ImportEntry[] {
    return [...this.importList];
  }

  undoableImportId(): string | null {
    return this.undoable;
  }

  // ── writing ──────────────────────────────────────────────────────────────

  /** A write, then this server's view caught up with it (and with anything else landed meanwhile). */
  private async write<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.pool, work);
    await this.feed.catchUp();
    return result;
  }

  async applyImport(change: ImportChange): Promise<ImportEntry> {
    return this.write(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      // Holding the exclusive lock, nothing else changes the ledger: catch up, then plan against the view.
      await this.feed.catchUp();
      const { plan, entry } = change();
      const touched = touchedBy(plan);
      await client.query('DELETE FROM ledger_undo');
      const before = [...touched].map((id) => ({ id, state: this.households.has(id) ? { household: this.households.get(id)!, items: this.items.get(id) ?? [], payments: this.payments.get(id) ?? [] } : null }));
      for (const batch of chunks(before)) {
        await client.query('INSERT INTO ledger_undo (import_id, household_id, before) SELECT $1, * FROM unnest($2::text[], $3::jsonb[])', [entry.id, batch.map((b) => b.id), batch.map((b) => (b.state ? JSON.stringify(b.state) : null))]);
      }
      await upsertHouseholds(client, plan.households);
      await replaceItems(client, plan.itemsByHousehold);
      await insertPayments(client, plan.payments);
      await client.query('INSERT INTO ledger_imports (id, entry) VALUES ($1, $2)', [entry.id, JSON.stringify(entry)]);
      await client.query('UPDATE ledger_state SET undo_import_id = $1 WHERE id = 1', [entry.id]);
      await recordChanges(client, [...householdFeed(touched), { store: 'ledger-meta', key: entry.id }]);
      return { ...entry, undone: false };
    });
  }

  async applyHouseholdChange(householdId: string, change: HouseholdChange): Promise<void> {
    await this.write(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock_shared($1)', [LEDGER_LOCK]);
      const locked = await client.query('SELECT 1 FROM households WHERE id = $1 FOR UPDATE', [householdId]);
      if (locked.rowCount === 0) throw new ApiError({ code: 'NOT_FOUND', message: `台账里没有这一户（${householdId}）。` });
      const current = (await readHouseholds(client, [householdId])).get(householdId)!;
      const { items, payments } = change(current.items);
      await replaceItems(client, new Map([[householdId, items]]));
      await insertPayments(client, payments);
      // Any change after an import ends its undo.
      const ended = await client.query('UPDATE ledger_state SET undo_import_id = NULL WHERE id = 1 AND undo_import_id IS NOT NULL');
      if (ended.rowCount) await client.query('DELETE FROM ledger_undo');
      await recordChanges(client, [...householdFeed([householdId]), ...(ended.rowCount ? [{ store: 'ledger-meta' as const, key: 'undo' }] : [])]);
    });
  }

  async undoImport(importId: string): Promise<void> {
    await this.write(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      const state = await client.query<{ undo_import_id: string | null }>('SELECT undo_import_id FROM ledger_state WHERE id = 1');
      if (state.rows[0]?.undo_import_id !== importId) {
        throw new ApiError({ code: 'STORAGE_INVALID', message: '只能撤销最近一次导入，且导入之后台账没有其他改动（例如登记了缴费）。' });
      }
      const { rows } = await client.query<{ household_id: string; before: HouseholdState | null }>('SELECT household_id, before FROM ledger_undo WHERE import_id = $1', [importId]);
      const gone = rows.filter((row) => !row.before).map((row) => row.household_id);
      for (const batch of chunks(gone)) await client.query('DELETE FROM households WHERE id = ANY($1)', [batch]);
      const restored = rows.flatMap((row) => (row.before ? [row.before] : []));
      const restoredIds = restored.map((entry) => entry.household.id);
      for (const batch of chunks(restoredIds)) await client.query('DELETE FROM payments WHERE household_id = ANY($1)', [batch]);
      await upsertHouseholds(client, restored.map((entry) => entry.household));
      await replaceItems(client, new Map(restored.map((entry) => [entry.household.id, entry.items])));
      await insertPayments(client, restored.flatMap((entry) => entry.payments));
      await client.query('UPDATE ledger_imports SET undone = true WHERE id = $1', [importId]);
      await client.query('UPDATE ledger_state SET undo_import_id = NULL WHERE id = 1');
      await client.query('DELETE FROM ledger_undo');
      await recordChanges(client, [...householdFeed(rows.map((row) => row.household_id)), { store: 'ledger-meta', key: importId }]);
    });
  }

  async health(): Promise<DataFileHealth> {
    return { id: 'ledger', label: '欠费台账', fileName: `团队数据库（${this.households.size} 户）`, schemaVersion: 1, state: 'ok', sizeBytes: null, modifiedAt: null };
  }
}

function touchedBy(plan: MergePlan): Set<string> {
  return new Set([...plan.households.map((household) => household.id), ...plan.itemsByHousehold.keys(), ...plan.payments.map((payment) => payment.householdId)]);
}
