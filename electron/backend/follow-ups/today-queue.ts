/**
 * 今日跟进: for a day, every household that needs something, why, who works it, and whether it may be
 * called now. Facts come from the ledger (arrears, payments) and the contact log (promises, follow-ups,
 * contacts, grievances, queue actions); the rules are domain/follow-up-rules.ts.
 *
 * Fast at 50,000 households because work is kept between builds at two levels:
 * - each household's facts, rebuilt only when its ledger record, payments or contact log changed
 *   (the stores replace those objects on change, so identity says what changed);
 * - each household's row for one (day, settings), kept in a sorted list that is patched, household by
 *   household, from the stores' change logs (a call or a payment touches one household).
 * The time of day matters only through the call windows (a list is kept for inside and for outside them) and
 * a callback's agreed time (applied to the finished list).
 */
import type { DayQueue, QueueRow } from '../../contract';
import {
  callbackNotYetReason,
  callStartProblems,
  collectionPauseOf,
  outsideWindowReason,
  queueOrder,
  queueEntries,
  settlePromises,
  type CallPurpose,
  type CallStartFacts,
  type HouseholdFacts,
  type PromiseState,
  type QueueEntry,
  type TeamSettings,
} from '../../../domain/follow-up-rules';
import type { IsoDate } from '../../../domain/dates';
import { owedOf, type ArrearsSummary, type Household, type Payment } from '../../../domain/ledger';
import type { UnpaidBill } from '../../../domain/notice-ladder';
import type { HouseholdContacts } from '../contacts/contact-records';
import type { ContactLog, LedgerRepository } from '../ports';

/** Each promise's state on `date`: kept by payments since it was made, broken after the grace days. */
export function promiseStates(payments: readonly Payment[], recorded: HouseholdContacts, date: IsoDate, graceDays: number): Map<string, PromiseState> {
  if (recorded.promises.length === 0) return new Map();
  return settlePromises(
    recorded.promises.map((promise) => ({ id: promise.id, date: promise.date, amountFen: promise.amountFen, madeOn: promise.createdAt.slice(0, 10), cancelled: promise.status === 'cancelled' })),
    payments.map((payment) => ({ paidOn: payment.paidOn, amountFen: payment.amountFen })),
    date,
    graceDays,
  );
}

/** What the call rules judge about a household, from its records and its promises' states on the day. */
export function callFactsOf(recorded: HouseholdContacts, states: ReadonlyMap<string, PromiseState>): Pick<CallStartFacts, 'contactDays' | 'collectionPause' | 'openDispute' | 'pendingPromiseUntil'> {
  return {
    contactDays: recorded.contactDays,
    collectionPause: collectionPauseOf(recorded.grievances),
    // An open repair is the collection pause; an open complaint is the dispute.
    openDispute: recorded.grievances.some((grievance) => grievance.status === 'open' && grievance.kind === 'complaint'),
    pendingPromiseUntil:
      recorded.promises
        .filter((promise) => (states.get(promise.id) ?? 'pending') === 'pending')
        .map((promise) => promise.date)
        .sort()[0] ?? null,
  };
}

/**
 * Why a call to one household should not start now: the rules 今日跟进 applies to its rows (callStartProblems on
 * the same facts), for calls.start and calls.check.
 */
export function callProblemsOf(
  ledger: LedgerRepository,
  contacts: ContactLog,
  householdId: string,
  when: { purpose: CallPurpose; today: IsoDate; time: string; settings: TeamSettings },
): string[] {
  const recorded = contacts.of(householdId);
  const states = promiseStates(ledger.paymentsOf(householdId), recorded, when.today, when.settings.graceDays);
  return callStartProblems({ purpose: when.purpose, today: when.today, time: when.time, settings: when.settings, ...callFactsOf(recorded, states) });
}

/** A household's facts that do not depend on the day, and the objects they were derived from. */
interface Sources {
  household: Household;
  summary: ArrearsSummary;
  payments: readonly Payment[];
  recorded: HouseholdContacts;
  /** Nothing owed and nothing recorded: never on the list. */
  idle: boolean;
  unpaid: UnpaidBill[];
  openDispute: boolean;
}

