/** 今日跟进 as the page asks for it: the day's list filtered, counted per kind, and one page of it. */
import type { DayQueue, TodayQueue, TodayQueueInput } from '../../contract';
import { queueKinds, type QueueKind } from '../../../domain/follow-up-rules';
import { inScope } from '../../../domain/roles';

/** `scope`: the communities the caller sees (null: all); rows of others are neither listed nor counted. */
export function queuePage(day: DayQueue, filters: Omit<TodayQueueInput, 'date'>, scope: ReadonlySet<string> | null = null): Omit<TodayQueue, 'revisits'> {
  const counts = Object.fromEntries(queueKinds.map((kind) => [kind.id, 0])) as Record<QueueKind, number>;
  const communities = new Set<string>();
  const matching = [];
  for (const row of day.rows) {
    if (!inScope(scope, row.community)) continue;
    communities.add(row.community);
    if (filters.community !== undefined && row.community !== filters.community) continue;
    if (filters.owner !== undefined && row.owner !== filters.owner) continue;
    counts[row.kind] += 1;
    if (filters.kind === undefined || row.kind === filters.kind) matching.push(row);
  }
  return {
    date: day.date,
    counts,
    total: matching.length,
    offset: filters.offset,
    rows: matching.slice(filters.offset, filters.offset + filters.limit),
    communities: [...communities].sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}
