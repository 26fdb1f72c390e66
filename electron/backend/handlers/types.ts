import type { RevisitFiguresBuilder } from '../follow-ups/revisit-figures';
import type { MethodName, OutputOf, ParsedInputOf, RunMode } from '../../contract';
import type { Clock } from '../../../domain/clock';
import type { Actor } from '../../../domain/roles';
import type { TodayQueueBuilder } from '../follow-ups/today-queue';
import type { HouseholdQueries } from '../ledger/household-queries';
import type { ImportJobs } from '../ledger/import-jobs';
import type { Uploads } from '../ledger/uploads';
import type { ContactLog, LedgerRepository, Storage } from '../ports';

/** What every handler may use. Plain Node: no Electron, no DOM; storage only through its ports. */
export interface BackendContext {
  storage: Storage;
  /** The storage's ledger and contact log (short names for the two used everywhere). */
  ledger: LedgerRepository;
  contacts: ContactLog;
  queries: HouseholdQueries;
  /** 今日跟进, kept between builds. */
  queue: TodayQueueBuilder;
  /** The month's repair revisits against the 规程. */
  revisits: RevisitFiguresBuilder;
  imports: ImportJobs;
  /** Ledger files arriving in chunks, before their import preview. */
  uploads: Uploads;
  /** Today, the time of day and timestamps, as the backend judges them (a fixed day at 10:00 in test mode). */
  clock: Clock;
  app: { name: string; version: string; mode: RunMode; startedAt: Date };
}

/** One call's context: the backend's, and who is making the call (supplied by the transport). */
export interface CallContext extends BackendContext {
  actor: Actor;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>>;

/** Exactly one handler per contract method; the type makes a missing or extra one a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };
