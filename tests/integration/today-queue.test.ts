/** 今日跟进 through the backend, with the clock moved: promises due, kept by a re-import, broken after the grace days. */
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { TodayQueue } from '../../electron/contract';
import { tempDir } from '../helpers/fs';
import { call, importFixture } from '../helpers/ledger';
import { makeCall } from '../helpers/calls';

const KEEPER = '观山水|8-2-1203';
const BREAKER = '观山水|8-2-1204';

describe('today’s queue', () => {
  it('shows a promise on its day, marks it kept after a covering import, and flags another as broken after the grace day', async () => {
    const dataDir = tempDir();
    let today = '2025-11-10';
    const backend = await createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0, today: () => today });
    await importFixture(backend, 'gbk-system-a.csv');
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const promise = (householdId: string, date: string, amountFen: number) => makeCall(backend, { householdId, outcome: 'promised', promises: [{ date, amountFen, channel: '微信' }] });
    await promise(KEEPER, '2025-11-12', 123_450);
    await promise(BREAKER, '2025-11-12', 100_000);

    const queue = (date?: string) => call(backend, 'followups.today', date ? { date } : {});
    const kinds = (q: TodayQueue, id: string) => q.rows.filter((row) => row.householdId === id).map((row) => [row.kind, ...row.moreReasons]);

    // Two days out: not on today's list (and not callable: a promise stands).
    expect((await queue()).rows.find((row) => row.householdId === KEEPER)).toBeUndefined();
    // The day before: a reminder message; on the day: a promise-due call.
    expect(kinds(await queue('2025-11-11'), KEEPER)[0]![0]).toBe('promise-message');
    expect(kinds(await queue('2025-11-12'), KEEPER)[0]![0]).toBe('promise-due');

    // The newer ledger shows the September item paid: 1,234.50 covers the first promise.
    today = '2025-11-12';
    await importFixture(backend, 'gbk-system-a-newer.csv');
    const kept = await call(backend, 'households.get', { id: KEEPER });
    expect(kept.promises[0]!.status).toBe('kept');

    // Past the promised day plus one grace day, the other is broken and heads the list.
    today = '2025-11-14';
    const later = await queue();
    expect(later.rows[0]).toMatchObject({ householdId: BREAKER, kind: 'broken-promise', reason: expect.stringContaining('已过期未缴') });
    expect(later.counts['broken-promise']).toBe(1);
    expect((await call(backend, 'households.get', { id: BREAKER })).promises[0]!.status).toBe('broken');
    backend.close();
  });

  it('validates the team settings and keeps them', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', version: 't', demoHouseholds: 0 });
    const settings = await call(backend, 'teamSettings.get', {});
    expect(settings.graceDays).toBe(1);
    await expect(call(backend, 'teamSettings.update', { ...settings, graceDays: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(backend, 'teamSettings.update', { ...settings, maxCallsPerDay: 3, maxCallsPerWeek: 2 })).rejects.toThrow(/每周上限不能小于每天上限/);
    expect(await call(backend, 'teamSettings.update', { ...settings, graceDays: 3 })).toMatchObject({ graceDays: 3 });
    backend.close();
  });
});
