/**
 * 今日跟进: for a day, every household that needs something, why, and whether it may be called now.
 * Facts come from the ledger (arrears, payments) and the contact log (promises, follow-ups, contacts,
 * grievances); the rules are domain/follow-up-rules.ts.
 */
import type { QueueRow, TodayQueue } from '../../contract';
import { callability, queueEntries, queueKinds, settlePromises, type HouseholdFacts, type PromiseState, type QueueKind, type TeamSettings } from '../../../domain/follow-up-rules';
import type { IsoDate } from '../../../domain/dates';
import type { ContactStore, HouseholdContacts } from '../contacts/contact-store';
import type { LedgerStore } from '../ledger/ledger-store';

/** Each promise's state on `date`: kept by payments since it was made, broken after the grace days. */
export function promiseStates(ledger: LedgerStore, recorded: HouseholdContacts, householdId: string, date: IsoDate, graceDays: number): Map<string, PromiseState> {
  if (recorded.promises.length === 0) return new Map();
  return settlePromises(
    recorded.promises.map((promise) => ({ id: promise.id, date: promise.date, amountFen: promise.amountFen, madeOn: promise.createdAt.slice(0, 10), cancelled: promise.status === 'cancelled' })),
    ledger.paymentsOf(householdId).map((payment) => ({ paidOn: payment.paidOn, amountFen: payment.amountFen })),
    date,
    graceDays,
  );
}

export function buildTodayQueue(ledger: LedgerStore, contacts: ContactStore, date: IsoDate, time: string, settings: TeamSettings): TodayQueue {
  if (ledger.error) throw ledger.error;
  const grouped = contacts.byHousehold();
  const rows: QueueRow[] = [];
  for (const household of ledger.allHouseholds()) {
    const summary = ledger.summaryOf(household.id)!;
    const recorded = grouped.get(household.id);
    if (!recorded && summary.owedFen <= 0) continue;
    const { contactDays, phoneDays, promises, followUps, grievances } = recorded ?? contacts.of(household.id);
    const states = promiseStates(ledger, recorded ?? contacts.of(household.id), household.id, date, settings.graceDays);
    const firstPhoneReminderOn = phoneDays.find((phoneDay) => !summary.earliestUnpaid || phoneDay >= summary.earliestUnpaid) ?? null;
    const facts: HouseholdFacts = {
      householdId: household.id,
      kind: household.kind,
      owedFen: summary.owedFen,
      monthsOwed: summary.monthsOverdue,
      earliestUnpaid: summary.earliestUnpaid,
      promises: promises.map((promise) => ({ id: promise.id, date: promise.date, amountFen: promise.amountFen, madeOn: promise.createdAt.slice(0, 10), state: states.get(promise.id) ?? 'pending' })),
      followUps,
      contactDays,
      openDispute: grievances.some((grievance) => grievance.status === 'open' && grievance.kind !== 'other'),
      noticesIssued: [],
      firstPhoneReminderOn,
      lastReminderOn: contactDays[contactDays.length - 1] ?? null,
    };
    const entries = queueEntries(facts, date, settings);
    if (entries.length === 0) continue;
    const pending = facts.promises.filter((promise) => promise.state === 'pending').map((promise) => promise.date).sort()[0] ?? null;
    const check = callability({ today: date, time, contacts: contactDays.map((day) => ({ day })), openDispute: facts.openDispute, pendingPromiseUntil: pending, settings });
    const [first, ...rest] = entries;
    rows.push({
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
      followUpId: first!.followUpId,
      callable: check.callable,
      notCallableBecause: check.reasons,
    });
  }
  rows.sort((a, b) => a.priority - b.priority || b.owedFen - a.owedFen);
  const counts = Object.fromEntries(queueKinds.map((kind) => [kind.id, 0])) as Record<QueueKind, number>;
  for (const row of rows) counts[row.kind] += 1;
  return { date, counts, rows };
}
