/** A user id beside every stored name: written on new records, and filled in by the migration of older files. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { LOCAL_USER_ID, type Actor } from '../../domain/roles';
import { tempDir } from '../helpers/fs';
import { call, importFixture } from '../helpers/ledger';
import { makeCall } from '../helpers/calls';

const ID = '观山水|8-2-1203';
const open = (dataDir: string) => createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0, today: () => '2026-11-26' });

async function signedBackend(dataDir: string): Promise<Backend> {
  const backend = await open(dataDir);
  await call(backend, 'settings.update', { stewardName: '王敏' });
  await importFixture(backend, 'gbk-system-a.csv');
  return backend;
}

/** Every written contact shard of the folder, as { file, onDisk }. */
const contactShards = (dataDir: string) =>
  readdirSync(path.join(dataDir, 'contacts'))
    .filter((name) => /^shard-\d{3}\.json$/.test(name))
    .map((name) => ({ file: path.join(dataDir, 'contacts', name), onDisk: JSON.parse(readFileSync(path.join(dataDir, 'contacts', name), 'utf8')) }));

describe('user ids beside names, outcome ids beside labels', () => {
  it('signs new contacts, queue actions, phone access, callbacks and script versions with the acting user\'s id', async () => {
    const backend = await signedBackend(tempDir());
    const lead: Actor = { id: 'u-lead', name: '组长张', roles: ['lead'] };
    await makeCall(backend, { householdId: ID, outcome: 'callback' });
    await call(backend, 'households.revealPhone', { id: ID, phoneIndex: 0, purpose: 'reveal' });
    const shown = await call(backend, 'households.get', { id: ID });
    expect(shown.contacts[0]).toMatchObject({ steward: '王敏', stewardId: LOCAL_USER_ID });
    expect(shown.phoneAccess[0]).toMatchObject({ steward: '王敏', stewardId: LOCAL_USER_ID });
    expect(shown.followUps.find((followUp) => followUp.kind === 'callback')).toMatchObject({ owner: '王敏', ownerId: LOCAL_USER_ID });
    const { action } = await call(backend, 'followups.act', { action: 'snooze', householdId: ID, until: '2026-11-30', reason: '业主出差' });
    expect(action).toMatchObject({ steward: '王敏', stewardId: LOCAL_USER_ID });
    const { entries } = await call(backend, 'scripts.list', {});
    const entry = entries[0]!;
    const current = entry.versions.at(-1)!;
    const { version: _v, author: _a, authorId: _i, at: _at, note: _n, ...content } = current;
    const saved = await call(backend, 'scripts.save', { id: entry.id, content: { ...content, title: `${content.title}（改）` }, baseVersion: current.version }, lead);
    expect(saved.entry.versions.at(-1)).toMatchObject({ author: '组长张', authorId: 'u-lead' });
    backend.close();
  });

  it('migrates contact shards and the library written before ids: the desk\'s records get its local user, the shipped defaults none', async () => {
    const dataDir = tempDir();
    const backend = await signedBackend(dataDir);
    await makeCall(backend, { householdId: ID, outcome: 'no-answer' });
    const { entries } = await call(backend, 'scripts.list', {});
    const entry = entries[0]!;
    const current = entry.versions.at(-1)!;
    const { version: _v, author: _a, authorId: _i, at: _at, note: _n, ...content } = current;
    await call(backend, 'scripts.save', { id: entry.id, content: { ...content, title: `${content.title}（改）` }, baseVersion: current.version });
    backend.close();
    // Rewrite the files as the previous versions wrote them: no ids.
    const strip = <T extends object>(record: T) => Object.fromEntries(Object.entries(record).filter(([key]) => !['stewardId', 'authorId', 'outcomeId'].includes(key)));
    for (const { file, onDisk } of contactShards(dataDir)) {
      const data = onDisk.data as Record<string, object[]>;
      writeFileSync(file, JSON.stringify({ schemaVersion: 3, savedAt: onDisk.savedAt, data: { ...data, contacts: data.contacts!.map(strip), queueActions: data.queueActions!.map(strip), phoneAccess: data.phoneAccess!.map(strip) } }));
    }
    const scriptsFile = path.join(dataDir, 'scripts.json');
    const library = JSON.parse(readFileSync(scriptsFile, 'utf8'));
    library.schemaVersion = 2;
    library.data.entries = library.data.entries.map((e: { versions: object[] }) => ({ ...e, versions: e.versions.map(strip) }));
    writeFileSync(scriptsFile, JSON.stringify(library));

    const again = await open(dataDir);
    expect((await call(again, 'households.get', { id: ID })).contacts[0]).toMatchObject({ steward: '王敏', stewardId: LOCAL_USER_ID, outcome: '未接通', outcomeId: 'no-answer' });
    const migrated = (await call(again, 'scripts.list', {})).entries;
    const edited = migrated.find((candidate) => candidate.id === entry.id)!;
    expect(edited.versions[0]).not.toHaveProperty('authorId'); // 系统默认
    expect(edited.versions.at(-1)).toMatchObject({ author: '王敏', authorId: LOCAL_USER_ID });
    expect(contactShards(dataDir).every(({ onDisk }) => onDisk.schemaVersion === 4)).toBe(true);
    expect(JSON.parse(readFileSync(scriptsFile, 'utf8')).schemaVersion).toBe(3);
    again.close();
  });

  it('gives each roster name an id: kept across saves, minted for a new name, a made-up id refused, and the v4 roster migrated', async () => {
    const dataDir = tempDir();
    const backend = await signedBackend(dataDir);
    const settings = await call(backend, 'teamSettings.get', {});
    const first = await call(backend, 'teamSettings.update', { ...settings, stewards: [{ name: '李娜' }, { name: '赵静' }] });
    const [lina, zhao] = first.stewards;
    expect(lina!.id).not.toBe(zhao!.id);
    // Renaming nobody and adding a name: the two keep their ids, the new one gets its own.
    const second = await call(backend, 'teamSettings.update', { ...first, stewards: [...first.stewards, { name: '周强' }] });
    expect(second.stewards.slice(0, 2)).toEqual(first.stewards);
    expect(second.stewards[2]).toMatchObject({ name: '周强', id: expect.stringMatching(/^steward-/) });
    await expect(call(backend, 'teamSettings.update', { ...second, stewards: [{ id: 'steward-made-up', name: '冒名' }] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call(backend, 'teamSettings.get', {})).stewards).toEqual(second.stewards);
    const { action } = await call(backend, 'followups.act', { action: 'reassign', householdId: ID, assigneeId: zhao!.id, reason: '' });
    expect(action).toMatchObject({ assignee: '赵静', assigneeId: zhao!.id, steward: '王敏', stewardId: LOCAL_USER_ID });
    backend.close();

    // The roster as version 4 wrote it: names only.
    const file = path.join(dataDir, 'team-settings.json');
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...onDisk, schemaVersion: 4, data: { ...onDisk.data, stewards: ['李娜', '赵静'] } }));
    const again = await open(dataDir);
    const migrated = (await call(again, 'teamSettings.get', {})).stewards;
    expect(migrated.map((member) => member.name)).toEqual(['李娜', '赵静']);
    expect(new Set(migrated.map((member) => member.id)).size).toBe(2);
    again.close();
    const reopened = await open(dataDir);
    expect((await call(reopened, 'teamSettings.get', {})).stewards).toEqual(migrated); // written back once, the same ids every time
    reopened.close();
  });
});