/** The order of 今日跟进 (domain/follow-up-rules.ts); total, so a row can be found by binary search. */
const byUrgency = queueOrder;

function lowerBound(sorted: readonly QueueRow[], row: QueueRow): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byUrgency(sorted[middle]!, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One (day, settings): each household's row as of the revisions it was brought up to, and the sorted list. */
interface DayView {
  rows: Map<string, { sources: Sources; row: QueueRow | null }>;
  sorted: QueueRow[];
  ledgerRevision: number;
  contactsRevision: number;
}

/** More changed households than this and a full pass is quicker than patching the sorted list. */
const PATCH_LIMIT = 2_000;

export class TodayQueueBuilder {
  private readonly sources = new Map<string, Sources>();
  /** The last few (day, settings) asked for: paging through days with the date picker stays quick. */
  private readonly views = new Map<string, DayView>();

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly contacts: ContactLog,
  ) {}

  build(date: IsoDate, time: string, settings: TeamSettings): DayQueue {
    if (this.ledger.error) throw this.ledger.error;
    // Without the whole contact log the caps, pauses and promises would be silently wrong: say what is broken.
    if (this.contacts.error) throw this.contacts.error;
    // Rows depend on the time of day only through the call windows (callStartProblems): one list inside them, one
    // outside, so the minutes going by do not rebuild it.
    const key = `${date}|${outsideWindowReason(time, settings) ?? ''}|${JSON.stringify(settings)}`;
    const view = this.views.get(key);
    const ledgerChanged = view && this.ledger.changes.since(view.ledgerRevision);
    const contactsChanged = view && this.contacts.changes.since(view.contactsRevision);
    let current: DayView;
    if (view && ledgerChanged && contactsChanged && ledgerChanged.size + contactsChanged.size <= PATCH_LIMIT) {
      for (const id of new Set([...ledgerChanged, ...contactsChanged])) this.patch(view, id, date, time, settings);
      current = view;
    } else {
      current = this.fullPass(view, date, time, settings);
    }
    // Most recently used last; the oldest of more than three goes.
    this.views.delete(key);
    this.views.set(key, current);
    if (this.views.size > 3) this.views.delete(this.views.keys().next().value!);
    current.ledgerRevision = this.ledger.changes.revision;
    current.contactsRevision = this.contacts.changes.revision;
    // A callback agreed for later today waits for its time.
    const rows = current.sorted.map((row) => {
      const notYet = callbackNotYetReason(row.dueTime, time);
      return notYet ? { ...row, callable: false, notCallableBecause: [notYet, ...row.notCallableBecause] } : row;
    });
    return { date, rows };
  }

  /** Every household: rows whose facts did not change are kept from `previous`. */
  private fullPass(previous: DayView | undefined, date: IsoDate, time: string, settings: TeamSettings): DayView {
    const grouped = this.contacts.byHousehold();
    const rows: DayView['rows'] = new Map();
    for (const household of this.ledger.allHouseholds()) {
      const sources = this.sourcesOf(household, grouped.get(household.id));
      const cached = previous?.rows.get(household.id);
      rows.set(household.id, cached?.sources === sources ? cached : { sources, row: sources.idle ? null : rowOf(sources, date, time, settings) });
    }
    for (const id of this.sources.keys()) if (!rows.has(id)) this.sources.delete(id);
    const sorted: QueueRow[] = [];
    for (const entry of rows.values()) if (entry.row) sorted.push(entry.row);
    return { rows, sorted: sorted.sort(byUrgency), ledgerRevision: 0, contactsRevision: 0 };
  }

  /** One household changed: replace its row in place. */
  private patch(view: DayView, id: string, date: IsoDate, time: string, settings: TeamSettings): void {
    const household = this.ledger.household(id);
    const old = view.rows.get(id);
    const sources = household ? this.sourcesOf(household, this.contacts.byHousehold().get(id)) : null;
    if (old && old.sources === sources) return;
    if (old?.row) {
      const index = lowerBound(view.sorted, old.row);
      view.sorted.splice(view.sorted[index] === old.row ? index : view.sorted.indexOf(old.row), 1);
    }
    if (!sources) {
      view.rows.delete(id);
      this.sources.delete(id);
      return;
    }
    const row = sources.idle ? null : rowOf(sources, date, time, settings);
    view.rows.set(id, { sources, row });
    if (row) view.sorted.splice(lowerBound(view.sorted, row), 0, row);
  }

  /** Everything due for one household on a day (every entry, not only the one its row shows). */
  entriesOf(householdId: string, date: IsoDate, settings: TeamSettings): QueueEntry[] {
    const household = this.ledger.household(householdId);
    if (!household) return [];
    const sources = this.sourcesOf(household, this.contacts.byHousehold().get(householdId));
    return sources.idle ? [] : queueEntries(factsOf(sources, date, settings), date, settings);
  }

  private sourcesOf(household: Household, grouped: HouseholdContacts | undefined): Sources {
    const summary = this.ledger.summaryOf(household.id)!;
    const payments = this.ledger.paymentsOf(household.id);
    const recorded = grouped ?? this.contacts.of(household.id);
    const cached = this.sources.get(household.id);
    if (cached && cached.household === household && cached.summary === summary && cached.payments === payments && cached.recorded === recorded) return cached;
    const items = this.ledger.itemsOf(household.id);
    const sources: Sources = {
      household,
      summary,
      payments,
      recorded,
      idle: !grouped && summary.owedFen <= 0,
      unpaid: summary.owedFen > 0 ? items.filter((item) => owedOf(item) > 0) : [],
      openDispute: recorded.grievances.some((grievance) => grievance.status === 'open' && grievance.kind !== 'other'),
    };
    this.sources.set(household.id, sources);
    return sources;
  }
}

