/**
 * A stored library meets this version's defaults on load (data-files.ts): a default nobody edited gets the new
 * wording as a new version, a new default is added, one no longer shipped is archived, a lead's work stays as it is.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTHOR, defaultEntries, upgradeDefaults } from '../../../scripts-library/default-library';
import { withNewVersion } from '../../../scripts-library/operations';
import { currentVersion, type ScriptEntry } from '../../../scripts-library/schema';

const before = '2026-01-01T09:00:00+08:00';
const now = '2026-11-26T09:00:00+08:00';

/** A library as an older version shipped it: some texts different, some scripts missing, one since dropped. */
function storedLibrary(): ScriptEntry[] {
  const older = (entry: ScriptEntry, text: string): ScriptEntry => ({ ...entry, versions: [{ ...currentVersion(entry), text }] });
  const entries = defaultEntries(before).filter((entry) => !['close-no-promise-firm', 'reminder-paid-check'].includes(entry.id));
  const dropped: ScriptEntry = { ...older(entries[0]!, '旧版默认话术。'), id: 'old-default' };
  return [
    ...entries.map((entry) => {
      if (entry.id === 'close-no-promise') return older(entry, '今天先聊到这里，您有什么想法随时找我，我是管家{管家姓名}。打扰您了，谢谢。');
      if (entry.id === 'legacy-plan') return older(entry, '旧的前物业话术。');
      if (entry.id === 'quality-warranty') {
        const mine = older(entry, '旧的保修话术。');
        return withNewVersion(mine, mine.id, { ...currentVersion(mine), text: '组长改过的保修话术。' }, { name: '组长李静', at: before }, '改写');
      }
      return entry;
    }),
    dropped,
  ];
}

describe('upgradeDefaults', () => {
  const upgraded = upgradeDefaults(storedLibrary(), now);
  const byId = new Map(upgraded.map((entry) => [entry.id, entry]));
  const shipped = new Map(defaultEntries(now).map((entry) => [entry.id, currentVersion(entry)]));

  it('gives an untouched default the new wording as a new version, its history kept', () => {
    for (const id of ['close-no-promise', 'legacy-plan']) {
      const entry = byId.get(id)!;
      expect(entry.versions.map((version) => version.version)).toEqual([1, 2]);
      expect(currentVersion(entry)).toMatchObject({ text: shipped.get(id)!.text, author: DEFAULT_AUTHOR, note: '默认话术更新', at: now });
    }
    expect(byId.get('opening-warm')!.versions).toHaveLength(1);
  });

  it('adds the new defaults, archives one no longer shipped, and leaves a lead’s edit alone', () => {
    expect(byId.get('close-no-promise-firm')).toBeDefined();
    expect(byId.get('reminder-paid-check')).toBeDefined();
    expect(byId.get('old-default')!.archived).toBe(true);
    expect(currentVersion(byId.get('quality-warranty')!).text).toBe('组长改过的保修话术。');
  });

  it('brings every untouched default to this version’s wording, and is a no-op the second time', () => {
    for (const [id, version] of shipped) {
      if (id === 'quality-warranty') continue;
      expect(currentVersion(byId.get(id)!).text, id).toBe(version.text);
    }
    expect(upgradeDefaults(upgraded, now)).toEqual(upgraded);
  });
});
