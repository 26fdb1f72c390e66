import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../domain/dates';
import { addMonths as addMonthsFromRules } from '../../../domain/follow-up-rules';
import {
  MAX_INSTALMENTS,
  PLAN_SPAN_DAYS,
  callPromiseProblems,
  instalmentAmounts,
  monthlyDates,
  planDifference,
  planMonthly,
  planProblems,
  planRemainder,
  splitProblem,
  validatePlan,
  type InstalmentSplit,
  type PinnedPromise,
} from '../../../domain/promise';

const TODAY = '2026-11-26';
const OWED = 1_012_800; // 10,128.00 元
const rules = { today: TODAY, horizonDays: 30, owedFen: OWED };
const sum = (plan: readonly PinnedPromise[]) => plan.reduce((total, promise) => total + promise.amountFen, 0);

describe('monthlyDates: the same day each month, clamped at month ends without drifting', () => {
  it.each([
    ['Jan 31 in a common year', '2026-01-31', 4, ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']],
    ['Jan 31 in a leap year', '2028-01-31', 3, ['2028-01-31', '2028-02-29', '2028-03-31']],
    ['Jan 30 across a common February', '2027-01-30', 3, ['2027-01-30', '2027-02-28', '2027-03-30']],
    ['Feb 29 of a leap year keeps the 29th', '2028-02-29', 3, ['2028-02-29', '2028-03-29', '2028-04-29']],
    ['Nov 30 across the year end into February', '2026-11-30', 4, ['2026-11-30', '2026-12-30', '2027-01-30', '2027-02-28']],
    ['Dec 15 → Jan 15 of the next year', '2026-12-15', 3, ['2026-12-15', '2027-01-15', '2027-02-15']],
    ['Aug 31 through short months', '2026-08-31', 6, ['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31']],
    ['one instalment', '2026-12-03', 1, ['2026-12-03']],
  ])('%s', (_label, first, count, expected) => {
    expect(monthlyDates(first, count)).toEqual(expected);
  });

  it('uses the one addMonths (moved to dates.ts, still exported by follow-up-rules)', () => {
    expect(addMonthsFromRules).toBe(addMonths);
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });
});

describe('instalmentAmounts: exactly the total, to the fen', () => {
  it.each<[string, number, InstalmentSplit, number[]]>([
    ['an even split', OWED, { count: 3 }, [337_600, 337_600, 337_600]],
    ['an uneven split: the remainder on the first', 100_001, { count: 3 }, [33_335, 33_333, 33_333]],
    ['an uneven split by fen', 1_012_850, { count: 4 }, [253_214, 253_212, 253_212, 253_212]],
    ['one instalment', 50_000, { count: 1 }, [50_000]],
    ['per instalment: the last takes the remainder', OWED, { perInstalmentFen: 300_000 }, [300_000, 300_000, 300_000, 112_800]],
    ['per instalment dividing the total', 1_200_000, { perInstalmentFen: 400_000 }, [400_000, 400_000, 400_000]],
    ['per instalment above the total: one payment', 50_000, { perInstalmentFen: 80_000 }, [50_000]],
    ['per instalment with fen', 100_000, { perInstalmentFen: 33_333 }, [33_333, 33_333, 33_333, 1]],
  ])('%s', (_label, total, split, expected) => {
    const amounts = instalmentAmounts(total, split);
    expect(amounts).toEqual(expected);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it.each<[string, number, InstalmentSplit, string]>([
    ['nothing to split', 0, { count: 3 }, '分期总额必须大于 0'],
    ['a fraction of a fen', 100.5, { count: 3 }, '分期总额必须大于 0'],
    ['no instalments', OWED, { count: 0 }, '期数至少为 1'],
    ['a fractional count', OWED, { count: 2.5 }, '期数至少为 1'],
    ['more than a year of months', OWED, { count: MAX_INSTALMENTS + 1 }, `最多分 ${MAX_INSTALMENTS} 期`],
    ['a zero amount each', OWED, { perInstalmentFen: 0 }, '每期金额必须大于 0'],
    ['an amount each too small', OWED, { perInstalmentFen: 50_000 }, '每期 500.00 元要分 21 期，最多分 12 期，请提高每期金额'],
  ])('refuses %s, in words', (_label, total, split, message) => {
    expect(splitProblem(total, split)).toBe(message);
    expect(() => instalmentAmounts(total, split)).toThrow(new RangeError(message));
  });

  it('accepts the largest split it offers', () => {
    expect(splitProblem(OWED, { count: MAX_INSTALMENTS })).toBeNull();
    expect(splitProblem(1_200_000, { perInstalmentFen: 100_000 })).toBeNull();
  });
});

describe('planMonthly', () => {
  it('3 期 from a date: monthly on the same day, one channel, adding up', () => {
    const plan = planMonthly(OWED, { count: 3, firstDate: '2026-12-03', channel: '支付宝' });
    expect(plan).toEqual([
      { date: '2026-12-03', amountFen: 337_600, channel: '支付宝' },
      { date: '2027-01-03', amountFen: 337_600, channel: '支付宝' },
      { date: '2027-02-03', amountFen: 337_600, channel: '支付宝' },
    ]);
    expect(validatePlan(plan, OWED, rules)).toEqual([]);
  });

  it('a fixed amount each from a month end: the count follows, the last takes the rest', () => {
    const plan = planMonthly(OWED, { perInstalmentFen: 300_000, firstDate: '2026-12-31', channel: '转账' });
    expect(plan.map((p) => [p.date, p.amountFen])).toEqual([
      ['2026-12-31', 300_000],
      ['2027-01-31', 300_000],
      ['2027-02-28', 300_000],
      ['2027-03-31', 112_800],
    ]);
    expect(sum(plan)).toBe(OWED);
    expect(validatePlan(plan, OWED, { ...rules, today: '2026-12-20' })).toEqual([]);
    expect(validatePlan(plan, OWED, rules)).toEqual(['第 1 期：最远只能约到 2026-12-26（30 天内）']);
  });

  it('over a leap February', () => {
    const plan = planMonthly(90_001, { count: 3, firstDate: '2028-01-31', channel: '前台' });
    expect(plan.map((p) => [p.date, p.amountFen])).toEqual([
      ['2028-01-31', 30_001],
      ['2028-02-29', 30_000],
      ['2028-03-31', 30_000],
    ]);
    expect(validatePlan(plan, 90_001, { today: '2028-01-20', horizonDays: 30, owedFen: 100_000 })).toEqual([]);
  });
});

describe('planRemainder: a part payment already pinned, and the rest of what is owed', () => {
  const partial: PinnedPromise = { date: '2026-12-03', amountFen: 300_000, channel: '转账' };

  it('plans the rest in 期数 after the pinned promise', () => {
    const plan = planRemainder(OWED, partial, { count: 3, channel: '微信', firstDateOfRest: '2027-01-03' });
    expect(plan).toEqual([
      partial,
      { date: '2027-01-03', amountFen: 237_600, channel: '微信' },
      { date: '2027-02-03', amountFen: 237_600, channel: '微信' },
      { date: '2027-03-03', amountFen: 237_600, channel: '微信' },
    ]);
    expect(sum(plan)).toBe(OWED);
    expect(validatePlan(plan, OWED, rules)).toEqual([]);
    expect(callPromiseProblems(plan, rules)).toEqual([]);
  });

  it('plans an uneven rest: the remainder on the first instalment of the rest', () => {
    const owed = 1_012_850;
    const plan = planRemainder(owed, partial, { count: 3, channel: '微信', firstDateOfRest: '2026-12-31' });
    expect(plan.map((p) => [p.date, p.amountFen])).toEqual([
      ['2026-12-03', 300_000],
      ['2026-12-31', 237_618],
      ['2027-01-31', 237_616],
      ['2027-02-28', 237_616],
    ]);
    expect(sum(plan)).toBe(owed);
    expect(validatePlan(plan, owed, { ...rules, owedFen: owed })).toEqual([]);
  });

  it('plans the rest by a fixed amount each', () => {
    const plan = planRemainder(OWED, partial, { perInstalmentFen: 250_000, channel: '支付宝', firstDateOfRest: '2027-01-03' });
    expect(plan.map((p) => [p.date, p.amountFen, p.channel])).toEqual([
      ['2026-12-03', 300_000, '转账'],
      ['2027-01-03', 250_000, '支付宝'],
      ['2027-02-03', 250_000, '支付宝'],
      ['2027-03-03', 212_800, '支付宝'],
    ]);
    expect(sum(plan)).toBe(OWED);
  });

  it('refuses when the pinned promise leaves nothing to plan', () => {
    expect(() => planRemainder(300_000, partial, { count: 2, channel: '微信', firstDateOfRest: '2027-01-03' })).toThrow(RangeError);
  });

  it('a rest starting before the pinned date is out of order, on the right instalment', () => {
    const plan = planRemainder(OWED, partial, { count: 2, channel: '微信', firstDateOfRest: '2026-12-01' });
    expect(planProblems(plan, OWED, rules)).toEqual([
      { index: 1, kind: 'order', message: '第 2 期的日期要晚于第 1 期', detail: '日期要晚于第 1 期', errors: { date: '日期要晚于第 1 期' } },
    ]);
  });
});

describe('validatePlan / planProblems: the one rule for a plan', () => {
  const p = (date: string, amountFen: number): PinnedPromise => ({ date, amountFen, channel: '微信' });

  it.each<[string, PinnedPromise[], number, { index: number | null; kind: string; message: string }[]]>([
    ['a valid monthly plan', [p('2026-12-03', 500_000), p('2027-01-03', 512_800)], OWED, []],
    ['the first date on the last day of the horizon, the last within a year', [p('2026-12-26', 500_000), p(`2027-11-27`, 512_800)], OWED, []],
    ['a single instalment', [p('2026-12-03', 100_000)], 100_000, [{ index: null, kind: 'count', message: '分期至少要 2 期（只缴一次请直接约定日期）' }]],
    ['the first date past the horizon', [p('2026-12-27', 500_000), p('2027-01-27', 512_800)], OWED, [{ index: 0, kind: 'instalment', message: '第 1 期：最远只能约到 2026-12-26（30 天内）' }]],
    ['the first date in the past', [p('2026-11-25', 500_000), p('2026-12-25', 512_800)], OWED, [{ index: 0, kind: 'instalment', message: '第 1 期：日期不能早于今天' }]],
    ['a later date past the plan span', [p('2026-12-03', 500_000), p('2027-11-28', 512_800)], OWED, [{ index: 1, kind: 'instalment', message: `第 2 期：最远只能约到 2027-11-27（${PLAN_SPAN_DAYS} 天内）` }]],
    ['a zero instalment', [p('2026-12-03', OWED), p('2027-01-03', 0)], OWED, [{ index: 1, kind: 'instalment', message: '第 2 期：金额必须大于 0' }]],
    ['an instalment above what is owed', [p('2026-12-03', OWED + 1), p('2027-01-03', 1)], OWED + 2, [
      { index: 0, kind: 'instalment', message: '第 1 期：金额不能超过欠费 10,128.00 元' },
      { index: null, kind: 'overOwed', message: '约定总额 10,128.02 元，超过欠费 10,128.00 元' },
    ]],
    ['two on the same day', [p('2026-12-03', 500_000), p('2026-12-03', 512_800)], OWED, [{ index: 1, kind: 'order', message: '第 2 期的日期要晚于第 1 期' }]],
    ['dates going backwards', [p('2026-12-03', 300_000), p('2027-01-03', 300_000), p('2026-12-20', 412_800)], OWED, [{ index: 2, kind: 'order', message: '第 3 期的日期要晚于第 2 期' }]],
    ['a fen short of the total', [p('2026-12-03', 500_000), p('2027-01-03', 512_799)], OWED, [{ index: null, kind: 'sum', message: '各期合计 10,127.99 元，与约定总额 10,128.00 元不符' }]],
    ['a total above what is owed', [p('2026-12-03', 600_000), p('2027-01-03', 600_000)], 1_200_000, [{ index: null, kind: 'overOwed', message: '约定总额 12,000.00 元，超过欠费 10,128.00 元' }]],
  ])('%s', (_label, plan, total, expected) => {
    const problems = planProblems(plan, total, rules);
    expect(problems.map(({ index, kind, message }) => ({ index, kind, message }))).toEqual(expected);
    expect(validatePlan(plan, total, rules)).toEqual(expected.map((problem) => problem.message));
  });

  it('checks drafts: an amount not yet typed is said on its row and counts nothing', () => {
    const problems = planProblems([p('2026-12-03', 500_000), { date: '2027-01-03', amountFen: null, channel: '微信' }], OWED, rules);
    expect(problems.map((problem) => [problem.index, problem.detail])).toEqual([
      [1, '请填写金额'],
      [null, '各期合计 5,000.00 元，与约定总额 10,128.00 元不符'],
    ]);
  });

  it('the backend refuses the same plans', () => {
    expect(callPromiseProblems([p('2026-12-03', 600_000), p('2027-01-03', 600_000)], rules)).toEqual(['约定总额 12,000.00 元，超过欠费 10,128.00 元']);
  });
});

describe('planDifference', () => {
  it.each([
    [OWED, OWED, null],
    [OWED - 1_230, OWED, '还差 12.30 元'],
    [OWED + 500, OWED, '多了 5.00 元'],
    [0, OWED, '还差 10,128.00 元'],
  ])('%i against %i', (sumFen, totalFen, expected) => {
    expect(planDifference(sumFen, totalFen)).toBe(expected);
  });
});

// Dates are said by spokenDate (11月28日周六 or 11月28日（星期六）: its format is its own).
