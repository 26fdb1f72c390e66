/**
 * The backend: plain Node, no Electron. The desktop app runs it in the main process, browser mode inside the
 * loopback web server, the CLI in its own process; each calls it through `dispatch` with the actor it vouches for
 * (the desk's user, or the CLI's). This is the composition root: the only place that picks a storage.
 */
import type { RunMode } from '../contract';
import { fixedDayClock, shanghaiClock } from '../../domain/clock';
import type { IsoDate } from '../../domain/dates';
import { localActor, type Actor } from '../../domain/roles';
import { createDispatch, type Dispatch } from './dispatch';
import { handlers, type BackendContext } from './handlers';
import { seedDemoData } from './ledger/demo-seed';
import { HouseholdQueries } from './ledger/household-queries';
import { TodayQueueBuilder } from './follow-ups/today-queue';
import { RevisitFiguresBuilder } from './follow-ups/revisit-figures';
import { ImportJobs } from './ledger/import-jobs';
import { Uploads } from './ledger/uploads';
import { openJsonStorage, type JsonStorage } from './json-storage';
import type { Storage } from './ports';
import { openPostgresStorage, openTeamDatabase, type TeamDatabase } from './postgres-storage';

export const DEMO_HOUSEHOLDS = 3000;

export interface BackendOptions {
  dataDir: string;
  /** Local mode runs as the desktop app, browser mode or the CLI. */
  mode: Exclude<RunMode, 'team'> | 'cli';
  version: string;
  appName?: string;
  log?: (message: string) => void;
  /** Generated demo households loaded on first run (an empty data directory); 0 for none. */
  demoHouseholds?: number;
  /** A fixed "today" (test mode; the time of day is then 10:00); default: the calendar day in Asia/Shanghai. */
  today?: () => IsoDate;
}

export interface Backend<S extends Storage = JsonStorage> {
  dispatch: Dispatch;
  /** The desk's user in local mode: every role, signing with the name in 本机设置. */
  deskActor(): Actor;
  ctx: BackendContext;
  storage: S;
  close(): void;
}

const defaultLog = (message: string) => console.error(`[call-coach] ${message}`);

/** Local mode: the backend on a data folder (taking its lock). */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const purpose = { electron: '桌面程序', browser: '浏览器模式', cli: '命令行工具' }[options.mode];
  return assemble(await openJsonStorage(options.dataDir, purpose), options);
}

export interface TeamBackendOptions extends Omit<BackendOptions, 'dataDir' | 'mode' | 'demoHouseholds'> {
  databaseUrl: string;
  /** Connections from this server (default 20). */
  poolSize?: number;
}

/** Team mode: the backend on the team database (migrated at open), with its accounts. */
export async function createTeamBackend(options: TeamBackendOptions): Promise<Backend<Storage> & { db: TeamDatabase }> {
  const log = options.log ?? defaultLog;
  const db = await openTeamDatabase(options.databaseUrl, { max: options.poolSize ?? 20, applicationName: 'call-coach-team-server' });
  try {
    const storage = await openPostgresStorage({ pool: db.pool, databaseUrl: options.databaseUrl, location: db.location, log });
    const backend = await assemble(storage, { ...options, mode: 'team', demoHouseholds: 0 });
    return {
      ...backend,
      db,
      close: () => {
        backend.close();
        void db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function assemble<S extends Storage>(storage: S, options: Omit<BackendOptions, 'dataDir' | 'mode'> & { mode: RunMode | 'cli' }): Promise<Backend<S>> {
  const log = options.log ?? defaultLog;
  try {
    const { ledger, contacts } = storage;
    const clock = options.today ? fixedDayClock(options.today) : shanghaiClock;
    const today = () => clock.today();
    for (const problem of storage.problems) log(`data file problem: ${problem.message}`);
    const demo = options.demoHouseholds ?? DEMO_HOUSEHOLDS;
    // Demo data only into a folder that has never held a ledger (a lost manifest is reported, never seeded over).
    if (demo > 0 && storage.isNew) {
      await seedDemoData(ledger, { households: demo, today: today() });
      log(`first run: loaded ${demo} generated demo households (undo it under 业主欠费 → 导入记录)`);
    }
    const queries = new HouseholdQueries(ledger, contacts, today, () => storage.teamSettings.read());
    const ctx: BackendContext = {
      storage,
      ledger,
      contacts,
      queries,
      queue: new TodayQueueBuilder(ledger, contacts),
      revisits: new RevisitFiguresBuilder(contacts),
      imports: new ImportJobs(ledger, today),
      uploads: new Uploads(),
      clock,
      app: {
        name: options.appName ?? 'Call Coach 催缴通话助手',
        version: options.version,
        mode: options.mode === 'cli' ? 'browser' : options.mode,
        startedAt: new Date(),
      },
    };
    // The search index and today's queue are built in the background so the first Ctrl+K and the morning's
    // list are instant.
    setTimeout(() => {
      queries.warm();
      // Only with every source readable: a broken file is reported when the page asks, never thrown from here.
      if (!ledger.error && !contacts.error && !storage.teamSettings.error) ctx.queue.build(clock.today(), clock.timeOfDay(), storage.teamSettings.read());
    }, 0).unref?.();
    // A settings file that cannot be read leaves the desk unsigned; signing says why.
    const deskActor = () => localActor(storage.settings.error ? '' : storage.settings.read().stewardName.trim());
    return { dispatch: createDispatch(handlers, ctx, log), deskActor, ctx, storage, close: () => storage.close() };
  } catch (error) {
    storage.close();
    throw error;
  }
}
