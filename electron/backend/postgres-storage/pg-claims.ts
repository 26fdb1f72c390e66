/**
 * Claims in the team database. A claim is one upsert that only takes the row when it is free, expired, or the same
 * user's, so however many stewards race for a household, one gets it; `claimFirst` does the same down a list,
 * retrying past a household someone else took in between. The in-memory view (for the queue's "正在通话") follows
 * the change feed.
 */
import type { Pool } from 'pg';
import type { ClaimHolder } from '../../../domain/claims';
import type { Claims } from '../ports';
import { recordChanges, type ChangeFollower } from './change-feed';
import { inTransaction } from './pool';

interface ClaimRow {
  household_id: string;
  user_id: string;
  user_name: string;
  expires_at: Date;
}

const holderOfRow = (row: ClaimRow): ClaimHolder => ({ userId: row.user_id, name: row.user_name, expiresAt: row.expires_at.toISOString() });

const TAKE = `
  INSERT INTO claims (household_id, user_id, user_name, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))
  ON CONFLICT (household_id) DO UPDATE SET user_id = EXCLUDED.user_id, user_name = EXCLUDED.user_name, expires_at = EXCLUDED.expires_at
  WHERE claims.user_id = EXCLUDED.user_id OR claims.expires_at <= now()
  RETURNING household_id`;

export class PgClaims implements Claims {
  private readonly held = new Map<string, ClaimHolder>();

  private constructor(
    private readonly pool: Pool,
    private readonly feed: ChangeFollower,
  ) {}

  static async open(pool: Pool, feed: ChangeFollower): Promise<PgClaims> {
    const claims = new PgClaims(pool, feed);
    await claims.reload();
    feed.on('claims', (ids) => claims.reload([...ids]));
    return claims;
  }

  private async reload(ids?: string[]): Promise<void> {
    const { rows } = await this.pool.query<ClaimRow>(`SELECT household_id, user_id, user_name, expires_at FROM claims WHERE expires_at > now() ${ids ? 'AND household_id = ANY($1)' : ''}`, ids ? [ids] : []);
    for (const id of ids ?? []) this.held.delete(id);
    if (!ids) this.held.clear();
    for (const row of rows) this.held.set(row.household_id, holderOfRow(row));
  }

  /** One attempt at one household, in a transaction with its feed row: true when it is now `user`'s. */
  private async take(householdId: string, user: { id: string; name: string }, seconds: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const taken = await client.query(TAKE, [householdId, user.id, user.name, seconds]);
      if (taken.rowCount) await recordChanges(client, [{ store: 'claims', key: householdId }]);
      return Boolean(taken.rowCount);
    });
  }

  async claim(householdId: string, user: { id: string; name: string }, seconds: number): Promise<{ claimed: true } | { claimed: false; holder: ClaimHolder }> {
    if (await this.take(householdId, user, seconds)) {
      await this.feed.catchUp();
      return { claimed: true as const };
    }
    const { rows } = await this.pool.query<ClaimRow>('SELECT household_id, user_id, user_name, expires_at FROM claims WHERE household_id = $1', [householdId]);
    // Released between the two statements: try once more.
    if (!rows[0]) return this.claim(householdId, user, seconds);
    return { claimed: false as const, holder: holderOfRow(rows[0]) };
  }

  async claimFirst(householdIds: readonly string[], user: { id: string; name: string }, seconds: number): Promise<string | null> {
    // Skip what this server already knows is held by others; the upsert decides for the rest.
    const now = Date.now();
    for (const id of householdIds) {
      const known = this.held.get(id);
      if (known && known.userId !== user.id && Date.parse(known.expiresAt) > now) continue;
      if (await this.take(id, user, seconds)) {
        await this.feed.catchUp();
        return id;
      }
    }
    return null;
  }

  async release(householdId: string, userId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const gone = await client.query('DELETE FROM claims WHERE household_id = $1 AND user_id = $2', [householdId, userId]);
      if (gone.rowCount) await recordChanges(client, [{ store: 'claims', key: householdId }]);
    });
    await this.feed.catchUp();
  }

  holderOf(householdId: string): ClaimHolder | null {
    return this.held.get(householdId) ?? null;
  }
}
