/**
 * Documents (team settings, the script library, saved mappings, settings) and each user's call in progress, in the
 * team database. A document keeps the same spec (schema, defaults, migrations) as local mode's file of it; an update
 * runs its recipe on the document as it is inside a transaction holding its row, validates, and writes.
 */
import type { Pool } from 'pg';
import { decodeDataFile, type DataFileSpec } from '../json-storage/data-file';
import type { CallDrafts, CallSlot, Doc } from '../ports';
import { recordChanges, type ChangeFollower } from './change-feed';
import { inTransaction } from './pool';

export class PgDoc<T> implements Doc<T> {
  readonly error = undefined;
  private value: T;

  private constructor(
    private readonly pool: Pool,
    private readonly feed: ChangeFollower,
    readonly spec: DataFileSpec<T>,
  ) {
    this.value = spec.defaults();
  }

  static async open<T>(pool: Pool, feed: ChangeFollower, spec: DataFileSpec<T>): Promise<PgDoc<T>> {
    const doc = new PgDoc(pool, feed, spec);
    await doc.reload();
    return doc;
  }

  /** The stored document, migrated and validated like local mode's file (defaults when there is none yet). */
  private decode(row: { schema_version: number; data: unknown } | undefined): T {
    if (!row) return this.spec.defaults();
    return decodeDataFile({ ...this.spec, fileName: `团队数据库的${this.spec.label}` }, JSON.stringify({ schemaVersion: row.schema_version, data: row.data })).data;
  }

  async reload(): Promise<void> {
    const { rows } = await this.pool.query<{ schema_version: number; data: unknown }>('SELECT schema_version, data FROM documents WHERE name = $1', [this.spec.id]);
    this.value = this.decode(rows[0]);
  }

  read(): Readonly<T> {
    return this.value;
  }

  async update(recipe: (draft: T) => void): Promise<T> {
    const saved = await inTransaction(this.pool, async (client) => {
      // The row exists (with defaults) before it is locked, so two first updates take turns too.
      await client.query('INSERT INTO documents (name, schema_version, data) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [this.spec.id, this.spec.version, JSON.stringify(this.spec.defaults())]);
      const { rows } = await client.query<{ schema_version: number; data: unknown }>('SELECT schema_version, data FROM documents WHERE name = $1 FOR UPDATE', [this.spec.id]);
      const draft = structuredClone(this.decode(rows[0]));
      recipe(draft);
      const next = this.spec.schema.parse(draft);
      await client.query('UPDATE documents SET schema_version = $2, data = $3, updated_at = now() WHERE name = $1', [this.spec.id, this.spec.version, JSON.stringify(next)]);
      await recordChanges(client, [{ store: 'documents', key: this.spec.id }]);
      return next;
    });
    await this.feed.catchUp();
    return saved;
  }
}

const noCall = (): CallSlot => ({ draft: null, started: null });

/** Each user's call in progress, one row per user; an emptied slot is deleted. */
export class PgCallDrafts implements CallDrafts {
  readonly error = undefined;
  private readonly slots = new Map<string, CallSlot>();

  private constructor(
    private readonly pool: Pool,
    private readonly feed: ChangeFollower,
  ) {}

  static async open(pool: Pool, feed: ChangeFollower): Promise<PgCallDrafts> {
    const drafts = new PgCallDrafts(pool, feed);
    await drafts.reload();
    feed.on('slots', (users) => drafts.reload([...users]));
    return drafts;
  }

  private async reload(users?: string[]): Promise<void> {
    const { rows } = await this.pool.query<{ user_id: string; slot: CallSlot }>(`SELECT user_id, slot FROM call_slots ${users ? 'WHERE user_id = ANY($1)' : ''}`, users ? [users] : []);
    for (const user of users ?? []) this.slots.delete(user);
    for (const row of rows) this.slots.set(row.user_id, row.slot);
  }

  read(userId: string): CallSlot {
    return structuredClone(this.slots.get(userId) ?? noCall());
  }

  async update(userId: string, recipe: (slot: CallSlot) => void): Promise<CallSlot> {
    const saved = await inTransaction(this.pool, async (client) => {
      await client.query('INSERT INTO call_slots (user_id, slot) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [userId, JSON.stringify(noCall())]);
      const { rows } = await client.query<{ slot: CallSlot }>('SELECT slot FROM call_slots WHERE user_id = $1 FOR UPDATE', [userId]);
      const slot = rows[0]!.slot;
      recipe(slot);
      if (slot.draft || slot.started) await client.query('UPDATE call_slots SET slot = $2, updated_at = now() WHERE user_id = $1', [userId, JSON.stringify(slot)]);
      else await client.query('DELETE FROM call_slots WHERE user_id = $1', [userId]);
      await recordChanges(client, [{ store: 'slots', key: userId }]);
      return slot.draft || slot.started ? slot : noCall();
    });
    await this.feed.catchUp();
    return saved;
  }
}