/** The rules' view of a household on a day. */
function factsOf(sources: Sources, date: IsoDate, settings: TeamSettings, states = promiseStates(sources.payments, sources.recorded, date, settings.graceDays)): HouseholdFacts {
  const { household, summary, recorded } = sources;
  return {
    householdId: household.id,
    kind: household.kind,
    owedFen: summary.owedFen,
    unpaid: sources.unpaid,
    promises: recorded.promises.map((promise) => ({ id: promise.id, date: promise.date, amountFen: promise.amountFen, madeOn: promise.createdAt.slice(0, 10), state: states.get(promise.id) ?? 'pending' })),
    followUps: recorded.followUps,
    contactDays: recorded.contactDays,
    openDispute: sources.openDispute,
    noticesIssued: recorded.handling.notices,
    reachedPhoneDays: recorded.reachedPhoneDays,
    lastReminderOn: recorded.contactDays[recorded.contactDays.length - 1] ?? null,
    handling: recorded.handling,
  };
}

/** Rows of these kinds name their follow-up (a revisit call is for one). */
const followUpRowKinds: ReadonlySet<string> = new Set(['repair-revisit', 'complaint-reply', 'callback']);

/** The household's row for a day (at a time of day: see build), or null when nothing is due. */
function rowOf(sources: Sources, date: IsoDate, time: string, settings: TeamSettings): QueueRow | null {
  const { household, summary, recorded } = sources;
  const states = promiseStates(sources.payments, recorded, date, settings.graceDays);
  const facts = factsOf(sources, date, settings, states);
  const entries = queueEntries(facts, date, settings);
  if (entries.length === 0) return null;
  const [first, ...rest] = entries;
  // The one definition calls.start applies: a row is callable exactly when a collection call may start.
  const problems = callStartProblems({ purpose: 'collection', today: date, time, settings, ...callFactsOf(recorded, states) });
  return {
    householdId: household.id,
    community: household.community,
    roomLabel: household.roomLabel,
    ownerName: household.ownerName,
    owedFen: summary.owedFen,
    monthsOverdue: summary.monthsOverdue,
    kind: first!.kind,
    reason: first!.reason,
    moreReasons: rest.map((entry) => entry.reason),
    priority: first!.priority,
    entryKey: first!.key,
    owner: first!.owner ?? null,
    ownerId: first!.ownerId ?? null,
    dueTime: first!.dueTime,
    followUpId: followUpRowKinds.has(first!.kind) ? first!.followUpId : null,
    callable: problems.length === 0,
    notCallableBecause: problems,
  };
}
