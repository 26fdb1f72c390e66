/** The 话术 library through the backend: lint on save, versions, export and import into a fresh data folder. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { currentVersion } from '../../scripts-library/schema';
import { tempDir } from '../helpers/fs';
import { call, callUnchecked, importFixture } from '../helpers/ledger';

const open = (dataDir = tempDir()) => createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0 });

describe('script library', () => {
  it('lints with the words the lead added in 团队设置: on save and on a message sent to an owner', async () => {
    const backend = await open();
    await call(backend, 'settings.update', { stewardName: '李静' });
    const team = await call(backend, 'teamSettings.get', {});
    const line = '您这种就是土豆户，大家都知道。';
    const { entries } = await call(backend, 'scripts.list', {});
    const { version: _v, author: _a, at: _t, note: _n, ...content } = currentVersion(entries[0]!);
    const save = () => call(backend, 'scripts.save', { id: entries[0]!.id, content: { ...content, text: line }, confirmWarnings: true });
    // Not one of the built-in words: it passes.
    const first = await save();
    // The lead names a local insult: now it is blocked, in the backend.
    await expect(callUnchecked(backend, 'teamSettings.update', { ...team, lintTerms: [{ category: 'no-such', term: '土豆户' }] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(backend, 'teamSettings.update', { ...team, lintTerms: [{ category: 'insult', term: '土豆户' }, { category: 'insult', term: '土豆户' }] })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('重复') });
    await call(backend, 'teamSettings.update', { ...team, lintTerms: [{ category: 'insult', term: '土豆户' }] });
    await expect(call(backend, 'scripts.save', { id: entries[0]!.id, content: { ...content, text: `${line}。` }, baseVersion: first.entry.versions.length, confirmWarnings: true })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('土豆户') });
    await importFixture(backend, 'gbk-system-a.csv');
    await expect(call(backend, 'contacts.logMessage', { householdId: '观山水|8-2-1203', channel: '微信', text: line, entryKey: null })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('合规检查') });
    backend.close();
  });

  it('starts with the default library and saves a lead’s edit as a new version with author and note', async () => {
    const backend = await open();
    await call(backend, 'settings.update', { stewardName: '李静' });
    const { entries } = await call(backend, 'scripts.list', {});
    expect(entries.length).toBeGreaterThanOrEqual(46);
    const entry = entries.find((e) => e.id === 'opening-warm')!;
    const content = { ...currentVersion(entry), text: '{称呼}您好，我是{物业公司}的{管家姓名}，想跟您核对一下账目。' };
    const { version: _v, author: _a, at: _t, note: _n, ...edit } = content;
    const saved = await call(backend, 'scripts.save', { id: entry.id, content: edit, note: '更口语', baseVersion: 1 });
    expect(currentVersion(saved.entry)).toMatchObject({ version: 2, author: '李静', note: '更口语', text: content.text });
    // Someone editing the old version is told, not overwritten.
    await expect(call(backend, 'scripts.save', { id: entry.id, content: edit, baseVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    backend.close();
  });

  it('refuses a line that threatens to cut the water and leaves the file untouched; warnings need confirmation', async () => {
    const backend = await open();
    const { entries } = await call(backend, 'scripts.list', {});
    const { version: _v, author: _a, at: _t, note: _n, ...content } = currentVersion(entries[0]!);
    const file = path.join(backend.storage.dataDir, 'scripts.json');
    const before = readFileSync(file, 'utf8');
    await expect(call(backend, 'scripts.save', { id: entries[0]!.id, content: { ...content, text: '再拖着不交，下周就停您家的水。' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('停您家的水'),
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    await expect(call(backend, 'scripts.save', { id: entries[0]!.id, content: { ...content, text: '这是最后一次提醒您。' } })).rejects.toMatchObject({ code: 'NEEDS_CONFIRMATION' });
    const saved = await call(backend, 'scripts.save', { id: entries[0]!.id, content: { ...content, text: '这是最后一次提醒您。' }, confirmWarnings: true });
    expect(saved.findings.map((f) => f.rule)).toEqual(['pressure']);
    backend.close();
  });

  it('duplicates, archives, restores an old version', async () => {
    const backend = await open();
    const copy = await call(backend, 'scripts.duplicate', { id: 'close-recap' });
    expect(copy.entry.id).toMatch(/^custom-/);
    const archived = await call(backend, 'scripts.archive', { id: copy.entry.id, archived: true });
    expect(archived.entry.archived).toBe(true);
    const { version: _v, author: _a, at: _t, note: _n, ...content } = currentVersion(copy.entry);
    await call(backend, 'scripts.save', { id: copy.entry.id, content: { ...content, text: '改过的结束语。' } });
    const restored = await call(backend, 'scripts.restore', { id: copy.entry.id, version: 1 });
    expect(currentVersion(restored.entry)).toMatchObject({ version: 3, text: content.text });
    backend.close();
  });

  it('exports the library and imports it into a fresh data folder with a report', async () => {
    const lead = await open();
    const { version: _v, author: _a, at: _t, note: _n, ...content } = currentVersion((await call(lead, 'scripts.list', {})).entries[0]!);
    await call(lead, 'scripts.save', { id: 'opening-warm', content: { ...content, text: '组长改过的开场：{称呼}您好。' } });
    await call(lead, 'scripts.save', { content: { ...content, title: '组长新写的', text: '{称呼}您好，新写的一条。' } });
    const exported = await call(lead, 'scripts.export', {});
    expect(exported.fileName).toMatch(/^话术库-\d{4}-\d{2}-\d{2}\.json$/);
    lead.close();

    const steward = await open();
    const dryRun = await call(steward, 'scripts.import', { content: exported.content, apply: false });
    expect(dryRun.applied).toBe(false);
    expect(dryRun.report.added.map((e) => e.title)).toEqual(['组长新写的']);
    expect(dryRun.report.updated.map((e) => e.id)).toEqual(['opening-warm']);
    expect(dryRun.report.conflicts).toEqual([]);
    const applied = await call(steward, 'scripts.import', { content: exported.content, apply: true });
    expect(applied.applied).toBe(true);
    const { entries } = await call(steward, 'scripts.list', {});
    expect(currentVersion(entries.find((e) => e.id === 'opening-warm')!).text).toBe('组长改过的开场：{称呼}您好。');
    await expect(call(steward, 'scripts.import', { content: '{"format":"something-else"}', apply: true })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(steward, 'scripts.import', { content: 'not json', apply: true })).rejects.toThrow(/不是有效的 JSON/);
    steward.close();
  });
});
