/**
 * Calls through the backend: calls.start judges the call rules itself (windows, caps, pause, dispute, promises)
 * and keeps the started call; calls.save writes one contact record for it, once, with its promises, grievances
 * and follow-ups.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { TeamSettings } from '../../domain/follow-up-rules';
import { shardOf } from '../../electron/backend/json-storage/ledger-store';
import { tempDir } from '../helpers/fs';
import { call, callUnchecked, importFixture } from '../helpers/ledger';
import { LOCAL_USER_ID, type Actor } from '../../domain/roles';
import type { CallOutcome } from '../../state-machines/call-outcomes';
import { AGAIN, makeCall, saveCall, startCall } from '../helpers/calls';

const TODAY = '2026-11-26';
const ID = '观山水|8-2-1203';
const OTHER = '观山水|8-2-1204';
const UNSIGNED = '请先填写管家姓名（关于/状态 → 本机设置），每条记录都要署名';

async function open(options: { dataDir?: string; signed?: boolean; clock?: { today: string } } = {}) {
  const clock = options.clock ?? { today: TODAY };
  const backend = await createBackend({ dataDir: options.dataDir ?? tempDir(), mode: 'browser', version: 't', demoHouseholds: 0, today: () => clock.today });
  if (options.signed !== false) await call(backend, 'settings.update', { stewardName: '王敏' });
  return backend;
}

/** A backend with the fixture ledger and a steward name. */
async function ready(options: Parameters<typeof open>[0] = {}) {
  const backend = await open(options);
  await importFixture(backend, 'gbk-system-a.csv');
  return backend;
}

const record = (backend: Backend, id = ID) => call(backend, 'households.get', { id });
const started = async (backend: Backend) => (await call(backend, 'calls.draft', {})).started;
const problemsOf = async (backend: Backend, householdId = ID, purpose: 'collection' | 'revisit' = 'collection') => (await call(backend, 'calls.check', { householdId, purpose })).problems;
/** A refusal as the renderer sees it: code, message and one issue per reason. */
const refusalOf = async (promise: Promise<unknown>) => {
  const result = await promise.then(
    () => null,
    (error: Error & { code: string }) => error,
  );
  if (!result) throw new Error('expected a refusal');
  return result;
};

async function setTeam(backend: Backend, patch: Partial<TeamSettings>) {
  const team = await call(backend, 'teamSettings.get', {});
  await call(backend, 'teamSettings.update', { ...team, ...patch });
}

