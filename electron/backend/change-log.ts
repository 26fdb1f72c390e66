/**
 * Which households a store changed, revision by revision, so caches can update just those. The log is
 * bounded: a caller further behind than it reaches gets null and rebuilds from scratch.
 */
export class ChangeLog {
  revision = 0;
  private readonly entries: { revision: number; ids: readonly string[] }[] = [];
  private readonly pending = new Set<string>();
  private held = 0;

  constructor(private readonly maxIds = 20_000) {}

  touch(id: string): void {
    this.pending.add(id);
  }

  /** Ends one change: a new revision that remembers the households touched since the last. */
  commit(): void {
    this.revision += 1;
    this.entries.push({ revision: this.revision, ids: [...this.pending] });
    this.held += this.pending.size;
    this.pending.clear();
    while (this.held > this.maxIds && this.entries.length > 1) this.held -= this.entries.shift()!.ids.length;
  }

  /** Households changed after `revision`; null when the log no longer reaches back that far. */
  since(revision: number): Set<string> | null {
    if (revision === this.revision) return new Set();
    const first = this.entries[0];
    if (!first || first.revision > revision + 1) return null;
    const ids = new Set<string>();
    for (const entry of this.entries) if (entry.revision > revision) for (const id of entry.ids) ids.add(id);
    return ids;
  }
}
