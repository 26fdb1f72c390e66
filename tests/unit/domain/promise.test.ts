import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates';
import { complaintReplyDate, repairRevisitDate } from '../../../domain/grievance';
import { callPromiseProblems, validatePlan, validatePromise } from '../../../domain/promise';

const rules = { today: '2026-11-26', horizonDays: 30, owedFen: 261_900 };

describe('validatePromise (断其后路)', () => {
  it('accepts an exact date, amount and channel', () => {
    expect(validatePromise({ date: '2026-11-28', amountFen: 50_000, channel: '微信' }, rules)).toEqual({ ok: true, promise: { date: '2026-11-28', amountFen: 50_000, channel: '微信' } });
  });

  it.each([
    [{ date: null, amountFen: 50_000, channel: '微信' as const }, 'date', '请约定具体的缴费日期（“过两天”不算数）'],
    [{ date: '2026-11-25', amountFen: 50_000, channel: '微信' as const }, 'date', '日期不能早于今天'],
    [{ date: '2026-12-27', amountFen: 50_000, channel: '微信' as const }, 'date', '最远只能约到 2026-12-26（30 天内）'],
    [{ date: '2026-11-28', amountFen: 0, channel: '微信' as const }, 'amountFen', '金额必须大于 0'],
    [{ date: '2026-11-28', amountFen: null, channel: '微信' as const }, 'amountFen', '请填写金额'],
    [{ date: '2026-11-28', amountFen: 300_000, channel: '微信' as const }, 'amountFen', '金额不能超过欠费 2,619.00 元'],
    [{ date: '2026-11-28', amountFen: 50_000, channel: null }, 'channel', '请选择缴费方式'],
  ])('refuses %j with a Chinese message', (draft, field, message) => {
    const result = validatePromise(draft, rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toBe(message);
  });

  it('allows today and the last day of the horizon', () => {
    expect(validatePromise({ date: '2026-11-26', amountFen: 1, channel: '前台' }, rules).ok).toBe(true);
    expect(validatePromise({ date: '2026-12-26', amountFen: 1, channel: '前台' }, rules).ok).toBe(true);
  });
});

describe('validatePlan', () => {
  it('reports a plan that does not add up or goes backwards', () => {
    const plan = [
      { date: '2026-11-28', amountFen: 45_000, channel: '微信' as const },
      { date: '2026-12-12', amountFen: 45_000, channel: '微信' as const },
    ];
    expect(validatePlan(plan, 100_000, rules)).toEqual(['各期合计 900.00 元，与约定总额 1,000.00 元不符']);
    expect(validatePlan([plan[1]!, plan[0]!], 90_000, rules)).toContain('第 2 期的日期要晚于第 1 期');
  });
});

describe('grievance deadlines', () => {
  it('follow the repair SLA: leaks 3 days after the leak test, everything else 2 days', () => {
    expect(repairRevisitDate({ category: '安全设施' }, '2026-11-26')).toBe('2026-11-28');
    expect(repairRevisitDate({ category: '漏水渗水', leakTestDate: '2026-11-30' }, '2026-11-26')).toBe('2026-12-03');
    expect(repairRevisitDate({ category: '漏水渗水' }, '2026-11-26')).toBe('2026-11-29');
    expect(repairRevisitDate({ category: '电梯' }, '2026-12-31')).toBe('2027-01-02');
  });

  it('give complaints a reply date by severity', () => {
    expect(complaintReplyDate('重大', '2026-11-26')).toBe('2026-11-28');
    expect(complaintReplyDate('服务失误', '2026-11-26')).toBe('2026-11-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('callPromiseProblems (what calls.save checks)', () => {
  const p = (date: string, amountFen: number) => ({ date, amountFen, channel: '微信' as const });
  it('accepts no promise, one valid promise, and a plan in order within what is owed', () => {
    expect(callPromiseProblems([], rules)).toEqual([]);
    expect(callPromiseProblems([p('2026-11-28', 1000)], rules)).toEqual([]);
    expect(callPromiseProblems([p('2026-12-03', 100_000), p('2027-01-02', 100_000), p('2027-02-01', 61_900)], rules)).toEqual([]);
  });
  it.each([
    ['a date in the past', [p('2026-11-25', 100)]],
    ['a date beyond the horizon', [p('2026-12-27', 100)]],
    ['2099', [p('2099-01-01', 100)]],
    ['more than owed', [p('2026-11-28', 261_901)]],
    ['a plan totalling more than owed', [p('2026-11-28', 261_900), p('2026-12-28', 1)]],
    ['a plan out of order', [p('2026-12-20', 100), p('2026-12-01', 100)]],
    ['a plan past a year', [p('2026-11-28', 100), p('2027-12-01', 100)]],
  ])('refuses %s', (_label, promises) => {
    expect(callPromiseProblems(promises, rules).length).toBeGreaterThan(0);
  });
});