describe('calls.save', () => {
  it('writes the contact, the promise and its promise-check follow-up, stamped from the start to the end of the call', async () => {
    const backend = await ready();
    const start = await startCall(backend, ID);
    expect(start).toMatchObject({ householdId: ID, purpose: 'collection', followUpId: null, overridden: null, ownerType: { type: 'A' } });
    expect(start.startedAt).toMatch(new RegExp(`^${TODAY}T\\d{2}:\\d{2}:\\d{2}\\+08:00$`));
    const saved = await saveCall(backend, start.callId, { householdId: ID, outcome: 'promised', promises: [{ date: '2026-11-28', amountFen: 100_000, channel: '微信' }], ownerType: 'C' });
    expect(saved.contactId).toBe(start.callId);
    expect(saved.followUps).toEqual([expect.objectContaining({ kind: 'promise-check', dueDate: '2026-11-28' })]);
    const shown = await record(backend);
    expect(shown.contacts).toEqual([
      expect.objectContaining({ id: start.callId, outcome: '承诺缴费', steward: '王敏', channel: '电话', at: start.startedAt, purpose: 'collection', override: null, ownerType: 'C', followUpId: null }),
    ]);
    const [contact] = shown.contacts;
    expect(contact!.endedAt! >= contact!.at).toBe(true);
    expect(contact).not.toHaveProperty('startedAt');
    expect(shown.promises).toEqual([expect.objectContaining({ date: '2026-11-28', amountFen: 100_000, status: 'pending' })]);
    expect(shown.collectionPause).toBeNull();
    // The next call starts with the type this one ended with.
    expect(shown.ownerType).toEqual({ type: 'C', because: '上次通话选的是 C 类' });
    expect(await started(backend)).toBeNull();
    backend.close();
  });

  it('turns a leak into a repair ticket with a revisit 3 days after the leak test, and pauses collection', async () => {
    const backend = await ready();
    await makeCall(backend, {
      householdId: ID,
      outcome: 'grievance',
      objection: 'repair',
      grievances: [{ kind: 'repair', ticket: { category: '漏水渗水', location: '主卧顶棚', urgency: '一般', words: '楼上漏水两个月没人管', leakTestDate: '2026-11-27' } }],
    });
    const shown = await record(backend);
    expect(shown.grievances).toEqual([expect.objectContaining({ kind: 'repair', title: '漏水渗水（主卧顶棚）', dueDate: '2026-11-30', status: 'open' })]);
    expect(shown.followUps).toEqual([expect.objectContaining({ kind: 'repair-revisit', dueDate: '2026-11-30' })]);
    expect(shown.collectionPause).toEqual({ until: '2026-11-30', reason: expect.stringContaining('维修回访未完成') });
    expect(shown.ownerType).toEqual({ type: 'B', because: '有未处理完的报修（漏水渗水（主卧顶棚））' });
    backend.close();
  });

  it('refuses an invalid call without writing anything; the started call stays for a valid save', async () => {
    const backend = await ready();
    const { callId } = await startCall(backend, ID);
    await expect(saveCall(backend, callId, { householdId: ID, outcome: 'promised', promises: [{ date: '明天', amountFen: 1, channel: '微信' }] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(saveCall(backend, callId, { householdId: ID, outcome: 'nonsense' as CallOutcome })).rejects.toMatchObject({ code: 'VALIDATION' });
    // The steward's computer no longer claims a start time: the backend has its own.
    await expect(saveCall(backend, callId, { householdId: ID, outcome: 'no-answer', startedAt: '2026-11-26T03:31:00+08:00' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await record(backend)).contacts).toEqual([]);
    expect((await started(backend))?.callId).toBe(callId);
    await saveCall(backend, callId, { householdId: ID, outcome: 'no-answer' });
    backend.close();
  });

  it('turns 约好回电 with an agreed callback into a follow-up on that day and time, owned as agreed', async () => {
    const backend = await ready();
    const timed = await makeCall(backend, { householdId: ID, outcome: 'callback', callback: { date: '2026-11-28', time: '19:30', owner: '王敏' } });
    expect(timed.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-28', dueTime: '19:30', owner: '王敏', title: '约好回电 19:30', sourceId: timed.contactId, status: 'open' })]);
    const pooled = await makeCall(backend, { householdId: ID, outcome: 'callback', callback: { date: '2026-11-26', time: null, owner: null } }, { override: AGAIN });
    expect(pooled.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-26', dueTime: null, owner: null, title: '约好回电' })]);
    const shown = await record(backend);
    expect(shown.followUps).toEqual(expect.arrayContaining([expect.objectContaining({ dueTime: '19:30', owner: '王敏' }), expect.objectContaining({ dueDate: '2026-11-26', owner: null })]));
    backend.close();
  });

  it('without an agreed callback, 约好回电 is due tomorrow at any time, owned by this desk’s steward', async () => {
    const backend = await ready();
    const named = await makeCall(backend, { householdId: ID, outcome: 'callback', callback: null });
    expect(named.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-27', dueTime: null, owner: '王敏', title: '约好回电' })]);
    backend.close();
  });

  it('refuses a callback outside today … the team’s horizon, or with another outcome, without writing anything', async () => {
    const backend = await ready();
    await setTeam(backend, { horizonDays: 7 });
    const { callId } = await startCall(backend, ID);
    const save = (outcome: CallOutcome, date: string) => saveCall(backend, callId, { householdId: ID, outcome, callback: { date, time: null, owner: null } });
    await expect(save('callback', '2026-11-25')).rejects.toMatchObject({ code: 'VALIDATION', message: '回电安排有误：回电日期不能早于今天。' });
    await expect(save('callback', '2026-12-04')).rejects.toMatchObject({ code: 'VALIDATION', message: '回电安排有误：回电最远只能约到 2026-12-03（7 天内）。' });
    await expect(save('refused', '2026-11-27')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只有结果为“约好回电”的通话才能安排回电') });
    await expect(saveCall(backend, callId, { householdId: ID, outcome: 'callback', callback: { date: '2026-11-27', time: '7点', owner: null } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await record(backend)).contacts).toEqual([]);
    expect(await save('callback', '2026-12-03')).toMatchObject({ followUps: [expect.objectContaining({ dueDate: '2026-12-03' })] });
    backend.close();
  });

  it('keeps the call in progress as a draft across a restart', async () => {
    const dataDir = tempDir();
    const backend = await open({ dataDir });
    await call(backend, 'calls.saveDraft', { machineVersion: 1, householdId: ID, snapshot: { value: 'pin', context: { promises: [] } } });
    backend.close();
    const again = await open({ dataDir });
    expect(await call(again, 'calls.draft', {})).toMatchObject({ draft: { machineVersion: 1, householdId: ID, snapshot: { value: 'pin' } }, started: null });
    await call(again, 'calls.clearDraft', {});
    expect(await call(again, 'calls.draft', {})).toEqual({ draft: null, started: null });
    again.close();
  });

  it('migrates a version-1 contact shard and keeps its records', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'contacts'), { recursive: true });
    const file = path.join(dataDir, 'contacts', `shard-${String(shardOf(ID)).padStart(3, '0')}.json`);
    const old = { id: 'c1', householdId: ID, at: '2026-01-01T10:00:00+08:00', channel: '电话', steward: '老王', outcome: '未接通', notes: '' };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, savedAt: '2026-01-01T00:00:00Z', data: { contacts: [old], phoneAccess: [] } }));
    const backend = await open({ dataDir });
    await importFixture(backend, 'gbk-system-a.csv');
    // Kept as written, with the desk's local user id beside the name and the outcome's id beside its label (v4).
    expect((await record(backend)).contacts).toEqual([{ ...old, stewardId: LOCAL_USER_ID, outcomeId: 'no-answer' }]);
    expect(JSON.parse(readFileSync(`${file}.v1.bak`, 'utf8')).schemaVersion).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(4);
    backend.close();
  });

  it('still reads contact records from before calls.start (a client start time, no purpose, override or owner type)', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'contacts'), { recursive: true });
    const file = path.join(dataDir, 'contacts', `shard-${String(shardOf(ID)).padStart(3, '0')}.json`);
    const old = { id: 'c1', householdId: ID, at: '2026-11-20T10:05:00+08:00', endedAt: '2026-11-20T10:05:00+08:00', startedAt: '2026-11-20T10:00:00+08:00', channel: '电话', steward: '老王', outcome: '拒缴', notes: '', refusalReason: '不交' };
    writeFileSync(file, JSON.stringify({ schemaVersion: 3, savedAt: '2026-11-20T02:00:00Z', data: { contacts: [old], phoneAccess: [], promises: [], grievances: [], followUps: [], queueActions: [] } }));
    const backend = await open({ dataDir });
    await importFixture(backend, 'gbk-system-a.csv');
    const shown = await record(backend);
    expect(shown.contacts).toEqual([expect.objectContaining({ id: 'c1', outcome: '拒缴' })]);
    expect(shown.ownerType).toEqual({ type: 'D', because: '有 1 次明确拒缴记录' });
    backend.close();
  });
});

