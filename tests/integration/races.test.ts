/**
 * Two tabs, a double click, a script: real parallel requests through the HTTP transport. Every check and every
 * computation happens inside the write it guards, so racing requests cannot both pass it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import type { Envelope, HouseholdList, HouseholdRecord, ImportJobStatus, ScriptEntry } from '../../electron/contract';
import { tempDir } from '../helpers/fs';
import { fixturePath } from '../helpers/ledger';

const TODAY = '2026-11-20';
let backend: Backend;
let web: WebServer;

beforeAll(async () => {
  backend = await createBackend({ dataDir: tempDir(), mode: 'browser', version: 't', demoHouseholds: 60, today: () => TODAY, log: () => undefined });
  web = await startWebServer({ dispatch: backend.dispatch, actor: backend.deskActor, port: 0 });
});

afterAll(async () => {
  await web.close();
  backend.close();
});

/** One request, as the page sends it. */
async function post<T>(method: string, input: unknown): Promise<Envelope<T>> {
  const response = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-call-coach-token': web.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope<T>;
}

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await post<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const inParallel = <T>(count: number, request: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => request(i)));
const record = (id: string) => value<HouseholdRecord>('households.get', { id });
const paidOf = (shown: HouseholdRecord) => shown.items.reduce((sum, item) => sum + item.paidFen, 0);
const manualTotal = (shown: HouseholdRecord) => shown.payments.filter((payment) => payment.source === 'manual').reduce((sum, payment) => sum + payment.amountFen, 0);

async function owingHouseholds(minOwedFen: number): Promise<string[]> {
  const { rows } = await value<HouseholdList>('households.list', { owingOnly: true, limit: 5000 });
  return rows.filter((row) => row.owedFen >= minOwedFen).map((row) => row.id);
}

describe('payments recorded at the same time', () => {
  it('50 parallel payments of 1 元 to one household: each one recorded once, the items moved by exactly as much', async () => {
    const [id] = await owingHouseholds(10_000);
    const before = await record(id!);
    const results = await inParallel(50, () => post('payments.record', { householdId: id, amountFen: 100, paidOn: TODAY, channel: '微信' }));
    const accepted = results.filter((result) => result.ok).length;
    expect(accepted).toBe(50);
    const after = await record(id!);
    expect(manualTotal(after) - manualTotal(before)).toBe(100 * accepted);
    expect(paidOf(after) - paidOf(before)).toBe(100 * accepted);
    expect(after.summary.owedFen).toBe(before.summary.owedFen - 100 * accepted);
  });

  it('ten parallel payments of the whole amount owed: one is accepted, nine refused, nothing overpaid', async () => {
    const [, id] = await owingHouseholds(1_000);
    const before = await record(id!);
    const owed = before.summary.owedFen;
    const results = await inParallel(10, () => post('payments.record', { householdId: id, amountFen: owed, paidOn: TODAY, channel: '转账' }));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.filter((result): result is Extract<typeof result, { ok: false }> => !result.ok);
    expect(refused).toHaveLength(9);
    for (const result of refused) expect(result.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('超过当前欠费') });
    const after = await record(id!);
    expect(manualTotal(after) - manualTotal(before)).toBe(owed);
    expect(after.summary.owedFen).toBe(0);
  });
});

