/** The monthly reminder round (the notice ladder itself is notice-ladder.ts). */
import type { IsoDate } from '../dates';
import type { Fen } from '../money';

export const day = (date: IsoDate): number => Number(date.slice(8, 10));

/** From the 5th of each month every unpaid household gets an individual reminder, once a month. */
export function monthlyRoundDue(today: IsoDate, owedFen: Fen, lastReminderOn: IsoDate | null): boolean {
  if (owedFen <= 0 || day(today) < 5) return false;
  return !lastReminderOn || lastReminderOn.slice(0, 7) !== today.slice(0, 7);
}
