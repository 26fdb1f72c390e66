/**
 * The team database's change feed, and each server's catching up with it. Every write appends (store, key) rows to
 * `changes` in its own transaction, taking the feed's lock just before it commits, so revisions commit in order; it
 * then notifies `call_coach_changes`. Each server keeps its in-memory views (the ledger, the contact log, the
 * documents) current by reading the rows past the last revision it saw: at once on a notification, after its own
 * writes (before they resolve: a caller reads its own write), and every second in case a notification was missed.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

export type FeedStore = 'ledger' | 'ledger-meta' | 'contacts' | 'documents' | 'slots' | 'claims' | 'users';

export interface FeedEntry {
  store: FeedStore;
  key: string;
}

const CHANNEL = 'call_coach_changes';
/** The feed's advisory lock ("feed" in ASCII). */
const FEED_LOCK = '1717920100';

/** Inside a write's transaction, last: the feed rows of what it changed, and the notification sent on commit. */
export async function recordChanges(client: PoolClient, entries: readonly FeedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
  await client.query('INSERT INTO changes (store, key) SELECT * FROM unnest($1::text[], $2::text[])', [entries.map((entry) => entry.store), entries.map((entry) => entry.key)]);
  await client.query(`SELECT pg_notify('${CHANNEL}', '')`);
}

/** What a store does with the keys changed since it last looked. */
export type Reloader = (keys: Set<string>) => Promise<void>;

export class ChangeFollower {
  private lastRev = 0;
  private readonly reloaders = new Map<FeedStore, Reloader>();
  private current: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private listener: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** The revision a store's initial load starts from (read before loading: what lands meanwhile is caught up). */
  async startingPoint(): Promise<void> {
    const { rows } = await this.pool.query<{ rev: number | null }>('SELECT max(rev) AS rev FROM changes');
    this.lastRev = rows[0]?.rev ?? 0;
  }

  on(store: FeedStore, reload: Reloader): void {
    this.reloaders.set(store, reload);
  }

  /** Starts following: LISTEN on its own connection, and the poll. */
  async follow(pollMs = 1000): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => void this.catchUp().catch(() => {}), pollMs);
    this.poll.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'call-coach-listen' });
    client.on('notification', () => void this.catchUp().catch(() => {}));
    client.on('error', (error) => {
      this.log(`change feed connection lost (${error.message}); reconnecting`);
      this.listener = null;
      client.end().catch(() => {});
      setTimeout(() => void this.listen().catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    // Whatever was missed while not listening.
    void this.catchUp().catch(() => {});
  }

  /**
   * Reads the feed past the last revision seen and reloads what changed. Calls while one runs share the next run,
   * which starts after it: a caller always gets a run that began after it asked.
   */
  catchUp(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.current
      .catch(() => {})
      .then(() => {
        this.queued = null;
        return this.once();
      });
    this.queued = next;
    this.current = next;
    return next;
  }

  private async once(): Promise<void> {
    for (;;) {
      const { rows } = await this.pool.query<{ rev: number; store: FeedStore; key: string }>('SELECT rev, store, key FROM changes WHERE rev > $1 ORDER BY rev LIMIT 20000', [this.lastRev]);
      if (rows.length === 0) return;
      const byStore = new Map<FeedStore, Set<string>>();
      for (const row of rows) {
        let keys = byStore.get(row.store);
        if (!keys) byStore.set(row.store, (keys = new Set()));
        keys.add(row.key);
      }
      for (const [store, keys] of byStore) await this.reloaders.get(store)?.(keys);
      this.lastRev = rows[rows.length - 1]!.rev;
      if (rows.length < 20000) return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    await this.current.catch(() => {});
    await this.listener?.end().catch(() => {});
  }
}
