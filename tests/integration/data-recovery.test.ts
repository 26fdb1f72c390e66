/**
 * A data folder that lost or broke a file: the app reports it with what to do, never replaces or deletes
 * anything, refuses the writes that would paper over it — and the recovery it advises works.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { shardOf } from '../../electron/backend/json-storage/ledger-store';
import type { ImportJobStatus, InputOf } from '../../electron/contract';
import { snapshotDir, tempDir } from '../helpers/fs';
import { call, upload } from '../helpers/ledger';
import { saveCall as saveStarted, startCall } from '../helpers/calls';

const TODAY = '2026-11-20';
const open = (dataDir: string) => createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 40, today: () => TODAY, log: () => undefined });

let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

async function reopen(dataDir: string): Promise<Backend> {
  backend?.close();
  backend = await open(dataDir);
  return backend;
}

const ledgerDir = (dataDir: string) => path.join(dataDir, 'ledger');
const manifestOf = (dataDir: string) => JSON.parse(readFileSync(path.join(ledgerDir(dataDir), 'manifest.json'), 'utf8')).data as { shards: (string | null)[]; undo: { shards: (string | null)[] } | null };
const status = (b: Backend) => call(b, 'app.status', {});
const fileState = async (b: Backend, id: string) => (await status(b)).storage.files.find((file) => file.id === id)!;
const list = (b: Backend) => call(b, 'households.list', { owingOnly: false, limit: 5000 });
const pay = (b: Backend, householdId: string, amountFen = 100) => call(b, 'payments.record', { householdId, amountFen, paidOn: TODAY, channel: '微信' });
const manualPayments = async (b: Backend, id: string) => (await call(b, 'households.get', { id })).payments.filter((payment) => payment.source === 'manual');

/** Two households that owe something, in different shards. */
async function owingPair(b: Backend): Promise<[string, string]> {
  const rows = (await list(b)).rows.filter((row) => row.owedFen > 1000);
  const first = rows[0]!.id;
  const second = rows.find((row) => shardOf(row.id) !== shardOf(first))!.id;
  return [first, second];
}

describe('a missing ledger manifest', () => {
  it('is reported, nothing is created, deleted or seeded; copying the .bak back, as advised, restores the ledger', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    const households = (await list(b)).total;
    const [id] = await owingPair(b);
    await pay(b, id);
    b.close();
    backend = null;
    rmSync(path.join(ledgerDir(dataDir), 'manifest.json'));
    const before = snapshotDir(ledgerDir(dataDir));

    b = await reopen(dataDir);
    const ledger = await fileState(b, 'ledger');
    expect(ledger.state).toBe('error');
    expect(ledger.error).toMatch(/ledger\/manifest.json.*不见了/);
    expect(ledger.error).toContain('manifest.json.bak');
    expect((await status(b)).storage.healthy).toBe(false);
    await expect(list(b)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    await expect(pay(b, id)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    b.close();
    backend = null;
    expect(snapshotDir(ledgerDir(dataDir))).toEqual(before);

    copyFileSync(path.join(ledgerDir(dataDir), 'manifest.json.bak'), path.join(ledgerDir(dataDir), 'manifest.json'));
    b = await reopen(dataDir);
    expect((await status(b)).storage.healthy).toBe(true);
    expect((await list(b)).total).toBe(households);
  });
});

describe('a corrupt ledger manifest', () => {
  it('is never overwritten; the advised recovery from manifest.json.bak finds every shard it names', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    const [id, other] = await owingPair(b);
    await pay(b, id, 100); // the .bak will be the ledger after this payment
    await pay(b, id, 200); // the last change: lost by the recovery
    await pay(b, other, 300); // another shard, so the first household's earlier shard files would have been cleaned up
    b.close();
    backend = null;
    const manifestPath = path.join(ledgerDir(dataDir), 'manifest.json');
    writeFileSync(manifestPath, '{ "schemaVersion": 1, "data": { "generation": ');
    const before = snapshotDir(ledgerDir(dataDir));

    b = await reopen(dataDir);
    const ledger = await fileState(b, 'ledger');
    expect(ledger.state).toBe('error');
    expect(ledger.error).toContain('manifest.json.bak');
    await expect(list(b)).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' });
    b.close();
    backend = null;
    expect(snapshotDir(ledgerDir(dataDir))).toEqual(before);

    copyFileSync(`${manifestPath}.bak`, manifestPath);
    b = await reopen(dataDir);
    expect((await status(b)).storage.healthy).toBe(true);
    expect((await manualPayments(b, id)).map((payment) => payment.amountFen)).toEqual([100, 200]);
    expect(await manualPayments(b, other)).toEqual([]);
    // And the ledger goes on: new changes, and files no manifest or backup names are cleaned up.
    await pay(b, other, 400);
    await pay(b, other, 500);
    const manifest = manifestOf(dataDir);
    const backup = JSON.parse(readFileSync(`${manifestPath}.bak`, 'utf8')).data as typeof manifest;
    const named = new Set([...manifest.shards, ...(manifest.undo?.shards ?? []), ...backup.shards, ...(backup.undo?.shards ?? [])]);
    const onDisk = readdirSync(ledgerDir(dataDir)).filter((name) => /^shard-/.test(name));
    expect(onDisk.filter((name) => !named.has(name))).toEqual([]);
  });
});