describe('one call saved from two tabs at once (a double click on 结束通话)', () => {
  const save = (householdId: string, callId: string) =>
    post('calls.save', { householdId, callId, outcome: 'promised', notes: '', refusalReason: null, objection: null, grievances: [], promises: [{ date: TODAY, amountFen: 100, channel: '微信' }] });

  it('writes one contact record, one promise and one follow-up; the other save gets CONFLICT', async () => {
    await value('settings.update', { stewardName: '王敏' });
    const [, , id] = await owingHouseholds(1_000);
    const before = await record(id!);
    const started = await value<{ callId: string }>('calls.start', { householdId: id, purpose: 'collection', override: { reason: '测试：并发保存' } });
    const results = await inParallel(2, () => save(id!, started.callId));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.filter((result): result is Extract<typeof result, { ok: false }> => !result.ok);
    expect(refused).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);
    const after = await record(id!);
    expect(after.contacts.filter((contact) => contact.id === started.callId)).toHaveLength(1);
    expect(after.contacts).toHaveLength(before.contacts.length + 1);
    expect(after.promises).toHaveLength(before.promises.length + 1);
    expect(after.followUps).toHaveLength(before.followUps.length + 1);
    // Ten more tries of the same call: nothing more is written.
    const again = await inParallel(10, () => save(id!, started.callId));
    expect(again.every((result) => !result.ok && result.error.code === 'CONFLICT')).toBe(true);
    expect((await record(id!)).contacts).toHaveLength(after.contacts.length);
  });

  it('two tabs starting calls for two households: one starts, the other is told which call is running', async () => {
    await value('settings.update', { stewardName: '王敏' });
    const [, , , first, second] = await owingHouseholds(1_000);
    const results = await inParallel(2, (i) => post<{ callId: string; householdId: string }>('calls.start', { householdId: i === 0 ? first : second, purpose: 'collection', override: { reason: '测试：并发开始' } }));
    const okOnes = results.filter((result): result is Extract<typeof result, { ok: true }> => result.ok);
    expect(okOnes).toHaveLength(1);
    const refused = results.find((result): result is Extract<typeof result, { ok: false }> => !result.ok)!;
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^有一通未结束的通话（.+）：请先结束或放弃$/) });
    await value('calls.clearDraft', {});
  });
});

describe('one import committed from three tabs', () => {
  it('commits once; the others are told it is already being committed or done', async () => {
    const started = await value<{ uploadId: string; chunkBytes: number }>('ledger.uploadStart', { fileName: 'gbk-system-a.csv', sizeBytes: readFileSync(fixturePath('gbk-system-a.csv')).length });
    await value('ledger.uploadChunk', { uploadId: started.uploadId, offset: 0, contentBase64: readFileSync(fixturePath('gbk-system-a.csv')).toString('base64') });
    const { jobId } = await value<{ jobId: string }>('ledger.previewImport', { uploadId: started.uploadId, defaultCommunity: '观山水' });
    for (;;) {
      const status = await value<ImportJobStatus>('ledger.importStatus', { jobId });
      if (status.state === 'ready') break;
      expect(status.state).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const importsBefore = (await value<{ entries: unknown[] }>('ledger.imports', {})).entries.length;
    const results = await inParallel(3, () => post('ledger.commitImport', { jobId, skipErrorRows: false }));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results) if (!result.ok) expect(['CONFLICT', 'NOT_FOUND']).toContain(result.error.code);
    expect((await value<{ entries: unknown[] }>('ledger.imports', {})).entries.length).toBe(importsBefore + 1);
  });
});

describe('a script saved from ten tabs at once', () => {
  it('one save builds on the version they all started from; nine get CONFLICT naming who saved in between', async () => {
    await value('settings.update', { stewardName: '李组长' });
    const { entries } = await value<{ entries: ScriptEntry[] }>('scripts.list', {});
    const entry = entries[0]!;
    const base = entry.versions.at(-1)!;
    const results = await inParallel(10, (i) =>
      post('scripts.save', {
        id: entry.id,
        baseVersion: base.version,
        content: { title: base.title, stage: base.stage, ownerTypes: base.ownerTypes, tone: base.tone, kind: base.kind, text: `${base.text}（第 ${i + 1} 个标签页）`, fallbacks: base.fallbacks, tags: base.tags },
      }),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const conflicts = results.filter((result): result is Extract<typeof result, { ok: false }> => !result.ok);
    expect(conflicts).toHaveLength(9);
    for (const result of conflicts) expect(result.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('李组长') });
    const saved = (await value<{ entries: ScriptEntry[] }>('scripts.list', {})).entries.find((candidate) => candidate.id === entry.id)!;
    expect(saved.versions).toHaveLength(entry.versions.length + 1);
  });
});
