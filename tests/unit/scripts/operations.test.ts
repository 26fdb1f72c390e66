import { describe, expect, it } from 'vitest';
import { defaultEntries } from '../../../scripts-library/default-library';
import { checkForSave, duplicateEntry, mergeImported, newScriptId, restoreVersion, withNewVersion } from '../../../scripts-library/operations';
import { currentVersion, type ScriptEntry } from '../../../scripts-library/schema';

const at = '2026-11-26T09:00:00+08:00';
const lead = { name: '组长李静', at: '2026-11-27T10:00:00+08:00' };
const base = defaultEntries(at).find((entry) => entry.id === 'opening-warm')!;
const edit = (entry: ScriptEntry, text: string, author = lead) => withNewVersion(entry, entry.id, { ...currentVersion(entry), text }, author, '改写');

describe('saving', () => {
  it('refuses lint errors, asks to confirm warnings, accepts clean text', () => {
    expect(checkForSave('再不交就停水。', true)).toMatchObject({ ok: false, reason: 'errors' });
    expect(checkForSave('这是最后一次提醒。', false)).toMatchObject({ ok: false, reason: 'unconfirmed-warnings' });
    expect(checkForSave('这是最后一次提醒。', true)).toMatchObject({ ok: true });
    expect(checkForSave('{称呼}您好。', false)).toEqual({ ok: true, findings: [] });
  });

  it('adds a version with author, time and note; restoring adds a copy, never rewrites history', () => {
    const v2 = edit(base, '{称呼}您好，我是管家{管家姓名}。');
    expect(v2.versions.map((v) => [v.version, v.author])).toEqual([
      [1, '系统默认'],
      [2, '组长李静'],
    ]);
    const v3 = restoreVersion(v2, 1, lead)!;
    expect(currentVersion(v3)).toMatchObject({ version: 3, text: currentVersion(base).text, note: '恢复第 1 版' });
    expect(v3.versions).toHaveLength(3);
    expect(restoreVersion(v2, 9, lead)).toBeNull();
  });

  it('duplicates into a new entry with its own history', () => {
    const copy = duplicateEntry(base, 'custom-x', lead);
    expect(copy).toMatchObject({ id: 'custom-x', archived: false });
    expect(copy.versions).toHaveLength(1);
    expect(currentVersion(copy).title).toBe('温和开场（副本）');
  });

  it('makes unique ids', () => {
    expect(newScriptId(new Set(), 10)).toBe('custom-a');
    expect(newScriptId(new Set(['custom-a']), 10)).toBe('custom-a-1');
    const id = newScriptId(new Set(), 123456);
    expect(newScriptId(new Set([id]), 123456)).toBe(`${id}-1`);
  });
});

describe('importing a library', () => {
  const ours = defaultEntries(at);
  const mine = ours.find((e) => e.id === 'opening-warm')!;

  it('adds new entries, updates ones whose history extends ours, leaves identical ones', () => {
    const extended = edit(mine, '{称呼}您好，我是{物业公司}管家。');
    const brandNew = withNewVersion(null, 'custom-new', { ...currentVersion(mine), title: '新话术' }, lead, '新建');
    const { entries, report } = mergeImported(ours, [extended, brandNew, ours[1]!]);
    expect(report.added.map((e) => e.id)).toEqual(['custom-new']);
    expect(report.updated).toEqual([{ id: 'opening-warm', title: '温和开场', from: 1, to: 2 }]);
    expect(report.unchanged.map((e) => e.id)).toEqual([ours[1]!.id]);
    expect(entries).toHaveLength(ours.length + 1);
    expect(currentVersion(entries.find((e) => e.id === 'opening-warm')!).version).toBe(2);
  });

  it('reports a conflict when both sides changed, and keeps ours', () => {
    const local = edit(mine, '本地改过的开场白，{称呼}您好。');
    const remote = edit(mine, '别处改过的开场白，{称呼}您好。', { name: '另一位组长', at });
    const { entries, report } = mergeImported([local], [remote]);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]!.reason).toContain('两边都修改过');
    expect(currentVersion(entries[0]!).text).toContain('本地改过');
  });

  it('rejects an entry whose text breaks the compliance rules', () => {
    const bad = withNewVersion(null, 'custom-bad', { ...currentVersion(mine), title: '违规', text: '不交就停您家的电。' }, lead, '');
    const { entries, report } = mergeImported(ours, [bad]);
    expect(report.rejected).toEqual([{ id: 'custom-bad', title: '违规', reason: expect.stringContaining('停您家的电') }]);
    expect(entries).toHaveLength(ours.length);
  });
});
