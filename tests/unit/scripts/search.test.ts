import { describe, expect, it } from 'vitest';
import { defaultEntries } from '../../../scripts-library/default-library';
import { ScriptSearch } from '../../../scripts-library/search';

const search = new ScriptSearch(defaultEntries('2026-11-26T09:00:00+08:00'));
const ids = (query: string) => search.search(query).map((hit) => hit.id);

describe('ScriptSearch', () => {
  it('finds by words in the title, tags and text', () => {
    expect(ids('分期')[0]).toMatch(/^instalment/);
    expect(ids('漏水')).toContain('repair-leak');
    expect(ids('收款账户')).toContain('channel-transfer');
  });

  it('finds by the title’s pinyin initials and full pinyin', () => {
    expect(ids('whkc')[0]).toBe('opening-warm'); // 温和开场
    expect(ids('kongzhi')).toEqual(expect.arrayContaining(['vacant-common']));
  });

  it('forgives a typo through fuse', () => {
    expect(ids('分其方案')).toContain('instalment-offer');
  });

  it('returns nothing for an empty query', () => {
    expect(search.search('  ')).toEqual([]);
  });
});
