/**
 * The team database's connection pool: node-postgres with the app's own type mapping — bigint (money in fen,
 * counts) as a JavaScript number (refused beyond 2^53, never silently rounded), `date` as 'YYYY-MM-DD' text,
 * timestamps as Date.
 */
import pg from 'pg';

const INT8 = 20;
const DATE = 1082;

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`数据库里的整数 ${text} 超出了安全范围`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8) return parseSafeInteger;
    if (oid === DATE) return (text: string) => text;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** At most this many connections from this process. */
  max?: number;
  applicationName?: string;
}

export function createPool(databaseUrl: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'call-coach',
    types,
    // A server that cannot reach the database says so instead of waiting forever.
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's error (the database restarted) must not end the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction (READ COMMITTED), committing on success and rolling back on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs independent reads: in parallel on a pool (each on its own connection), one after another on a transaction's
 * client (a client runs one query at a time).
 */
export async function readAll<T extends readonly unknown[]>(db: pg.Pool | pg.PoolClient, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (db instanceof pg.Pool) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
