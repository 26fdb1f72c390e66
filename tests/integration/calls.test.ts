/** What a finished call writes, through the backend: one contact record with its promises, grievances and follow-ups. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { ContactRecordOut, HouseholdRecord } from '../../electron/contract';
import type { TeamSettings } from '../../domain/follow-up-rules';
import { shardOf } from '../../electron/backend/ledger/ledger-store';
import { tempDir } from '../helpers/fs';
import { call, importFixture } from '../helpers/ledger';

const TODAY = '2026-11-26';
const ID = '观山水|8-2-1203';
const open = (dataDir = tempDir()) => createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0, today: () => TODAY });

const baseCall = { householdId: ID, startedAt: '2026-11-26T10:00:00+08:00', notes: '', refusalReason: null, objection: null };

describe('calls.save', () => {
  it('writes the contact, the promise and its promise-check follow-up', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const saved = await call<ContactRecordOut>(backend, 'calls.save', { ...baseCall, outcome: 'promised', promises: [{ date: '2026-11-28', amountFen: 100_000, channel: '微信' }], grievances: [] });
    expect(saved.followUps).toEqual([expect.objectContaining({ kind: 'promise-check', dueDate: '2026-11-28' })]);
    const record = await call<HouseholdRecord>(backend, 'households.get', { id: ID });
    expect(record.contacts).toEqual([expect.objectContaining({ id: saved.contactId, outcome: '承诺缴费', steward: '王敏', channel: '电话' })]);
    expect(record.promises).toEqual([expect.objectContaining({ date: '2026-11-28', amountFen: 100_000, status: 'pending' })]);
    expect(record.collectionPause).toBeNull();
    backend.close();
  });

  it('turns a leak into a repair ticket with a revisit 3 days after the leak test, and pauses collection', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    await call(backend, 'calls.save', {
      ...baseCall,
      outcome: 'grievance',
      objection: 'repair',
      promises: [],
      grievances: [{ kind: 'repair', ticket: { category: '漏水渗水', location: '主卧顶棚', urgency: '一般', words: '楼上漏水两个月没人管', leakTestDate: '2026-11-27' } }],
    });
    const record = await call<HouseholdRecord>(backend, 'households.get', { id: ID });
    expect(record.grievances).toEqual([expect.objectContaining({ kind: 'repair', title: '漏水渗水（主卧顶棚）', dueDate: '2026-11-30', status: 'open' })]);
    expect(record.followUps).toEqual([expect.objectContaining({ kind: 'repair-revisit', dueDate: '2026-11-30' })]);
    expect(record.collectionPause).toEqual({ until: '2026-11-30', reason: expect.stringContaining('维修回访未完成') });
    backend.close();
  });

  it('refuses an invalid call without writing anything', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    await expect(call(backend, 'calls.save', { ...baseCall, outcome: 'promised', promises: [{ date: '明天', amountFen: 1, channel: '微信' }], grievances: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(backend, 'calls.save', { ...baseCall, outcome: 'nonsense', promises: [], grievances: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call<HouseholdRecord>(backend, 'households.get', { id: ID })).contacts).toEqual([]);
    backend.close();
  });

  it('turns 约好回电 with an agreed callback into a follow-up on that day and time, owned as agreed', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const timed = await call<ContactRecordOut>(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [], callback: { date: '2026-11-28', time: '19:30', owner: '王敏' } });
    expect(timed.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-28', dueTime: '19:30', owner: '王敏', title: '约好回电 19:30', sourceId: timed.contactId, status: 'open' })]);
    const pooled = await call<ContactRecordOut>(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [], callback: { date: '2026-11-26', time: null, owner: null } });
    expect(pooled.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-26', dueTime: null, owner: null, title: '约好回电' })]);
    const record = await call<HouseholdRecord>(backend, 'households.get', { id: ID });
    expect(record.followUps).toEqual(expect.arrayContaining([expect.objectContaining({ dueTime: '19:30', owner: '王敏' }), expect.objectContaining({ dueDate: '2026-11-26', owner: null })]));
    backend.close();
  });

  it('without an agreed callback, 约好回电 is due tomorrow at any time, owned by this desk’s steward', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    const unnamed = await call<ContactRecordOut>(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [] });
    expect(unnamed.followUps).toEqual([expect.objectContaining({ kind: 'callback', dueDate: '2026-11-27', dueTime: null, owner: null, title: '约好回电' })]);
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const named = await call<ContactRecordOut>(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [], callback: null });
    expect(named.followUps).toEqual([expect.objectContaining({ dueDate: '2026-11-27', owner: '王敏' })]);
    backend.close();
  });

  it('refuses a callback outside today … the team’s horizon, or with another outcome, without writing anything', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    const team = await call<TeamSettings>(backend, 'teamSettings.get', {});
    await call(backend, 'teamSettings.update', { ...team, horizonDays: 7 });
    const save = (outcome: string, date: string) => call(backend, 'calls.save', { ...baseCall, outcome, promises: [], grievances: [], callback: { date, time: null, owner: null } });
    await expect(save('callback', '2026-11-25')).rejects.toMatchObject({ code: 'VALIDATION', message: '回电安排有误：回电日期不能早于今天。' });
    await expect(save('callback', '2026-12-04')).rejects.toMatchObject({ code: 'VALIDATION', message: '回电安排有误：回电最远只能约到 2026-12-03（7 天内）。' });
    await expect(save('refused', '2026-11-27')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只有结果为“约好回电”的通话才能安排回电') });
    await expect(call(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [], callback: { date: '2026-11-27', time: '7点', owner: null } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call<HouseholdRecord>(backend, 'households.get', { id: ID })).contacts).toEqual([]);
    expect(await call(backend, 'calls.save', { ...baseCall, outcome: 'callback', promises: [], grievances: [], callback: { date: '2026-12-03', time: null, owner: null } })).toMatchObject({ followUps: [expect.objectContaining({ dueDate: '2026-12-03' })] });
    backend.close();
  });

  it('keeps the call in progress as a draft across a restart', async () => {
    const dataDir = tempDir();
    const backend = await open(dataDir);
    await call(backend, 'calls.saveDraft', { machineVersion: 1, householdId: ID, snapshot: { value: 'pin', context: { promises: [] } } });
    backend.close();
    const again = await open(dataDir);
    expect(await call(again, 'calls.draft', {})).toMatchObject({ draft: { machineVersion: 1, householdId: ID, snapshot: { value: 'pin' } } });
    await call(again, 'calls.clearDraft', {});
    expect(await call(again, 'calls.draft', {})).toEqual({ draft: null });
    again.close();
  });

  it('migrates a version-1 contact shard and keeps its records', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'contacts'), { recursive: true });
    const file = path.join(dataDir, 'contacts', `shard-${String(shardOf(ID)).padStart(3, '0')}.json`);
    const old = { id: 'c1', householdId: ID, at: '2026-01-01T10:00:00+08:00', channel: '电话', steward: '老王', outcome: '未接通', notes: '' };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, savedAt: '2026-01-01T00:00:00Z', data: { contacts: [old], phoneAccess: [] } }));
    const backend = await open(dataDir);
    await importFixture(backend, 'gbk-system-a.csv');
    expect((await call<HouseholdRecord>(backend, 'households.get', { id: ID })).contacts).toEqual([old]);
    expect(JSON.parse(readFileSync(`${file}.v1.bak`, 'utf8')).schemaVersion).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(3);
    backend.close();
  });
});

describe("calls.save: the backend applies the call's rules itself", () => {
  const promised = (promises: object[]) => ({ ...baseCall, outcome: 'promised', promises, grievances: [] });

  it('refuses promises the form would refuse — outside today…horizon, above what is owed, absurd amounts — and writes nothing', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    const owed = (await call<HouseholdRecord>(backend, 'households.get', { id: ID })).summary.owedFen;
    for (const promise of [
      { date: '2099-01-01', amountFen: 100, channel: '微信' },
      { date: '1999-01-01', amountFen: 100, channel: '微信' },
      { date: '2026-11-25', amountFen: 100, channel: '微信' }, // yesterday
      { date: '2026-12-27', amountFen: 100, channel: '微信' }, // beyond the 30-day horizon
      { date: '2026-02-30', amountFen: 100, channel: '微信' },
      { date: '2026-11-28', amountFen: owed + 1, channel: '微信' },
      { date: '2026-11-28', amountFen: 9_007_199_254_740_991, channel: '微信' },
    ]) {
      await expect(call(backend, 'calls.save', promised([promise])), JSON.stringify(promise)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    // An instalment plan whose total exceeds what is owed, or whose dates go backwards.
    await expect(call(backend, 'calls.save', promised([{ date: '2026-11-28', amountFen: owed, channel: '微信' }, { date: '2026-12-28', amountFen: 1, channel: '微信' }]))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(backend, 'calls.save', promised([{ date: '2026-12-20', amountFen: 100, channel: '微信' }, { date: '2026-12-01', amountFen: 100, channel: '微信' }]))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call<HouseholdRecord>(backend, 'households.get', { id: ID })).contacts).toEqual([]);
    // The same rules let a proper plan through.
    await call(backend, 'calls.save', { ...promised([{ date: '2026-12-03', amountFen: 100, channel: '微信' }, { date: '2027-01-02', amountFen: 100, channel: '微信' }]), outcome: 'instalment' });
    backend.close();
  });

  it("stamps the contact with the backend's time; the client's start time is a bounded claim", async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    for (const startedAt of ['not a time', 'x'.repeat(1_000_000), '2026-02-30T10:00:00+08:00']) {
      await expect(call(backend, 'calls.save', { ...baseCall, startedAt, outcome: 'no-answer', promises: [], grievances: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await call(backend, 'calls.save', { ...baseCall, startedAt: '2099-01-01T10:00:00+08:00', outcome: 'no-answer', promises: [], grievances: [] });
    const [contact] = (await call<HouseholdRecord>(backend, 'households.get', { id: ID })).contacts;
    expect(contact!.at.slice(0, 10)).toBe(TODAY); // the backend's day, not 2099
    expect(contact!.startedAt).toBeUndefined(); // an implausible claim is not kept
    backend.close();
  });

  it('masks full phone and ID numbers in the notes and the owner\'s words, and says how many', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    const saved = await call<ContactRecordOut>(backend, 'calls.save', {
      ...baseCall,
      outcome: 'grievance',
      objection: 'service',
      notes: '业主让打他儿子电话 139 1234 5678，身份证 110101199003071234',
      promises: [],
      grievances: [{ kind: 'complaint', severity: '轻微', words: '有事打 0571-88881234' }],
    });
    expect(saved.maskedNumbers).toBe(3);
    const record = await call<HouseholdRecord>(backend, 'households.get', { id: ID });
    expect(record.contacts[0]!.notes).toBe('业主让打他儿子电话 139****5678，身份证 **************1234');
    expect(record.grievances[0]!.words).toBe('有事打 057*****1234');
    expect(JSON.stringify(record)).not.toMatch(/13912345678|139 1234 5678|110101199003071234|88881234/);
    backend.close();
  });

  it('refuses a call draft far larger than any real one', async () => {
    const backend = await open();
    await importFixture(backend, 'gbk-system-a.csv');
    await expect(call(backend, 'calls.saveDraft', { machineVersion: 1, householdId: ID, snapshot: { blob: 'x'.repeat(300_000) } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call<{ draft: unknown }>(backend, 'calls.draft', {})).draft).toBeNull();
    backend.close();
  });
});
