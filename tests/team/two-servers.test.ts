/**
 * Two servers on one team database serve the same truth: what one writes the other shows after the change feed's
 * notification, checks inside writes hold across them, and the contact log cannot be edited even by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ArrearsItem, Payment } from '../../domain/ledger';
import type { CallWrite } from '../../electron/backend/contacts/contact-records';
import { seedDemoData } from '../../electron/backend/ledger/demo-seed';
import type { Storage } from '../../electron/backend/ports';
import { openPostgresStorage, openTeamDatabase, type TeamDatabase } from '../../electron/backend/postgres-storage';
import { freshDatabase } from './support/databases';

const AT = '2026-11-26T10:00:00+08:00';
const opened: { storage: Storage; db: TeamDatabase }[] = [];

/** A server's storage on `url`, with the poll slowed right down: only the notification can bring changes quickly. */
async function server(url: string): Promise<Storage> {
  const db = await openTeamDatabase(url, { max: 20 });
  const storage = await openPostgresStorage({ pool: db.pool, databaseUrl: url, location: db.location, pollMs: 60_000 });
  opened.push({ storage, db });
  return storage;
}

afterEach(async () => {
  for (const { storage, db } of opened.splice(0)) {
    storage.close();
    await db.close();
  }
});

/** Resolves once `check` holds (it is the change feed's notification that makes it hold; generous limit). */
async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the other server never saw the change');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pay = (storage: Storage, householdId: string, fen: number) =>
  storage.ledger.applyHouseholdChange(householdId, (items) => {
    const next: ArrearsItem[] = items.map((item) => ({ ...item }));
    const open = next.find((item) => item.dueFen - item.paidFen >= fen)!;
    open.paidFen += fen;
    const payment: Payment = { id: `pay-${Math.random().toString(36).slice(2)}`, householdId, itemKey: null, amountFen: fen, paidOn: '2026-11-26', source: 'manual', importId: null, channel: '微信', note: '' };
    return { items: next, payments: [payment] };
  });

/** A household with an item owing at least 20 元 (room for the payments below). */
const owing = (storage: Storage): string =>
  [...storage.ledger.allHouseholds()].map((household) => household.id).sort().find((id) => storage.ledger.itemsOf(id).some((item) => item.dueFen - item.paidFen >= 2000))!;

const call = (householdId: string, id: string): CallWrite => ({
  contact: { id, householdId, at: AT, channel: '电话', steward: '王敏', stewardId: 'user-1', outcome: '未接通', outcomeId: 'no-answer', notes: '' },
  promises: [],
  grievances: [],
  followUps: [],
});

describe('two team servers on one database', () => {
  it('show each other\'s imports, payments, calls and settings, and the change feeds name what changed', async () => {
    const url = await freshDatabase();
    const [a, b] = [await server(url), await server(url)];
    await seedDemoData(a.ledger, { households: 20, today: '2026-11-26', seed: 5 });
    await eventually(() => b.ledger.householdCount === 20);
    const id = owing(b);
    const revision = b.ledger.changes.revision;
    const paid = (s: Storage) => s.ledger.itemsOf(id).reduce((sum, item) => sum + item.paidFen, 0);
    const before = paid(b);
    await pay(a, id, 500);
    // The payment, and the end of the import's undo it brings, on the other server too.
    await eventually(() => paid(b) === before + 500 && b.ledger.undoableImportId() === null);
    expect(b.ledger.changes.since(revision)).toEqual(new Set([id]));

    await b.contacts.saveCall(call(id, 'call-b'));
    await eventually(() => a.contacts.of(id).contacts.length === 1);
    await a.teamSettings.update((draft) => void (draft.graceDays = 3));
    await eventually(() => b.teamSettings.read().graceDays === 3);
  });

  it('parallel payments through both servers on one household all land; one call saved through both is written once', async () => {
    const url = await freshDatabase();
    const [a, b] = [await server(url), await server(url)];
    await seedDemoData(a.ledger, { households: 3, today: '2026-11-26', seed: 5 });
    await eventually(() => b.ledger.householdCount === 3);
    const id = owing(a);
    const paidBefore = a.ledger.itemsOf(id).reduce((sum, item) => sum + item.paidFen, 0);
    await Promise.all(Array.from({ length: 20 }, (_, n) => pay(n % 2 ? a : b, id, 100)));
    const paid = (s: Storage) => s.ledger.itemsOf(id).reduce((sum, item) => sum + item.paidFen, 0);
    await eventually(() => paid(a) === paidBefore + 2000 && paid(b) === paidBefore + 2000);
    expect(a.ledger.paymentsOf(id)).toHaveLength(20);

    const saves = await Promise.allSettled([a, b, a, b].map((storage) => storage.contacts.saveCall(call(id, 'call-once'))));
    expect(saves.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(saves.flatMap((result) => (result.status === 'rejected' ? [(result.reason as { code: string }).code] : []))).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('keeps the contact log insert-only for anyone with SQL: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const url = await freshDatabase();
    const a = await server(url);
    await a.contacts.saveCall(call('观山水|1-1-101', 'call-1'));
    const { pool } = opened[0]!.db;
    await expect(pool.query("UPDATE contacts SET record = '{}'::jsonb")).rejects.toThrow(/只能追加/);
    await expect(pool.query('DELETE FROM contacts')).rejects.toThrow(/只能追加/);
    await expect(pool.query('TRUNCATE contacts')).rejects.toThrow(/只能追加/);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM contacts');
    expect(rows[0].n).toBe(1);
  });
});
