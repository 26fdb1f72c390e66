import { describe, expect, it } from 'vitest';
import {
  categoryOfTitle,
  complaintDeadlines,
  complaintDeadlineText,
  ownerDeadlineProblem,
  repairCompletionProblem,
  revisitDueAfterRepair,
  revisitRate,
  type RevisitFacts,
} from '../../../domain/grievance';

describe('repair revisits count from the repair’s completion', () => {
  it.each([
    ['安全设施', '2026-11-20', null, '2026-11-22'],
    ['电梯', '2026-11-20', null, '2026-11-22'],
    ['门窗', '2026-11-30', null, '2026-12-02'],
    ['漏水渗水', '2026-11-20', '2026-11-24', '2026-11-27'],
    ['漏水渗水', '2026-11-20', null, '2026-11-23'],
  ] as const)('%s done %s (leak test %s) → revisit by %s', (category, completedOn, leakTestOn, expected) => {
    expect(revisitDueAfterRepair(category, completedOn, leakTestOn)).toBe(expected);
  });

  it.each([
    [{ reportedOn: '2026-11-20', completedOn: '2026-11-27', leakTestOn: null, today: '2026-11-26' }, '维修完成日期不能晚于今天'],
    [{ reportedOn: '2026-11-20', completedOn: '2026-11-19', leakTestOn: null, today: '2026-11-26' }, '维修完成日期不能早于报修日 2026-11-20'],
    [{ reportedOn: '2026-11-20', completedOn: '2026-11-22', leakTestOn: '2026-11-21', today: '2026-11-26' }, '试漏日期不能早于维修完成日期'],
    [{ reportedOn: '2026-11-20', completedOn: '2026-11-22', leakTestOn: '2026-12-11', today: '2026-11-26' }, '试漏日期最多排在 14 天后'],
    [{ reportedOn: '2026-11-20', completedOn: '2026-11-22', leakTestOn: '2026-11-28', today: '2026-11-26' }, null],
  ])('completion %j → %s', (input, expected) => {
    expect(repairCompletionProblem(input)).toBe(expected);
  });

  it('reads the category of an older record from its title', () => {
    expect(categoryOfTitle('漏水渗水（主卧顶棚）')).toBe('漏水渗水');
    expect(categoryOfTitle('电梯')).toBe('电梯');
    expect(categoryOfTitle('别的什么')).toBe('其他');
  });

  it('tracks the revisit rate: on time within the 规程’s days of completion, late, missing; unfinished repairs are not due', () => {
    const repairs: RevisitFacts[] = [
      { category: '电梯', completedOn: '2026-11-02', leakTestOn: null, revisitedOn: '2026-11-04' },
      { category: '电梯', completedOn: '2026-11-02', leakTestOn: null, revisitedOn: '2026-11-05' },
      { category: '漏水渗水', completedOn: '2026-11-10', leakTestOn: '2026-11-12', revisitedOn: '2026-11-15' },
      { category: '门窗', completedOn: '2026-11-20', leakTestOn: null, revisitedOn: null },
      { category: '门窗', completedOn: null, leakTestOn: null, revisitedOn: null },
      { category: '门窗', completedOn: '2026-10-01', leakTestOn: null, revisitedOn: null },
    ];
    expect(revisitRate(repairs, '2026-11-01', '2026-11-30')).toEqual({ due: 4, onTime: 2, late: 1, missing: 1 });
  });
});

describe('complaints by severity', () => {
  it('重大: to the 管理处主任 the same day, answered in 2 days, resolved in 10', () => {
    expect(complaintDeadlines('重大', '2026-11-26T10:31:05+08:00')).toEqual({ escalateTo: '管理处主任', escalateBy: '2026-11-26T23:59:59+08:00', replyBy: '2026-11-28', resolveBy: '2026-12-06' });
  });

  it('服务失误: to the department head within the hour, handled in 3 days', () => {
    expect(complaintDeadlines('服务失误', '2026-11-26T23:40:00+08:00')).toEqual({ escalateTo: '部门主管', escalateBy: '2026-11-27T00:40:00+08:00', replyBy: '2026-11-29', resolveBy: '2026-11-29' });
  });

  it('轻微: in 2 days, or by the owner’s deadline when given', () => {
    expect(complaintDeadlines('轻微', '2026-11-26T10:00:00+08:00')).toMatchObject({ escalateTo: null, replyBy: '2026-11-28', resolveBy: '2026-11-28' });
    expect(complaintDeadlines('轻微', '2026-11-26T10:00:00+08:00', '2026-12-05')).toMatchObject({ replyBy: '2026-12-05', resolveBy: '2026-12-05' });
    expect(complaintDeadlineText('轻微', '2026-12-05')).toBe('按业主要求在 2026-12-05 前解决');
    expect(ownerDeadlineProblem('2026-11-25', '2026-11-26')).toBe('业主要求的期限不能早于今天');
    expect(ownerDeadlineProblem('2026-12-27', '2026-11-26')).toBe('业主要求的期限最多在 30 天内');
  });
});
