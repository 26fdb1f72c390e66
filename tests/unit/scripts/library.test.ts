import { describe, expect, it } from 'vitest';
import { defaultLibrary } from '../../../scripts-library/default-library';
import { lintScript } from '../../../scripts-library/lint';
import { renderScript, valuesFor, dateText, surnameOf } from '../../../scripts-library/render';
import { currentVersion, scriptLibrarySchema } from '../../../scripts-library/schema';
import { stages } from '../../../scripts-library/stages';

const library = defaultLibrary('2026-11-26T09:00:00+08:00');

describe('the default library', () => {
  it('validates against its own schema', () => {
    expect(scriptLibrarySchema.safeParse(library).success).toBe(true);
  });

  it.each(stages.map((stage) => [stage.id, stage.label]))('covers stage %s (%s) with at least two variants', (id) => {
    expect(library.entries.filter((entry) => currentVersion(entry).stage === id).length).toBeGreaterThanOrEqual(2);
  });

  it('passes its own compliance lint without a single finding', () => {
    const findings = library.entries.flatMap((entry) => lintScript(currentVersion(entry).text).map((finding) => `${entry.id}: ${finding.phrase} (${finding.rule})`));
    expect(findings).toEqual([]);
  });

  it('renders every script for a household without leaving a raw {…}', () => {
    const values = valuesFor({
      household: { ownerName: '欧阳澜', roomLabel: '8栋2单元1203', community: '观山水' },
      summary: { owedFen: 261_900, monthsOverdue: 2, earliestUnpaid: '2025-09-01', lateFeeFen: 1_230 },
      settings: { stewardName: '王敏', companyName: '晨光物业' },
    });
    for (const entry of library.entries) {
      const { text, unknown } = renderScript(currentVersion(entry).text, values, currentVersion(entry).fallbacks);
      expect(unknown).toEqual([]);
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('offers individually addressed texts for reminders, due promises and broken promises', () => {
    for (const stage of ['message-reminder', 'message-promise-due', 'message-broken-promise']) {
      const texts = library.entries.filter((entry) => currentVersion(entry).stage === stage).map((entry) => currentVersion(entry).text);
      expect(texts.length).toBeGreaterThanOrEqual(2);
      for (const text of texts) expect(text).toContain('{称呼}');
    }
  });
});

describe('rendering', () => {
  const values = valuesFor({
    household: { ownerName: '诸葛明', roomLabel: '3栋1单元502', community: '枫林雅苑' },
    summary: { owedFen: 39_380, monthsOverdue: 2, earliestUnpaid: '2025-09-01', lateFeeFen: 0 },
    settings: { stewardName: '', companyName: '晨光物业' },
    promise: { date: '2025-11-28', amountFen: 39_380, channel: '微信' },
  });

  it('writes money, dates, months and surnames the Chinese way', () => {
    expect(values).toMatchObject({ 称呼: '诸葛业主', 业主姓: '诸葛', 欠费金额: '393.80 元', 欠费月数: '2 个月', 最早欠费月份: '2025年9月', 约定日期: '11月28日（星期五）', 约定金额: '393.80 元' });
    expect(dateText('2024-02-29')).toBe('2月29日（星期四）');
    expect(surnameOf('王')).toBe('王');
  });

  it('uses the entry’s fallback, then the variable’s own, for an empty value', () => {
    const rendered = renderScript('我是管家{管家姓名}，约在{回访日期}，{收款账户}。', values, { 回访日期: '本周内' });
    // No steward name: the sentence reads 我是管家, not 我是管家管家.
    expect(rendered.text).toBe('我是管家，约在本周内，我们的收款账户。');
    expect(rendered.fallbackUsed).toEqual(['管家姓名', '回访日期', '收款账户']);
  });

  it('drops unknown variables instead of showing them, and reports them', () => {
    const rendered = renderScript('您好{业主名}，欠费{欠费金额}。', values);
    expect(rendered).toEqual({ text: '您好，欠费393.80 元。', fallbackUsed: [], unknown: ['业主名'] });
  });
});
