/** "Today" is a calendar day in Asia/Shanghai, whatever the machine's time zone. Pure. */
import type { IsoDate } from './dates';

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const todayInShanghai = (now: Date = new Date()): IsoDate => shanghaiDay.format(now);

/** An ISO timestamp with the +08:00 offset. */
export function shanghaiTimestamp(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The time of day in Asia/Shanghai, HH:mm. */
export const shanghaiTimeOfDay = (now: Date = new Date()): string => shanghaiTimestamp(now).slice(11, 16);

/** A time of day as stored and compared everywhere: HH:mm, 24-hour. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How far a client's claimed start of a call may lie before the backend's time, and after it (clock skew). */
const CLAIM_BEFORE_MS = 12 * 3600_000;
const CLAIM_AFTER_MS = 5 * 60_000;

/**
 * A time the steward's computer claims (when a call began), kept beside the backend's own time only when it is
 * plausible: not after the backend's now (beyond a little clock skew) and at most 12 hours before it.
 */
export function plausibleClaim(claimed: string, now: string): string | null {
  const at = Date.parse(claimed);
  const reference = Date.parse(now);
  if (Number.isNaN(at) || Number.isNaN(reference)) return null;
  return at <= reference + CLAIM_AFTER_MS && at >= reference - CLAIM_BEFORE_MS ? claimed : null;
}
