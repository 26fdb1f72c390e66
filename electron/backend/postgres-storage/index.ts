/**
 * Team mode's storage: one PostgreSQL database shared by every team server (and the CLI). Opening it migrates the
 * schema (servers starting together take turns). Nothing outside this folder reads or writes its tables.
 */
import type { Pool } from 'pg';
import { Accounts, type AccountsOptions } from './accounts';
import { migrate } from './migrator';
import { createPool, type PoolOptions } from './pool';

export { Accounts, type SessionActor } from './accounts';

export interface TeamDatabase {
  readonly pool: Pool;
  readonly accounts: Accounts;
  /** Where the data is, for 关于 and the logs: the server and database, never the password. */
  readonly location: string;
  close(): Promise<void>;
}

/** `postgres://user:secret@host:5432/db` → `postgres://host:5432/db` (what may be shown and logged). */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '（数据库地址格式不对）';
  }
}

export async function openTeamDatabase(databaseUrl: string, options: PoolOptions & { accounts?: AccountsOptions } = {}): Promise<TeamDatabase> {
  const pool = createPool(databaseUrl, options);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { pool, accounts: new Accounts(pool, options.accounts), location: redactDatabaseUrl(databaseUrl), close: () => pool.end() };
}

export { openPostgresStorage } from './pg-storage';
