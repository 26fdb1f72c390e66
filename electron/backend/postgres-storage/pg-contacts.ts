/**
 * The contact log in the team database, implementing the ContactLog port. A write locks its household (an advisory
 * lock per household), reads the household's records as they are in the database, runs the same check-and-change
 * function local mode runs (contacts/contact-records.ts), and writes the difference: new contacts are inserted (the
 * table refuses UPDATE and DELETE), changed follow-ups, grievances and queue actions are updated. Reads are the
 * in-memory view kept current from the change feed.
 */
import type { Pool, PoolClient } from 'pg';
import type { ApiError, ContactRecord, DataFileHealth, FollowUp, GrievanceRecord, PhoneAccess, QueueAction } from '../../contract';
import {
  noContacts,
  noRecords,
  viewOf,
  writeCall,
  writeContact,
  writeQueueAction,
  writeQueueActionRemoval,
  writeRepairDone,
  type CallWrite,
  type ContactRecords,
  type HouseholdContacts,
  type RepairDone,
} from '../contacts/contact-records';
import { ChangeLog } from '../change-log';
import type { ContactLog } from '../ports';
import { recordChanges, type ChangeFollower } from './change-feed';
import { inTransaction, readAll } from './pool';

/** The namespace of the per-household advisory locks of the contact log. */
const CONTACTS_LOCK_SPACE = 1717920002;

type MutableList = 'promises' | 'grievances' | 'followUps' | 'queueActions';

/** Each mutable record list's table and the columns it keeps beside the record. */
const TABLES: Record<MutableList, { table: string; columns: string[]; values(record: never): unknown[] }> = {
  promises: { table: 'promises', columns: ['promised_on', 'amount_fen'], values: (p: { date: string; amountFen: number }) => [p.date, p.amountFen] },
  grievances: { table: 'grievances', columns: ['status'], values: (g: GrievanceRecord) => [g.status] },
  followUps: { table: 'follow_ups', columns: ['due_date', 'status', 'owner_id'], values: (f: FollowUp) => [f.dueDate, f.status, f.ownerId ?? null] },
  queueActions: { table: 'queue_actions', columns: ['at'], values: (q: QueueAction) => [q.at] },
};
const MUTABLE_LISTS = Object.keys(TABLES) as MutableList[];

/** Every household's records (or those of `ids`), from the database. */
async function readRecords(db: Pool | PoolClient, ids?: readonly string[]): Promise<Map<string, ContactRecords>> {
  const where = ids ? 'WHERE household_id = ANY($1)' : '';
  const args = ids ? [ids] : [];
  const found = new Map<string, ContactRecords>();
  const of = (id: string) => {
    let records = found.get(id);
    if (!records) found.set(id, (records = noRecords()));
    return records;
  };
  const [contacts, ...lists] = await readAll(db, [
    () => db.query<{ household_id: string; record: ContactRecord }>(`SELECT household_id, record FROM contacts ${where} ORDER BY household_id, seq`, args),
    ...MUTABLE_LISTS.map((list) => () => db.query<{ household_id: string; record: never }>(`SELECT household_id, record FROM ${TABLES[list].table} ${where} ORDER BY household_id, seq`, args)),
  ]);
  for (const row of contacts.rows) of(row.household_id).contacts.push(row.record);
  MUTABLE_LISTS.forEach((list, n) => {
    for (const row of lists[n]!.rows) (of(row.household_id)[list] as unknown[]).push(row.record);
  });
  return found;
}

async function insertContact(client: PoolClient, contact: ContactRecord): Promise<void> {
  await client.query('INSERT INTO contacts (id, household_id, at, channel, steward, steward_id, outcome_id, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    contact.id,
    contact.householdId,
    contact.at,
    contact.channel,
    contact.steward,
    contact.stewardId ?? null,
    contact.outcomeId ?? null,
    JSON.stringify(contact),
  ]);
}