describe('one broken ledger shard', () => {
  it('leaves the other households usable, names the file and the way back, and refuses writes that touch it', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    const all = (await list(b)).rows;
    const [id, other] = await owingPair(b);
    const victim = all.find((row) => row.id === id)!;
    const inVictimShard = all.filter((row) => shardOf(row.id) === shardOf(id)).length;
    b.close();
    backend = null;
    const shardFile = manifestOf(dataDir).shards[shardOf(id)]!;
    const shardPath = path.join(ledgerDir(dataDir), shardFile);
    const broken = readFileSync(shardPath, 'utf8').slice(0, 40);
    writeFileSync(shardPath, broken);
    const before = snapshotDir(ledgerDir(dataDir));

    b = await reopen(dataDir);
    const ledger = await fileState(b, 'ledger');
    expect(ledger.state).toBe('error');
    expect(ledger.error).toContain(`ledger/${shardFile}`);
    expect(ledger.error).toContain('其余分片照常使用');
    expect(ledger.error).toMatch(/恢复：/);
    expect((await list(b)).total).toBe(all.length - inVictimShard);
    await expect(call(b, 'households.get', { id })).rejects.toMatchObject({ code: 'STORAGE_INVALID', message: expect.stringContaining(shardFile) });
    await expect(pay(b, id)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });

    // An import that would (re)create a household of that shard is refused whole.
    const csv = `小区,房号,业主,收费项目,所属期间,应收,实收\n${victim.community},${victim.roomLabel},${victim.ownerName},物业费,2026-10,100,0\n`;
    const uploadId = await upload(b, 'again.csv', Buffer.from(csv));
    const { jobId } = await call(b, 'ledger.previewImport', { uploadId, defaultCommunity: victim.community, scope: 'household' });
    let job: ImportJobStatus;
    for (;;) {
      job = await call(b, 'ledger.importStatus', { jobId });
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10)); // let the analysis run
    }
    expect(job.state).toBe('ready');
    await expect(call(b, 'ledger.commitImport', { jobId, skipErrorRows: false })).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    expect(snapshotDir(ledgerDir(dataDir))).toEqual(before);

    // Households elsewhere take payments as usual.
    await pay(b, other);
    expect(await manualPayments(b, other)).toHaveLength(1);
    expect(readFileSync(shardPath, 'utf8')).toBe(broken); // left exactly as it was, for a person to look at
  });
});

