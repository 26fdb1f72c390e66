/** Which scripts a step of the call offers first: the call's own facts, then the owner type, kind and tone. */
import { describe, expect, it } from 'vitest';
import { defaultEntries } from '../../../scripts-library/default-library';
import { valuesFor, type CallFacts } from '../../../scripts-library/render';
import { ownerTypeFit, suggestScripts } from '../../../scripts-library/suggest';
import { residentCall } from './call-facts-fixture';

const library = defaultEntries('2026-11-26T09:00:00+08:00');
const base: CallFacts = residentCall;
const ids = (stages: Parameters<typeof suggestScripts>[1], wanted: Parameters<typeof suggestScripts>[2], facts: CallFacts = base) =>
  suggestScripts(library, stages, wanted, valuesFor(facts)).map((entry) => entry.id);

describe('suggestScripts', () => {
  it('scores a script written for the owner type above one for everybody, and both above one for other types', () => {
    expect(ownerTypeFit(['E'], 'E')).toBe(3);
    expect(ownerTypeFit(['A', 'B', 'C', 'D', 'E'], 'E')).toBe(1);
    expect(ownerTypeFit(['D'], 'E')).toBe(0);
  });

  it("puts the owner type's own script first whatever the tone, before one written for every type", () => {
    for (const tone of ['温和', '坚定'] as const) {
      expect(ids(['reminder', 'explain'], { ownerType: 'E', kind: '住宅', tone })[0]).toMatch(/^reminder-hardship/);
      expect(ids(['close'], { ownerType: 'D', kind: '住宅', tone })[0]).toBe('close-no-promise-firm');
      // "已经缴过" is for any owner, so it never pushes a type's own reminder aside.
      expect(ids(['reminder'], { ownerType: 'A', kind: '住宅', tone }).slice(0, 2)).toEqual(tone === '温和' ? ['reminder-forgot', 'reminder-forgot-firm'] : ['reminder-forgot-firm', 'reminder-forgot']);
    }
  });

  it("ranks what this call is about first (a recap after a promise, a callback's close), whatever the type", () => {
    const promised = { ...base, promises: [{ date: '2026-11-28', amountFen: 300_000, channel: '微信' }] };
    for (const ownerType of ['A', 'B', 'C', 'D', 'E'] as const) {
      expect(ids(['close'], { ownerType, kind: '住宅', tone: '坚定' }, promised)[0]).toMatch(/^close-recap/);
      expect(ids(['close'], { ownerType, kind: '住宅', tone: '坚定' }, { ...base, callback: { date: '2026-11-27', time: '19:30' } })[0]).toBe('close-callback');
    }
  });

  it('lets a late fee in the ledger gate a script, not lift a wilful owner’s line over a hardship owner’s own', () => {
    const shop = { ...base, household: { ...base.household!, roomLabel: '商铺A-03' } };
    expect(ids(['reminder'], { ownerType: 'E', kind: '商铺', tone: '坚定' }, shop)[0]).toMatch(/^reminder-hardship/);
    expect(ids(['reminder'], { ownerType: 'D', kind: '商铺', tone: '坚定' }, shop)[0]).toBe('reminder-shop-late-fee');
    expect(ids(['reminder'], { ownerType: 'D', kind: '商铺', tone: '坚定' }, { ...shop, summary: { ...shop.summary!, lateFeeFen: 0 } })).not.toContain('reminder-shop-late-fee');
    expect(ids(['objection-hardship'], { ownerType: 'E', kind: '住宅', tone: '温和' }, { ...base, summary: { ...base.summary!, lateFeeFen: 0 } })).not.toContain('hardship-late-fee');
  });

  it('offers the notice follow-up only after a notice was issued, and its deadline only while it has one', () => {
    const wanted = { ownerType: 'D', kind: '住宅', tone: '坚定' } as const;
    expect(ids(['reminder'], wanted).filter((id) => id.startsWith('reminder-notice'))).toEqual([]);
    const noticed = ids(['reminder'], wanted, { ...base, noticeIssued: { kind: '律师函', date: '2026-11-20' } });
    expect(noticed[0]).toBe('reminder-notice-firm');
    expect(noticed).not.toContain('reminder-notice-deadline');
    expect(ids(['reminder'], wanted, { ...base, noticeIssued: { kind: '限期缴费通知书', date: '2026-11-24', deadline: '2026-12-09' } })).toContain('reminder-notice-deadline');
  });
});
