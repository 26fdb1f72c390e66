/** Working the queue through the backend: complete with a reason, snooze, reassign, undo, a logged message; and the kept-between-builds queue agrees with a fresh one. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { TodayQueueBuilder } from '../../electron/backend/follow-ups/today-queue';
import type { InputOf } from '../../electron/contract';
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
  const queue = (date?: string) => call(backend, 'followups.today', date ? { date } : {});
  const rowOf = async (id: string, date?: string) => (await queue(date)).rows.find((row) => row.householdId === id);
  const record = (id: string) => call(backend, 'households.get', { id });
  const act = (input: InputOf<'followups.act'>) => call(backend, 'followups.act', input);
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
    // The revisit is off today's list; the notice ladder held by the repair resumes, and collection may call.
    expect(await rowOf(LEAKY)).toMatchObject({ kind: 'notice', callable: true });
    expect((await rowOf(LEAKY, '2025-12-05'))!.moreReasons).toContainEqual(expect.stringMatching(/^本月尚未提醒，逾期 \d+ 个月$/));
    await expect(act({ action: 'complete', householdId: LEAKY, entryKey: due!.entryKey, reason: '再来一次' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await call(backend, 'followups.undo', { householdId: LEAKY, actionId: action.id });
    expect((await record(LEAKY)).collectionPause).not.toBeNull();
    expect(await rowOf(LEAKY)).toMatchObject({ kind: 'repair-revisit' });
    await expect(call(backend, 'followups.undo', { householdId: LEAKY, actionId: action.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    backend.close();
  });

  it('moves a repair’s revisit to the 规程’s day after its completion, checked in the backend', async () => {
    const { backend, clock, record, act } = await setUp();
    await makeCall(backend, {
      householdId: LEAKY,
      outcome: 'grievance',
      objection: 'repair',
      grievances: [{ kind: 'repair', ticket: { category: '漏水渗水', location: '主卧顶棚', urgency: '一般', words: '顶棚一直渗水' } }],
    });
    clock.today = '2025-11-14';
    const repair = (await record(LEAKY)).grievances[0]!;
    expect(repair).toMatchObject({ category: '漏水渗水', completedOn: null });
    const done = (input: Pick<InputOf<'grievances.repairDone'>, 'completedOn' | 'leakTestOn'>) => call(backend, 'grievances.repairDone', { householdId: LEAKY, grievanceId: repair.id, ...input });
    await expect(done({ completedOn: '2025-11-15', leakTestOn: null })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不能晚于今天') });
    await expect(done({ completedOn: '2025-11-09', leakTestOn: null })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不能早于报修日') });
    await expect(done({ completedOn: '2025-11-13', leakTestOn: '2025-11-12' })).rejects.toMatchObject({ code: 'VALIDATION' });
    // Fixed on the 13th, leak test booked for the 16th: revisit within 3 days of the test. Two tabs at once: one wins.
    const racing = await Promise.allSettled([done({ completedOn: '2025-11-13', leakTestOn: '2025-11-16' }), done({ completedOn: '2025-11-13', leakTestOn: '2025-11-16' })]);
    expect(racing.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(racing.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const answer = (racing.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{ followUp: { dueDate: string } | null }>).value;
    expect(answer.followUp).toMatchObject({ dueDate: '2025-11-19' });
    const after = await record(LEAKY);
    expect(after.grievances[0]).toMatchObject({ completedOn: '2025-11-13', leakTestOn: '2025-11-16', dueDate: '2025-11-19' });
    // Once revisited and closed, a completion can no longer be recorded.
    const revisit = after.followUps.find((followUp) => followUp.kind === 'repair-revisit')!;
    expect((await call(backend, 'followups.today', {})).revisits).toEqual({ month: '2025-11', due: 1, onTime: 0, late: 0, missing: 1 });
    await act({ action: 'complete', householdId: LEAKY, entryKey: `repair-revisit:${revisit.id}`, reason: '已修好，业主确认' });
    // Revisited on the 14th, due by the 19th: on time.
    expect((await call(backend, 'followups.today', {})).revisits).toEqual({ month: '2025-11', due: 1, onTime: 1, late: 0, missing: 0 });
    await expect(done({ completedOn: '2025-11-13', leakTestOn: '2025-11-16' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call(backend, 'grievances.repairDone', { householdId: LEAKY, grievanceId: 'grievance-none', completedOn: '2025-11-13', leakTestOn: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    backend.close();
  });

  it('stores a complaint with the 规程’s deadlines by severity, and an owner’s deadline only for a minor one', async () => {
    const { backend, record } = await setUp();
    await makeCall(backend, { householdId: LEAKY, outcome: 'grievance', objection: 'service', grievances: [{ kind: 'complaint', severity: '重大', words: '消防通道被堵了一个月' }] });
    expect((await record(LEAKY)).grievances[0]).toMatchObject({ severity: '重大', escalateTo: '管理处主任', dueDate: '2025-11-12', resolveBy: '2025-11-20' });
    await expect(
      makeCall(backend, { householdId: OTHER, outcome: 'grievance', objection: 'service', grievances: [{ kind: 'complaint', severity: '服务失误', words: '保洁没来', ownerDeadline: '2025-11-20' }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只有轻微投诉') });
    await makeCall(backend, { householdId: OTHER, outcome: 'grievance', objection: 'service', grievances: [{ kind: 'complaint', severity: '轻微', words: '门口灯不亮', ownerDeadline: '2025-11-20' }] });
    const minor = await record(OTHER);
    expect(minor.grievances[0]).toMatchObject({ severity: '轻微', escalateTo: null, dueDate: '2025-11-20' });
    expect(minor.followUps.find((followUp) => followUp.kind === 'complaint-reply')).toMatchObject({ dueDate: '2025-11-20' });
    backend.close();
  });

  it('snoozes a household until a later day, with limits, and reassigns it within the roster', async () => {
    const { backend, clock, rowOf, act } = await setUp('2025-11-20');
    expect(await rowOf(OTHER)).toMatchObject({ kind: 'notice', owner: null });
    await expect(act({ action: 'snooze', householdId: OTHER, until: '2025-11-20', reason: '业主出差' })).rejects.toThrow(/晚于今天/);
    await expect(act({ action: 'snooze', householdId: OTHER, until: '2026-03-01', reason: '业主出差' })).rejects.toThrow(/最多暂缓 90 天/);
    await act({ action: 'snooze', householdId: OTHER, until: '2025-11-24', reason: '业主出差，下周一回来' });
    expect(await rowOf(OTHER)).toBeUndefined();
    expect(await rowOf(OTHER, '2025-11-23')).toBeUndefined();
    expect(await rowOf(OTHER, '2025-11-24')).toMatchObject({ kind: 'notice' });

    await expect(act({ action: 'reassign', householdId: OTHER, assigneeId: 'steward-nobody', reason: '' })).rejects.toThrow(/不在团队的管家名单里/);
    const settings = await call(backend, 'teamSettings.get', {});
    const { stewards } = await call(backend, 'teamSettings.update', { ...settings, stewards: [{ name: '李娜' }, { name: '王敏' }] });
    const lina = stewards.find((member) => member.name === '李娜')!;
    expect(lina.id).toMatch(/^steward-/);
    const { assignable } = await call(backend, 'followups.assignees', {});
    // The desk's own steward (王敏) first, with the desk's user id; 王敏 on the roster is the same person, listed once.
    expect((await call(backend, 'settings.get', {})).stewardName).toBe('王敏');
    expect(assignable).toEqual([{ id: 'local', name: '王敏' }, lina]);
    const { action } = await act({ action: 'reassign', householdId: OTHER, assigneeId: lina.id, reason: '李娜熟悉这户' });
    expect(action).toMatchObject({ assignee: '李娜', assigneeId: lina.id });
    clock.today = '2025-11-24';
    expect(await rowOf(OTHER)).toMatchObject({ owner: '李娜', ownerId: lina.id });
    await act({ action: 'reassign', householdId: OTHER, assigneeId: null, reason: '' });
    expect(await rowOf(OTHER)).toMatchObject({ owner: null, ownerId: null });
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
    const notice = before.rows.find((row) => row.kind === 'notice' && row.entryKey.startsWith('notice:限期缴费通知书:'))!;
    expect(notice).toBeDefined();
    const issue = (extra: object) => act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已张贴并拍照', ...extra });
    // A 限期缴费通知书 carries its deadline, within bounds; the backend checks it, whatever the form did.
    await expect(issue({})).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('缴费期限') });
    await expect(issue({ deadline: '2025-11-27' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('至少在发出后 7 天') });
    await expect(issue({ deadline: '2026-03-01' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('最多在发出后 60 天') });
    const { action } = await issue({ deadline: '2025-12-11' });
    expect(action.deadline).toBe('2025-12-11');
    const after = await queue();
    expect(after.rows.find((row) => row.householdId === notice.householdId)?.kind).not.toBe('notice');
    expect(after.counts.notice).toBe(before.counts.notice - 1);
    // Only a 限期缴费通知书 takes a deadline.
    const other = after.rows.find((row) => row.kind === 'notice' && !row.entryKey.startsWith('notice:限期缴费通知书:'));
    if (other) await expect(act({ action: 'complete', householdId: other.householdId, entryKey: other.entryKey, reason: '已张贴', deadline: '2025-12-11' })).rejects.toMatchObject({ code: 'VALIDATION' });
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
    const deadline = notice.entryKey.startsWith('notice:限期缴费通知书:') ? { deadline: '2025-12-11' } : {};
    const results = await Promise.allSettled([
      act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已张贴', ...deadline }),
      act({ action: 'complete', householdId: notice.householdId, entryKey: notice.entryKey, reason: '已送达', ...deadline }),
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
    const fresh = (date: string) => new TodayQueueBuilder(backend.ctx.ledger, backend.ctx.contacts).build(date, '10:00', backend.ctx.storage.teamSettings.read());
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
