/** Working the queue through the backend: complete with a reason, snooze, reassign, undo, a logged message; and the kept-between-builds queue agrees with a fresh one. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { TodayQueueBuilder } from '../../electron/backend/follow-ups/today-queue';
import type { HouseholdRecord, QueueAction, TodayQueue } from '../../electron/contract';
import { tempDir } from '../helpers/fs';
import { call, importFixture } from '../helpers/ledger';
import { makeCall } from '../helpers/calls';

const LEAKY = '观山水|8-2-1203';
const OTHER = '观山水|8-2-1204';

async function setUp(start = '2025-11-10') {
  const clock = { today: start };
  const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', version: 't', demoHouseholds: 0, today: () => clock.today });
  await importFixture(backend, 'gbk-system-a.csv');
  await call(backend, 'settings.update', { stewardName: '王敏' });
  const queue = (date?: string) => call<TodayQueue>(backend, 'followups.today', date ? { date } : {});
  const rowOf = async (id: string, date?: string) => (await queue(date)).rows.find((row) => row.householdId === id);
  const record = (id: string) => call<HouseholdRecord>(backend, 'households.get', { id });
  const act = (input: object) => call<{ action: QueueAction }>(backend, 'followups.act', input);
  return { backend, clock, queue, rowOf, record, act };
}

describe('working the queue', () => {
  it('a repair revisit marked done lifts the collection pause; undo restores it', async () => {
    const { backend, clock, rowOf, record, act } = await setUp();
    await makeCall(backend, {
      householdId: LEAKY,
      outcome: 'grievance',
      notes: '',
      refusalReason: null,
      objection: 'repair',
      promises: [],
      grievances: [{ kind: 'repair', ticket: { category: '电梯', location: '8 号楼', urgency: '一般', words: '电梯坏了一周' } }],
    });
    clock.today = '2025-11-12';
    const due = await rowOf(LEAKY);
    expect(due).toMatchObject({ kind: 'repair-revisit', callable: false, entryKey: expect.stringMatching(/^repair-revisit:/), followUpId: expect.stringMatching(/^follow-/) });
    expect(due!.notCallableBecause).toEqual(['暂停催缴：维修回访未完成（电梯（8 号楼）），回访日 2025-11-12']);
    expect((await record(LEAKY)).collectionPause).not.toBeNull();

    await expect(act({ action: 'complete', householdId: LEAKY, entryKey: due!.entryKey, reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const { action } = await act({ action: 'complete', householdId: LEAKY, entryKey: due!.entryKey, reason: '电梯已修好，业主确认' });
    const after = await record(LEAKY);
    expect(after.collectionPause).toBeNull();
    expect(after.grievances[0]!.status).toBe('done');
    expect(after.followUps.find((followUp) => followUp.kind === 'repair-revisit')).toMatchObject({ status: 'done', doneReason: '电梯已修好，业主确认' });
    // Off today's list; collection resumes: next month's round may call.
    expect(await rowOf(LEAKY)).toBeUndefined();
    expect(await rowOf(LEAKY, '2025-12-05')).toMatchObject({ kind: 'monthly-round', callable: true });
    await expect(act({ action: 'complete', householdId: LEAKY, entryKey: due!.entryKey, reason: '再来一次' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await call(backend, 'followups.undo', { householdId: LEAKY, actionId: action.id });
    expect((await record(LEAKY)).collectionPause).not.toBeNull();
    expect(await rowOf(LEAKY)).toMatchObject({ kind: 'repair-revisit' });
    await expect(call(backend, 'followups.undo', { householdId: LEAKY, actionId: action.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    backend.close();
  });

  it('snoozes a household until a later day, with limits, and reassigns it within the roster', async () => {
    const { backend, clock, rowOf, act } = await setUp('2025-11-20');
    expect(await rowOf(OTHER)).toMatchObject({ kind: 'monthly-round', owner: null });
    await expect(act({ action: 'snooze', householdId: OTHER, until: '2025-11-20', reason: '业主出差' })).rejects.toThrow(/晚于今天/);
    await expect(act({ action: 'snooze', householdId: OTHER, until: '2026-03-01', reason: '业主出差' })).rejects.toThrow(/最多暂缓 90 天/);
    await act({ action: 'snooze', householdId: OTHER, until: '2025-11-24', reason: '业主出差，下周一回来' });
    expect(await rowOf(OTHER)).toBeUndefined();
    expect(await rowOf(OTHER, '2025-11-23')).toBeUndefined();
    expect(await rowOf(OTHER, '2025-11-24')).toMatchObject({ kind: 'monthly-round' });

    await expect(act({ action: 'reassign', householdId: OTHER, assignee: '李娜', reason: '' })).rejects.toThrow(/不在团队的管家名单里/);
    const settings = await call<object>(backend, 'teamSettings.get', {});
    await call(backend, 'teamSettings.update', { ...settings, stewards: ['李娜', '王敏'] });
    await act({ action: 'reassign', householdId: OTHER, assignee: '李娜', reason: '李娜熟悉这户' });
    clock.today = '2025-11-24';
    expect(await rowOf(OTHER)).toMatchObject({ owner: '李娜' });
    await act({ action: 'reassign', householdId: OTHER, assignee: null, reason: '' });
    expect(await rowOf(OTHER)).toMatchObject({ owner: null });
    backend.close();
  });

  it('logs the day-before message as a contact and takes it off the list', async () => {
    const { backend, clock, rowOf, record } = await setUp();
    await makeCall(backend, {
      householdId: OTHER,
      outcome: 'promised',
      notes: '',
      refusalReason: null,
      objection: null,
      grievances: [],
      promises: [{ date: '2025-11-14', amountFen: 100_000, channel: '微信' }],
    });
    clock.today = '2025-11-13';
    const row = await rowOf(OTHER);
    expect(row).toMatchObject({ kind: 'promise-message' });
    await expect(call(backend, 'contacts.logMessage', { householdId: OTHER, channel: '短信', text: '', entryKey: row!.entryKey })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(backend, 'contacts.logMessage', { householdId: OTHER, channel: '短信', text: '再不交的话，下个月就给您家停水。', entryKey: row!.entryKey })).rejects.toThrow(/消息未通过合规检查/);
    await call(backend, 'contacts.logMessage', { householdId: OTHER, channel: '短信', text: '您好，明天是约定的缴费日……', entryKey: row!.entryKey });
    expect(await rowOf(OTHER)).toBeUndefined();
    expect((await record(OTHER)).contacts[0]).toMatchObject({ channel: '短信', outcome: '已发提醒', notes: '您好，明天是约定的缴费日……' });
    // On the day, the promise-due call is still there (a message yesterday does not cap today).
    clock.today = '2025-11-14';
    expect(await rowOf(OTHER)).toMatchObject({ kind: 'promise-due', callable: true });
    backend.close();
  });

  it('marks a notice issued: it leaves the list, and the ladder moves on', async () => {
    const { backend, queue, act } = await setUp('2025-11-26');
    const before = await queue();
    const notice = before.rows.find((row) => row.kind === 'notice')!;
    expect(notice).toBeDefined();
    await act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已张贴并拍照' });
    const after = await queue();
    expect(after.rows.find((row) => row.householdId === notice.householdId)?.kind).not.toBe('notice');
    expect(after.counts.notice).toBe(before.counts.notice - 1);
    await expect(act({ action: 'complete', householdId: notice.householdId, entryKey: 'notice:传单:2025-11', reason: 'x' })).rejects.toMatchObject({ code: 'VALIDATION' });
    backend.close();
  });

  it('lists today’s callbacks with their owner, untimed first; a timed one waits for its time', async () => {
    const { backend, clock, queue } = await setUp('2025-11-10');
    const callback = (householdId: string, time: string | null, owner: string | null) => makeCall(backend, { householdId, outcome: 'callback', callback: { date: '2025-11-11', time, owner } });
    await callback(LEAKY, '19:30', null);
    await callback(OTHER, null, null);
    clock.today = '2025-11-11'; // test mode: it is 10:00
    const callbacks = (await queue()).rows.filter((row) => row.kind === 'callback');
    expect(callbacks.map((row) => [row.householdId, row.dueTime, row.owner, row.callable])).toEqual([
      [OTHER, null, null, true],
      [LEAKY, '19:30', null, false],
    ]);
    expect(callbacks[1]!.reason).toBe('约好回电 19:30');
    expect(callbacks[1]!.notCallableBecause).toEqual(['约好 19:30 回电，还没到时间']);
    backend.close();
  });

  it('lets only one of two racing completions through, refuses entries that are not due, and keeps messages to their kinds', async () => {
    const { backend, queue, act, record } = await setUp('2025-11-26');
    const notice = (await queue()).rows.find((row) => row.kind === 'notice')!;
    const results = await Promise.allSettled([
      act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已张贴' }),
      act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已送达' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await record(notice.householdId)).queueActions).toHaveLength(1);
    // A notice of another month, or one the ladder does not ask for now, cannot be marked issued.
    await expect(act({ action: 'complete', householdId: notice.householdId, entryKey: 'notice:律师函:2020-01', reason: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call(backend, 'contacts.logMessage', { householdId: notice.householdId, channel: '微信', text: '您好', entryKey: notice.entryKey })).rejects.toMatchObject({ code: 'VALIDATION' });
    backend.close();
  });

  it('starts with a broken team-settings file without crashing, and says what is wrong when asked', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'team-settings.json'), '{ "schemaVersion": 2, "data": { "graceDays": ');
    const backend = await createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 20, today: () => '2025-11-26' });
    // The background warm-up has run: createBackend set its timer (0 ms) before this one, and Node runs due timers
    // in the order they fall due, so this waits for the warm-up however slow the machine is.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(call(backend, 'followups.today', {})).rejects.toThrow(/team-settings\.json/);
    backend.close();
  });

  it('refuses to build the queue from a broken contact log, naming the file', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'contacts'), { recursive: true });
    writeFileSync(path.join(dataDir, 'contacts', 'shard-007.json'), '{ "schemaVersion": 3, "data": ');
    const backend = await createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 20, today: () => '2025-11-26' });
    await expect(call(backend, 'followups.today', {})).rejects.toThrow(/shard-007\.json/);
    backend.close();
  });

  it('the queue kept between builds matches one built from scratch after calls, payments and actions', async () => {
    const { backend, clock, queue, act } = await setUp('2025-11-10');
    const fresh = (date: string) => new TodayQueueBuilder(backend.ctx.ledger, backend.ctx.contacts).build(date, '10:00', backend.ctx.store.file('teamSettings').read());
    await queue();
    const ids = [...backend.ctx.ledger.allHouseholds()].map((household) => household.id);
    for (const [i, householdId] of ids.slice(0, 6).entries()) {
      if (i % 3 === 0) await makeCall(backend, { householdId, outcome: 'promised', promises: [{ date: '2025-11-12', amountFen: 10_000, channel: '微信' }] });
      if (i % 3 === 1) await call(backend, 'payments.record', { householdId, amountFen: 5_000, paidOn: clock.today, channel: '前台', note: '' });
      if (i % 3 === 2) await act({ action: 'snooze', householdId, until: '2025-11-12', reason: '在外地' });
      expect((await queue()).rows).toEqual(fresh(clock.today).rows);
    }
    clock.today = '2025-11-13';
    await importFixture(backend, 'gbk-system-a-newer.csv');
    expect((await queue()).rows).toEqual(fresh('2025-11-13').rows);
    backend.close();
  });
});
