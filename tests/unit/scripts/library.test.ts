import { describe, expect, it } from 'vitest';
import { defaultLibrary } from '../../../scripts-library/default-library';
import { lintScript } from '../../../scripts-library/lint';
import { arrangementText, dayText, renderScript, valuesFor, surnameOf } from '../../../scripts-library/render';
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
    owedFeeTypes: ['物业费', '停车费'],
    settings: { stewardName: '王敏', companyName: '晨光物业' },
    today: '2025-11-27',
    promises: [{ date: '2025-11-28', amountFen: 39_380, channel: '微信' }],
  });

  it('writes money, dates, months, fee types and surnames as a steward says them', () => {
    expect(values).toMatchObject({
      称呼: '诸葛业主',
      业主姓: '诸葛',
      欠费金额: '393.8元',
      欠费项目: '物业费和停车费',
      欠费月数: '2个月',
      最早欠费月份: '2025年9月',
      约定日期: '明天11月28日周五',
      约定金额: '393.8元',
      约定安排: '明天11月28日周五，用微信缴393.8元',
    });
    expect(values.滞纳金).toBeUndefined(); // no late fee in the ledger: not a fact of this call
    expect(dayText('2024-02-29')).toBe('2月29日周四');
    expect(surnameOf('王')).toBe('');
    expect(surnameOf('王芳')).toBe('王');
    expect(surnameOf('鑫源商贸有限公司')).toBe('');
  });

  it('reads a plan as one sentence', () => {
    const plan = [
      { date: '2026-12-03', amountFen: 300_000, channel: '微信' },
      { date: '2027-01-03', amountFen: 300_000, channel: '微信' },
      { date: '2027-02-03', amountFen: 412_800, channel: '微信' },
    ];
    expect(arrangementText(plan, '2026-11-26')).toBe('分3次缴，一共10128元：12月3日周四缴3000元，1月3日周日缴3000元，2月3日周三缴4128元，都用微信');
  });

  it("uses the entry's fallback, then the variable's own, for an empty household value", () => {
    const sparse = valuesFor({ household: { ownerName: '', roomLabel: '', community: '枫林雅苑' }, summary: { owedFen: 100, monthsOverdue: 1, earliestUnpaid: null, lateFeeFen: 0 } });
    const rendered = renderScript('{称呼}您好，{房号}从{最早欠费月份}起的费用。', sparse, { 房号: '您这套房子' });
    expect(rendered.text).toBe('业主您好，您这套房子从前几个月起的费用。');
    expect(rendered.fallbackUsed).toEqual(['称呼', '房号', '最早欠费月份']);
  });

  it('drops unknown variables instead of showing them, and reports them', () => {
    const rendered = renderScript('您好{业主名}，欠费{欠费金额}。', values);
    expect(rendered).toEqual({ text: '您好，欠费393.8元。', fallbackUsed: [], unknown: ['业主名'] });
  });
});
