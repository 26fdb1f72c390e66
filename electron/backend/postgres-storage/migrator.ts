/**
 * Applies the schema's migrations at start. A session-level advisory lock makes two servers starting together take
 * turns: the second finds the work done. Each migration runs in its own transaction with its bookkeeping row, so a
 * failed one leaves the database as it was before it.
 */
import type { Pool } from 'pg';
import { MIGRATIONS, type Migration } from './migrations';

/** The advisory lock's key: "callcoach" in ASCII, folded into a bigint. */
const MIGRATION_LOCK = 0x63616c6c636f61n;

export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id));
      const known = new Set(migrations.map((migration) => migration.id));
      const unknown = [...done].filter((id) => !known.has(id));
      if (unknown.length > 0) throw new Error(`团队数据库的结构比这个版本新（${unknown.join('、')}），请先升级团队服务器。`);
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`数据库迁移 ${migration.id} 失败：${(error as Error).message}`);
        }
        applied.push(migration.id);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}