describe('a deleted contact-log shard', () => {
  it('is reported by name, not recreated, and the writes and the queue that depend on it are refused', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    const [id, other] = await owingPair(b);
    await call(b, 'settings.update', { stewardName: '王敏' });
    // A whole call; one that could not be saved is given up (放弃) before the next.
    const saveCall = async (householdId: string) => {
      const { callId } = await startCall(b, householdId);
      return saveStarted(b, callId, { householdId, outcome: 'no-answer' }).catch(async (error: unknown) => {
        await call(b, 'calls.clearDraft', {});
        throw error;
      });
    };
    await saveCall(id);
    b.close();
    backend = null;
    const shardName = `shard-${String(shardOf(id)).padStart(3, '0')}.json`;
    const shardPath = path.join(dataDir, 'contacts', shardName);
    rmSync(shardPath);

    b = await reopen(dataDir);
    const contacts = await fileState(b, 'contacts');
    expect(contacts.state).toBe('error');
    expect(contacts.error).toContain(`contacts/${shardName}`);
    expect(contacts.error).toContain('不见了');
    await expect(call(b, 'followups.today', {})).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    await expect(saveCall(id)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    expect(existsSync(shardPath)).toBe(false);
    await saveCall(other); // another shard
    b.close();
    backend = null;
    b = await reopen(dataDir);
    expect((await fileState(b, 'contacts')).state).toBe('error'); // still reported after a restart
  });
});

describe('a deleted scripts.json', () => {
  it('does not come back as the default library: reported with its .bak, edits refused until restored', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    const { entries } = await call(b, 'scripts.list', {});
    const first = entries[0]!;
    const content = { title: '我们的开场', stage: 'opening', ownerTypes: ['A'], tone: '温和', kind: '通用', text: '您好，我是物业的管家。', fallbacks: {}, tags: [] } as InputOf<'scripts.save'>['content'];
    await call(b, 'scripts.save', { id: first.id, content, baseVersion: first.versions.at(-1)!.version });
    b.close();
    backend = null;
    const scriptsPath = path.join(dataDir, 'scripts.json');
    rmSync(scriptsPath);

    b = await reopen(dataDir);
    const scripts = await fileState(b, 'scripts');
    expect(scripts.state).toBe('error');
    expect(scripts.error).toContain('scripts.json');
    expect(scripts.error).toContain('scripts.json.bak');
    await expect(call(b, 'scripts.list', {})).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    await expect(call(b, 'scripts.save', { content })).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
    expect(existsSync(scriptsPath)).toBe(false);
    b.close();
    backend = null;

    copyFileSync(`${scriptsPath}.bak`, scriptsPath); // as advised
    b = await reopen(dataDir);
    const restored = await call(b, 'scripts.list', {});
    expect(restored.entries.find((entry) => entry.id === first.id)!.versions.length).toBeGreaterThanOrEqual(1);
    expect((await fileState(b, 'scripts')).state).toBe('ok');
  });

  it('a folder from before the file registry is registered from what it holds, and stays healthy', async () => {
    const dataDir = tempDir();
    let b = await reopen(dataDir);
    b.close();
    backend = null;
    rmSync(path.join(dataDir, 'folder.json'));
    b = await reopen(dataDir);
    expect((await status(b)).storage.healthy).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'folder.json'), 'utf8')).data.files).toEqual(
      expect.arrayContaining(['scripts.json', 'settings.json', 'team-settings.json', 'ledger/manifest.json']),
    );
  });
});

describe('a full disk', () => {
  it('says 磁盘空间不足 with the folder, changes nothing, and leaves no temp files', async () => {
    const dataDir = tempDir();
    const b = await reopen(dataDir);
    const [id] = await owingPair(b);
    await call(b, 'settings.update', { stewardName: '王敏' });
    const { callId } = await startCall(b, id);
    const realOpen = fsp.open.bind(fsp);
    const spy = vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      if (String(args[0]).endsWith('.tmp')) {
        handle.writeFile = async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    try {
      const before = snapshotDir(ledgerDir(dataDir));
      for (const attempt of [
        () => pay(b, id),
        () => call(b, 'settings.update', { stewardName: '王敏' }),
        () => saveStarted(b, callId, { householdId: id, outcome: 'no-answer' }),
        () => startCall(b, id),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: 'STORAGE_FULL', message: expect.stringContaining('磁盘空间不足') });
      }
      expect(snapshotDir(ledgerDir(dataDir))).toEqual(before);
      const leftovers = [dataDir, ledgerDir(dataDir), path.join(dataDir, 'contacts')].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.tmp')));
      expect(leftovers).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    // Space again: the same writes go through (the call started before is still there to save).
    await pay(b, id);
    expect((await call(b, 'settings.update', { stewardName: '王敏' })).stewardName).toBe('王敏');
    await saveStarted(b, callId, { householdId: id, outcome: 'no-answer' });
  });
});
