/**
 * Local mode's claims: one desk, kept in memory (a claim outlives nothing: a restarted desk has no call on another
 * screen to protect). The same rules as the team database's: a claim holds until it expires or is released.
 */
import { claimHolds, type ClaimHolder } from '../../../domain/claims';
import type { Claims } from '../ports';

export class MemoryClaims implements Claims {
  private readonly held = new Map<string, ClaimHolder>();

  private take(householdId: string, user: { id: string; name: string }, seconds: number): ClaimHolder | null {
    const current = this.held.get(householdId);
    if (claimHolds(current, Date.now()) && current.userId !== user.id) return current;
    this.held.set(householdId, { userId: user.id, name: user.name, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() });
    return null;
  }

  async claim(householdId: string, user: { id: string; name: string }, seconds: number) {
    const holder = this.take(householdId, user, seconds);
    return holder ? { claimed: false as const, holder } : { claimed: true as const };
  }

  async claimFirst(householdIds: readonly string[], user: { id: string; name: string }, seconds: number): Promise<string | null> {
    return householdIds.find((id) => this.take(id, user, seconds) === null) ?? null;
  }

  async release(householdId: string, userId: string): Promise<void> {
    if (this.held.get(householdId)?.userId === userId) this.held.delete(householdId);
  }

  holderOf(householdId: string): ClaimHolder | null {
    return this.held.get(householdId) ?? null;
  }
}