describe('calls.start: the backend applies the call rules to every call', () => {
  it('refuses a call outside the call windows (the reported 03:31), with one issue per reason, and starts nothing', async () => {
    const backend = await ready();
    // Test mode is always 10:00: windows that leave it out.
    await setTeam(backend, { callWindows: [{ start: '14:00', end: '20:00' }] });
    const refusal = await refusalOf(startCall(backend, ID));
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('现在不在通话时段（14:00–20:00）') });
    const result = await backend.dispatch('calls.start', { householdId: ID, purpose: 'collection' }, backend.deskActor());
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.any(String), issues: [{ path: 'problems', message: '现在不在通话时段（14:00–20:00）' }] } });
    expect(await problemsOf(backend)).toEqual(['现在不在通话时段（14:00–20:00）']);
    expect(await started(backend)).toBeNull();
    // Without a started call there is nothing to save.
    await expect(saveCall(backend, 'call-made-up', { householdId: ID, outcome: 'no-answer' })).rejects.toMatchObject({ code: 'CONFLICT', message: '这通电话没有开始记录，请重新开始通话' });
    expect((await record(backend)).contacts).toEqual([]);
    backend.close();
  });

  it('refuses a second collection call the same day (cap 1): three calls and three identical promises cannot happen', async () => {
    const backend = await ready();
    const owed = (await record(backend)).summary.owedFen;
    const promise = { date: '2026-11-28', amountFen: owed, channel: '微信' };
    await makeCall(backend, { householdId: ID, outcome: 'promised', promises: [promise] });
    const second = await refusalOf(startCall(backend, ID));
    expect(second).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('今天已联系 1 次（每天最多 1 次）') });
    expect(second.message).toContain('业主已承诺 2026-11-28 缴费，到期前不再催');
    await expect(startCall(backend, ID)).rejects.toMatchObject({ code: 'CONFLICT' });
    const shown = await record(backend);
    expect(shown.contacts).toHaveLength(1);
    expect(shown.promises).toHaveLength(1);
    backend.close();
  });

  it('refuses a call while a promise is pending and not yet due; on its day the call may start', async () => {
    const clock = { today: TODAY };
    const backend = await ready({ clock });
    await makeCall(backend, { householdId: ID, outcome: 'promised', promises: [{ date: '2026-11-30', amountFen: 10_000, channel: '微信' }] });
    clock.today = '2026-11-27';
    expect(await problemsOf(backend)).toEqual(['业主已承诺 2026-11-30 缴费，到期前不再催']);
    await expect(startCall(backend, ID)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('业主已承诺 2026-11-30 缴费') });
    clock.today = '2026-11-30';
    expect(await problemsOf(backend)).toEqual([]);
    await startCall(backend, ID);
    backend.close();
  });

  /** A backend where the owner reported a broken lift today, two days later (the revisit's day). */
  async function withReportedLiftRepair() {
    const clock = { today: TODAY };
    const backend = await ready({ clock });
    await makeCall(backend, {
      householdId: ID,
      outcome: 'grievance',
      objection: 'repair',
      grievances: [{ kind: 'repair', ticket: { category: '电梯', location: '8 号楼', urgency: '一般', words: '电梯坏了一周' } }],
    });
    clock.today = '2026-11-28';
    return { clock, backend };
  }

  it('allows a revisit call while collection is paused (only the call windows apply to it), and logs what it was for', async () => {
    const { backend } = await withReportedLiftRepair();
    const revisit = (await record(backend)).followUps.find((followUp) => followUp.kind === 'repair-revisit')!;
    const paused = await refusalOf(startCall(backend, ID));
    expect(paused.message).toContain('暂停催缴：维修回访未完成（电梯（8 号楼）），回访日 2026-11-28');
    expect(await problemsOf(backend, ID, 'revisit')).toEqual([]);
    // A revisit names its open follow-up: not none, not another kind, not an unknown one.
    await expect(call(backend, 'calls.start', { householdId: ID, purpose: 'revisit' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(startCall(backend, ID, { purpose: 'revisit', followUpId: 'follow-nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(backend, 'calls.start', { householdId: ID, purpose: 'collection', followUpId: revisit.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    const start = await startCall(backend, ID, { purpose: 'revisit', followUpId: revisit.id });
    expect(start).toMatchObject({ purpose: 'revisit', followUpId: revisit.id, overridden: null });
    await saveCall(backend, start.callId, { householdId: ID, outcome: 'callback' });
    expect((await record(backend)).contacts[0]).toMatchObject({ id: start.callId, purpose: 'revisit', followUpId: revisit.id, override: null });
    // Outside the windows a revisit waits too.
    await setTeam(backend, { callWindows: [{ start: '14:00', end: '20:00' }] });
    expect(await problemsOf(backend, ID, 'revisit')).toEqual(['现在不在通话时段（14:00–20:00）']);
    backend.close();
  });

  it('records what a revisit found: solved closes the revisit and lifts the pause; unsolved keeps both and comes back in 2 days', async () => {
    const { clock, backend } = await withReportedLiftRepair();
    const revisitOf = async () => (await record(backend)).followUps.find((followUp) => followUp.kind === 'repair-revisit')!;
    const first = await revisitOf();
    // Not solved: the revisit stays open, due again in 2 days; collection stays paused.
    const unsolved = await startCall(backend, ID, { purpose: 'revisit', followUpId: first.id });
    await saveCall(backend, unsolved.callId, { householdId: ID, outcome: 'revisit-not-fixed', revisitResult: 'not-fixed' });
    const moved = await revisitOf();
    expect(moved).toMatchObject({ id: first.id, status: 'open', dueDate: '2026-11-30' });
    expect((await record(backend)).collectionPause).not.toBeNull();
    // A revisit result belongs to a revisit call.
    clock.today = '2026-11-30';
    const collection = await startCall(backend, ID, { override: '测试：误选的结果' });
    await expect(saveCall(backend, collection.callId, { householdId: ID, outcome: 'revisit-fixed', revisitResult: 'fixed' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await call(backend, 'calls.clearDraft', {});
    // Solved: the revisit and the repair close, the pause lifts.
    const solved = await startCall(backend, ID, { purpose: 'revisit', followUpId: first.id });
    await saveCall(backend, solved.callId, { householdId: ID, outcome: 'revisit-fixed', revisitResult: 'fixed' });
    const shown = await record(backend);
    expect(shown.followUps.find((followUp) => followUp.id === first.id)).toMatchObject({ status: 'done', doneReason: '回访：问题已解决' });
    expect(shown.grievances[0]!.status).toBe('done');
    expect(shown.collectionPause).toBeNull();
    expect(shown.contacts[0]).toMatchObject({ outcome: '回访：问题已解决', purpose: 'revisit' });
    // Done is done: another revisit of it cannot start.
    await expect(startCall(backend, ID, { purpose: 'revisit', followUpId: first.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    backend.close();
  });

  it('starts anyway with a reason (4–200 characters), kept on the contact record with the rules it overrode', async () => {
    const backend = await ready();
    await makeCall(backend, { householdId: ID, outcome: 'no-answer' });
    await expect(startCall(backend, ID, { override: '急  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(startCall(backend, ID, { override: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await started(backend)).toBeNull();
    const start = await startCall(backend, ID, { override: '  业主上午来电要求下午回电，电话 13912345678  ' });
    const overridden = { reason: '业主上午来电要求下午回电，电话 139****5678', problems: ['今天已联系 1 次（每天最多 1 次）'] };
    expect(start.overridden).toEqual(overridden);
    await saveCall(backend, start.callId, { householdId: ID, outcome: 'no-answer' });
    expect((await record(backend)).contacts.find((contact) => contact.id === start.callId)).toMatchObject({ override: overridden });
    // Where nothing stands against the call, there is nothing to override.
    expect((await startCall(backend, OTHER, { override: '以防万一写个原因' })).overridden).toBeNull();
    backend.close();
  });

  it('keeps one started call at a time: another household is refused naming it, the same one gets it back, 放弃 clears it', async () => {
    const backend = await ready();
    const first = await startCall(backend, ID);
    expect(await startCall(backend, ID)).toEqual(first);
    await expect(startCall(backend, OTHER)).rejects.toMatchObject({ code: 'CONFLICT', message: '有一通未结束的通话（观山水 8栋2单元1203）：请先结束或放弃' });
    // A save of the started call's id for another household is not that call.
    await expect(saveCall(backend, first.callId, { householdId: OTHER, outcome: 'no-answer' })).rejects.toMatchObject({ code: 'CONFLICT', message: '这通电话没有开始记录，请重新开始通话' });
    await call(backend, 'calls.clearDraft', {});
    expect(await started(backend)).toBeNull();
    await expect(saveCall(backend, first.callId, { householdId: ID, outcome: 'no-answer' })).rejects.toMatchObject({ code: 'CONFLICT', message: '这通电话没有开始记录，请重新开始通话' });
    const other = await startCall(backend, OTHER);
    expect(other.callId).not.toBe(first.callId);
    backend.close();
  });

  it('refuses calls.save without a callId, with a wrong one, or with one already saved — nothing is written twice', async () => {
    const backend = await ready();
    const { callId } = await startCall(backend, ID);
    await expect(callUnchecked(backend, 'calls.save', { householdId: ID, outcome: 'no-answer', notes: '', promises: [], grievances: [], refusalReason: null, objection: null })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(saveCall(backend, `${callId}x`, { householdId: ID, outcome: 'no-answer' })).rejects.toMatchObject({ code: 'CONFLICT', message: '这通电话没有开始记录，请重新开始通话' });
    await saveCall(backend, callId, { householdId: ID, outcome: 'promised', promises: [{ date: '2026-11-28', amountFen: 10_000, channel: '微信' }] });
    await expect(saveCall(backend, callId, { householdId: ID, outcome: 'promised', promises: [{ date: '2026-11-28', amountFen: 10_000, channel: '微信' }] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '这通电话已经保存过了，不会重复记录。',
    });
    const shown = await record(backend);
    expect(shown.contacts).toHaveLength(1);
    expect(shown.promises).toHaveLength(1);
    expect(shown.followUps).toHaveLength(1);
    backend.close();
  });

  it('a call started before a crash is saved after the restart, with its start time', async () => {
    const dataDir = tempDir();
    const backend = await ready({ dataDir });
    const start = await startCall(backend, ID, { override: '测试：崩溃前开始' });
    backend.close(); // the process is gone; the started call is on disk
    const draftFile = JSON.parse(readFileSync(path.join(dataDir, 'call-draft.json'), 'utf8'));
    expect(draftFile).toMatchObject({ schemaVersion: 3, data: { users: { [LOCAL_USER_ID]: { started: { callId: start.callId, householdId: ID } } } } });
    const again = await open({ dataDir });
    expect(await started(again)).toEqual(start);
    expect(await startCall(again, ID)).toEqual(start);
    await saveCall(again, start.callId, { householdId: ID, outcome: 'no-answer' });
    expect((await record(again)).contacts).toEqual([expect.objectContaining({ id: start.callId, at: start.startedAt })]);
    expect(await started(again)).toBeNull();
    again.close();
  });

  it('migrates a version-1 call draft to the desk user\'s slot: the draft is kept, no call is started', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'call-draft.json');
    const draft = { machineVersion: 2, householdId: ID, savedAt: '2026-11-26T09:00:00+08:00', snapshot: { value: 'pin' } };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, savedAt: '2026-11-26T01:00:00Z', data: { draft } }));
    const backend = await open({ dataDir });
    expect(await call(backend, 'calls.draft', {})).toEqual({ draft, started: null });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 3, data: { users: { [LOCAL_USER_ID]: { draft, started: null } } } });
    expect(existsSync(`${file}.v1.bak`)).toBe(true);
    backend.close();
  });

  it('migrates a version-2 call in progress into the desk user\'s slot', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'call-draft.json');
    const first = await ready({ dataDir });
    const start = await startCall(first, ID);
    first.close();
    // The same call in progress as version 2 wrote it: one slot for the desk.
    writeFileSync(file, JSON.stringify({ schemaVersion: 2, savedAt: '2026-11-26T01:00:00Z', data: { draft: null, started: start } }));
    const backend = await open({ dataDir });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 3, data: { users: { [LOCAL_USER_ID]: { draft: null, started: { callId: start.callId } } } } });
    expect(await started(backend)).toEqual(start);
    backend.close();
  });

  it('keeps one call in progress per user: two stewards each start their own, sign with their own names, and neither sees the other\'s', async () => {
    const backend = await ready();
    const li: Actor = { id: 'u-li', name: '李强', roles: ['steward'] };
    const zhao: Actor = { id: 'u-zhao', name: '赵静', roles: ['steward'] };
    const first = await call(backend, 'calls.start', { householdId: ID, purpose: 'collection' }, li);
    const second = await call(backend, 'calls.start', { householdId: OTHER, purpose: 'collection' }, zhao);
    expect(second.callId).not.toBe(first.callId);
    expect((await call(backend, 'calls.draft', {}, li)).started?.callId).toBe(first.callId);
    expect((await call(backend, 'calls.draft', {}, zhao)).started?.callId).toBe(second.callId);
    expect((await call(backend, 'calls.draft', {})).started).toBeNull(); // the desk's own slot is empty
    // One user's call cannot be saved from another user's slot.
    await expect(call(backend, 'calls.save', { householdId: ID, callId: first.callId, outcome: 'no-answer', notes: '', promises: [], grievances: [], refusalReason: null, objection: null }, zhao)).rejects.toMatchObject({ code: 'CONFLICT' });
    await call(backend, 'calls.save', { householdId: ID, callId: first.callId, outcome: 'no-answer', notes: '', promises: [], grievances: [], refusalReason: null, objection: null }, li);
    expect((await record(backend)).contacts[0]).toMatchObject({ id: first.callId, steward: '李强' });
    expect((await call(backend, 'calls.draft', {}, li)).started).toBeNull();
    expect((await call(backend, 'calls.draft', {}, zhao)).started?.callId).toBe(second.callId);
    // An auditor may read the record but not work the phones.
    await expect(call(backend, 'calls.start', { householdId: ID, purpose: 'collection' }, { id: 'u-audit', name: '审计', roles: ['auditor'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    backend.close();
  });

  it('the queue and calls.start judge a household the same way', async () => {
    const clock = { today: '2026-11-05' };
    const backend = await ready({ clock });
    await makeCall(backend, { householdId: ID, outcome: 'promised', promises: [{ date: '2026-11-07', amountFen: 10_000, channel: '微信' }] });
    clock.today = '2026-11-06';
    const queue = await call(backend, 'followups.today', {});
    const row = queue.rows.find((entry) => entry.householdId === ID)!;
    expect(row).toMatchObject({ kind: 'promise-message', callable: false });
    expect(row.notCallableBecause).toEqual(await problemsOf(backend));
    expect(row.notCallableBecause).toEqual(['业主已承诺 2026-11-07 缴费，到期前不再催']);
    for (const other of queue.rows.filter((entry) => entry.callable).slice(0, 3)) expect(await problemsOf(backend, other.householdId)).toEqual([]);
    backend.close();
  });
});

describe('every record is signed', () => {
  it('refuses to start or save a call, log a message, act on the queue or show a number without a steward name', async () => {
    const backend = await ready({ signed: false });
    const unsigned = { code: 'VALIDATION', message: UNSIGNED };
    await expect(startCall(backend, ID)).rejects.toMatchObject(unsigned);
    await expect(saveCall(backend, 'call-x', { householdId: ID, outcome: 'no-answer' })).rejects.toMatchObject(unsigned);
    await expect(call(backend, 'contacts.logMessage', { householdId: ID, channel: '短信', text: '您好，提醒您缴费。', entryKey: null })).rejects.toMatchObject(unsigned);
    await expect(call(backend, 'followups.act', { action: 'snooze', householdId: ID, until: '2026-11-30', reason: '出差' })).rejects.toMatchObject(unsigned);
    await expect(call(backend, 'households.revealPhone', { id: ID, phoneIndex: 0, purpose: 'reveal' })).rejects.toMatchObject(unsigned);
    const shown = await record(backend);
    expect(shown.contacts).toEqual([]);
    expect(shown.queueActions).toEqual([]);
    expect(shown.phoneAccess).toEqual([]);
    expect(await started(backend)).toBeNull();
    // Signed, the same go through, in the steward's name.
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const saved = await makeCall(backend, { householdId: ID, outcome: 'no-answer' });
    await call(backend, 'households.revealPhone', { id: ID, phoneIndex: 0, purpose: 'reveal' });
    const after = await record(backend);
    expect(after.contacts.find((contact) => contact.id === saved.contactId)?.steward).toBe('王敏');
    expect(after.phoneAccess[0]?.steward).toBe('王敏');
    backend.close();
  });
});

describe("calls.save: the backend applies the call's rules itself", () => {
  const promised = (promises: object[]) => ({ householdId: ID, outcome: 'promised' as const, promises });

  it('refuses promises the form would refuse — outside today…horizon, above what is owed, absurd amounts — and writes nothing', async () => {
    const backend = await ready();
    const owed = (await record(backend)).summary.owedFen;
    const { callId } = await startCall(backend, ID);
    for (const promise of [
      { date: '2099-01-01', amountFen: 100, channel: '微信' },
      { date: '1999-01-01', amountFen: 100, channel: '微信' },
      { date: '2026-11-25', amountFen: 100, channel: '微信' }, // yesterday
      { date: '2026-12-27', amountFen: 100, channel: '微信' }, // beyond the 30-day horizon
      { date: '2026-02-30', amountFen: 100, channel: '微信' },
      { date: '2026-11-28', amountFen: owed + 1, channel: '微信' },
      { date: '2026-11-28', amountFen: 9_007_199_254_740_991, channel: '微信' },
    ]) {
      await expect(saveCall(backend, callId, promised([promise])), JSON.stringify(promise)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    // An instalment plan whose total exceeds what is owed, or whose dates go backwards.
    await expect(saveCall(backend, callId, promised([{ date: '2026-11-28', amountFen: owed, channel: '微信' }, { date: '2026-12-28', amountFen: 1, channel: '微信' }]))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(saveCall(backend, callId, promised([{ date: '2026-12-20', amountFen: 100, channel: '微信' }, { date: '2026-12-01', amountFen: 100, channel: '微信' }]))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await record(backend)).contacts).toEqual([]);
    // The same rules let a proper plan through.
    await saveCall(backend, callId, { ...promised([{ date: '2026-12-03', amountFen: 100, channel: '微信' }, { date: '2027-01-02', amountFen: 100, channel: '微信' }]), outcome: 'instalment' });
    expect((await record(backend)).ownerType).toEqual({ type: 'E', because: '有分期约定（业主说过有困难）' });
    backend.close();
  });

  it('masks full phone and ID numbers in the notes and the owner\'s words, and says how many', async () => {
    const backend = await ready();
    const saved = await makeCall(backend, {
      householdId: ID,
      outcome: 'grievance',
      objection: 'service',
      notes: '业主让打他儿子电话 139 1234 5678，身份证 110101199003071234',
      grievances: [{ kind: 'complaint', severity: '轻微', words: '有事打 0571-88881234' }],
    });
    expect(saved.maskedNumbers).toBe(3);
    const shown = await record(backend);
    expect(shown.contacts[0]!.notes).toBe('业主让打他儿子电话 139****5678，身份证 **************1234');
    expect(shown.grievances[0]!.words).toBe('有事打 057*****1234');
    expect(JSON.stringify(shown)).not.toMatch(/13912345678|139 1234 5678|110101199003071234|88881234/);
    backend.close();
  });

  it('refuses a call draft far larger than any real one', async () => {
    const backend = await ready();
    await expect(call(backend, 'calls.saveDraft', { machineVersion: 1, householdId: ID, snapshot: { blob: 'x'.repeat(300_000) } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call(backend, 'calls.draft', {})).draft).toBeNull();
    backend.close();
  });
});