/** Writes what a check-and-change function did to a household's records: inserts, updates, deletes. */
async function writeDifference(client: PoolClient, before: ContactRecords, after: ContactRecords): Promise<void> {
  const known = new Map(before.contacts.map((contact) => [contact.id, JSON.stringify(contact)]));
  for (const contact of after.contacts) {
    const was = known.get(contact.id);
    if (was === undefined) await insertContact(client, contact);
    else if (was !== JSON.stringify(contact)) throw new Error(`contact ${contact.id} would change: the contact log is insert-only`);
  }
  for (const list of MUTABLE_LISTS) {
    const { table, columns, values } = TABLES[list];
    const old = new Map((before[list] as { id: string }[]).map((record) => [record.id, JSON.stringify(record)]));
    const now = after[list] as { id: string; householdId: string }[];
    for (const record of now) {
      const text = JSON.stringify(record);
      if (old.get(record.id) === text) continue;
      const extra = values(record as never);
      const placeholders = extra.map((_, n) => `$${n + 4}`).join(', ');
      await client.query(
        `INSERT INTO ${table} (id, household_id, record, ${columns.join(', ')}) VALUES ($1, $2, $3, ${placeholders})
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
        [record.id, record.householdId, text, ...extra],
      );
    }
    const kept = new Set(now.map((record) => record.id));
    const removed = [...old.keys()].filter((id) => !kept.has(id));
    if (removed.length > 0) await client.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [removed]);
  }
}

export class PgContactLog implements ContactLog {
  private readonly grouped = new Map<string, HouseholdContacts>();
  private readonly phones = new Map<string, PhoneAccess[]>();
  readonly changes = new ChangeLog();
  readonly error = undefined;
  readonly problems: ApiError[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly feed: ChangeFollower,
  ) {}

  static async open(pool: Pool, feed: ChangeFollower): Promise<PgContactLog> {
    const log = new PgContactLog(pool, feed);
    for (const [id, records] of await readRecords(pool)) log.grouped.set(id, viewOf(records));
    await log.reloadPhoneAccess();
    feed.on('contacts', async (ids) => {
      const found = await readRecords(pool, [...ids]);
      for (const id of ids) {
        const records = found.get(id);
        if (records) log.grouped.set(id, viewOf(records));
        else log.grouped.delete(id);
        log.changes.touch(id);
      }
      await log.reloadPhoneAccess([...ids]);
      log.changes.commit();
    });
    return log;
  }

  private async reloadPhoneAccess(ids?: string[]): Promise<void> {
    const { rows } = await this.pool.query<{ household_id: string; record: PhoneAccess }>(
      `SELECT household_id, record FROM phone_access ${ids ? 'WHERE household_id = ANY($1)' : ''} ORDER BY household_id, at DESC, id`,
      ids ? [ids] : [],
    );
    for (const id of ids ?? []) this.phones.delete(id);
    for (const row of rows) {
      let list = this.phones.get(row.household_id);
      if (!list) this.phones.set(row.household_id, (list = []));
      list.push(row.record);
    }
  }

  of(householdId: string): HouseholdContacts {
    return this.grouped.get(householdId) ?? noContacts;
  }

  byHousehold(): ReadonlyMap<string, HouseholdContacts> {
    return this.grouped;
  }

  phoneAccessOf(householdId: string): PhoneAccess[] {
    return [...(this.phones.get(householdId) ?? [])];
  }

  /** One household's write: locked, read from the database, changed by `change`, the difference written. */
  private async write<T>(householdId: string, change: (draft: ContactRecords) => T): Promise<T> {
    const result = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CONTACTS_LOCK_SPACE, householdId]);
      const before = (await readRecords(client, [householdId])).get(householdId) ?? noRecords();
      const draft = structuredClone(before);
      const value = change(draft);
      await writeDifference(client, before, draft);
      await recordChanges(client, [{ store: 'contacts', key: householdId }]);
      return value;
    });
    await this.feed.catchUp();
    return result;
  }

  async saveCall(write: CallWrite): Promise<void> {
    await this.write(write.contact.householdId, (draft) => writeCall(draft, write));
  }

  async addContact(contact: ContactRecord, completes?: QueueAction): Promise<void> {
    await this.write(contact.householdId, (draft) => writeContact(draft, contact, completes));
  }

  async addQueueAction(action: QueueAction, doneAt: string): Promise<void> {
    await this.write(action.householdId, (draft) => writeQueueAction(draft, action, doneAt));
  }

  recordRepairDone(
    householdId: string,
    grievanceId: string,
    done: RepairDone,
    check: (repair: GrievanceRecord) => { revisitOn: string },
  ): Promise<{ grievance: GrievanceRecord; followUp: FollowUp | null }> {
    return this.write(householdId, (draft) => writeRepairDone(draft, householdId, grievanceId, done, check));
  }

  async removeQueueAction(householdId: string, actionId: string): Promise<void> {
    await this.write(householdId, (draft) => writeQueueActionRemoval(draft, householdId, actionId));
  }

  async addPhoneAccess(entry: PhoneAccess): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO phone_access (id, household_id, at, steward_id, record) VALUES ($1, $2, $3, $4, $5)', [entry.id, entry.householdId, entry.at, entry.stewardId ?? null, JSON.stringify(entry)]);
      await recordChanges(client, [{ store: 'contacts', key: entry.householdId }]);
    });
    await this.feed.catchUp();
  }

  async health(): Promise<DataFileHealth> {
    return { id: 'contacts', label: '催缴记录', fileName: `团队数据库（${this.grouped.size} 户有记录）`, schemaVersion: 1, state: 'ok', sizeBytes: null, modifiedAt: null };
  }
}
