/**
 * Claims: while a steward is on a call with a household, it is theirs — one household on one steward's screen. A
 * claim lasts CLAIM_MINUTES unless the call screen renews it (each saved draft does); ending the call releases it.
 */
export const CLAIM_MINUTES = 10;
export const CLAIM_SECONDS = CLAIM_MINUTES * 60;

export interface ClaimHolder {
  userId: string;
  name: string;
  /** ISO timestamp. */
  expiresAt: string;
}

/** What another steward's start is told. */
export const claimedMessage = (holder: Pick<ClaimHolder, 'name'>): string => `正在由 ${holder.name || '另一位管家'} 通话，请稍后再打或换一户。`;

/** Whether a claim still holds at `now` (ms since the epoch). */
export const claimHolds = (holder: ClaimHolder | null | undefined, now: number): holder is ClaimHolder => !!holder && Date.parse(holder.expiresAt) > now;
