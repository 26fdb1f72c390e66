/**
 * Team mode's Storage: the ports over one PostgreSQL database, with this server's in-memory views kept current from
 * the change feed (another server's write shows here within a notification, or the next second's poll).
 */
import type { Pool } from 'pg';
import type { Role, UserRecord } from '../../../domain/roles';
import { dataFileSpecs } from '../json-storage/data-files';
import type { Storage, UserDirectory } from '../ports';
import { ChangeFollower } from './change-feed';
import { PgClaims } from './pg-claims';
import { PgContactLog } from './pg-contacts';
import { PgCallDrafts, PgDoc } from './pg-documents';
import { PgLedger } from './pg-ledger';

/** The team's accounts as the ports see them (id, name, roles), refreshed when an account changes. */
class PgUserDirectory implements UserDirectory {
  private users: UserRecord[] = [];
  constructor(private readonly pool: Pool) {}

  async reload(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string; name: string; roles: Role[] }>('SELECT id, name, roles FROM users WHERE disabled_at IS NULL ORDER BY username');
    this.users = rows;
  }

  list(): readonly UserRecord[] {
    return this.users;
  }
}

export interface PostgresStorageOptions {
  pool: Pool;
  databaseUrl: string;
  /** Shown in 关于 and logs (never the password). */
  location: string;
  log?: (line: string) => void;
  /** How often to read the feed when no notification came (default 1 s). */
  pollMs?: number;
}

export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const { pool } = options;
  const feed = new ChangeFollower(pool, options.databaseUrl, options.log);
  await feed.startingPoint();
  const [ledger, contacts, drafts, claims, teamSettings, scripts, mappings, settings] = await Promise.all([
    PgLedger.open(pool, feed),
    PgContactLog.open(pool, feed),
    PgCallDrafts.open(pool, feed),
    PgClaims.open(pool, feed),
    PgDoc.open(pool, feed, dataFileSpecs.teamSettings),
    PgDoc.open(pool, feed, dataFileSpecs.scripts),
    PgDoc.open(pool, feed, dataFileSpecs.mappings),
    PgDoc.open(pool, feed, dataFileSpecs.settings),
  ]);
  const documents = new Map<string, PgDoc<unknown>>([teamSettings, scripts, mappings, settings].map((doc) => [doc.spec.id, doc as PgDoc<unknown>]));
  feed.on('documents', async (names) => {
    for (const name of names) await documents.get(name)?.reload();
  });
  const users = new PgUserDirectory(pool);
  await users.reload();
  feed.on('users', () => users.reload());
  await feed.follow(options.pollMs);
  const isNew = ledger.householdCount === 0 && ledger.imports().length === 0;
  return {
    location: options.location,
    isNew,
    ledger,
    contacts,
    teamSettings,
    scripts,
    mappings,
    settings,
    drafts,
    claims,
    users,
    problems: [],
    health: async () => [await ledger.health(), await contacts.health()],
    missingFiles: async () => [],
    forgetMissingFile: async () => false,
    close: () => void feed.close(),
  };
}
