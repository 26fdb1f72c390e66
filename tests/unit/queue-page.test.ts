import { describe, expect, it } from 'vitest';
import { queuePage } from '../../electron/backend/follow-ups/queue-page';
import type { QueueRow } from '../../electron/contract';

const row = (id: string, kind: QueueRow['kind'], community: string, owner: string | null) => ({ householdId: id, kind, community, owner }) as QueueRow;
const day = {
  date: '2026-11-26',
  rows: [row('a', 'broken-promise', '观山水', '王敏'), row('b', 'notice', '观山水', null), row('c', 'notice', '翠湖湾', null), row('d', 'monthly-round', '观山水', '李娜')],
};
const ids = (page: ReturnType<typeof queuePage>) => page.rows.map((entry) => entry.householdId);

describe('queuePage', () => {
  it('counts kinds under the community and owner filters, and pages the kind filter', () => {
    const page = queuePage(day, { community: '观山水', kind: 'notice', offset: 0, limit: 50 });
    expect(ids(page)).toEqual(['b']);
    expect(page.total).toBe(1);
    expect(page.counts).toMatchObject({ 'broken-promise': 1, notice: 1, 'monthly-round': 1 });
    expect(page.communities).toEqual(['观山水', '翠湖湾'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('tells the team pool (null) from a steward and from everyone (absent)', () => {
    expect(ids(queuePage(day, { owner: null, offset: 0, limit: 50 }))).toEqual(['b', 'c']);
    expect(ids(queuePage(day, { owner: '李娜', offset: 0, limit: 50 }))).toEqual(['d']);
    expect(ids(queuePage(day, { offset: 0, limit: 50 }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns the asked slice and the total', () => {
    const page = queuePage(day, { offset: 1, limit: 2 });
    expect(ids(page)).toEqual(['b', 'c']);
    expect([page.total, page.offset]).toEqual([4, 1]);
  });
});
