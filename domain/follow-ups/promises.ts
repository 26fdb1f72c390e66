/** A promise's life: pending until its date (and the grace days), kept by payments, broken otherwise. */
import { addDays, type IsoDate } from '../dates';
import type { Fen } from '../money';

export interface PromiseFacts {
  id: string;
  date: IsoDate;
  amountFen: Fen;
  /** The day the promise was made: payments from then on count towards it. */
  madeOn: IsoDate;
  cancelled?: boolean;
}

export interface PaymentFacts {
  paidOn: IsoDate;
  amountFen: Fen;
}

export type PromiseState = 'pending' | 'kept' | 'broken' | 'cancelled';

/**
 * Settles a household's promises against its payments. Payments made since the earliest promise count,
 * oldest promise first: one payment can keep several promises, several payments can keep one. A promise not
 * covered once its date plus the grace days has passed is broken.
 */
export function settlePromises(promises: readonly PromiseFacts[], payments: readonly PaymentFacts[], today: IsoDate, graceDays: number): Map<string, PromiseState> {
  const states = new Map<string, PromiseState>();
  const active = promises.filter((promise) => !promise.cancelled).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const promise of promises) if (promise.cancelled) states.set(promise.id, 'cancelled');
  if (active.length === 0) return states;
  const since = active.reduce((earliest, promise) => (promise.madeOn < earliest ? promise.madeOn : earliest), active[0]!.madeOn);
  let available = payments.filter((payment) => payment.paidOn >= since && payment.paidOn <= today).reduce((sum, payment) => sum + payment.amountFen, 0);
  for (const promise of active) {
    if (available >= promise.amountFen) {
      available -= promise.amountFen;
      states.set(promise.id, 'kept');
    } else {
      states.set(promise.id, today > addDays(promise.date, graceDays) ? 'broken' : 'pending');
    }
  }
  return states;
}
