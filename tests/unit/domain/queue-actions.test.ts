import { describe, expect, it } from 'vitest';
import { importCommitProblem } from '../../../domain/import/commit-rule';
import { periodLabel } from '../../../domain/ledger';
import { assignableStewards, assigneeOf, MAX_SNOOZE_DAYS, messageSettles, snoozeProblem } from '../../../domain/queue-actions';

describe('the queue policies the dialogs and the backend share', () => {
  it.each([
    ['2026-11-26', '今天', '暂缓到的日期要晚于今天'],
    ['2026-11-25', '昨天', '暂缓到的日期要晚于今天'],
    ['2026-11-27', '明天', null],
    ['2027-02-24', `第 ${MAX_SNOOZE_DAYS} 天`, null],
    ['2027-02-25', `第 ${MAX_SNOOZE_DAYS + 1} 天`, `最多暂缓 ${MAX_SNOOZE_DAYS} 天`],
  ])('a snooze until %s (%s) from 2026-11-26', (until, _label, problem) => {
    expect(snoozeProblem(until, '2026-11-26')).toBe(problem);
  });

  it('hands a household to me or the roster, each person once (by id and by name), and to nobody else', () => {
    const roster = [
      { id: 'steward-1', name: ' 李强' },
      { id: 'steward-2', name: '赵静' },
      { id: 'steward-3', name: '' },
      { id: 'steward-4', name: '王敏' },
      { id: 'steward-2', name: '赵静（重复）' },
    ];
    const assignable = assignableStewards(roster, { id: 'local', name: '王敏 ' });
    expect(assignable).toEqual([
      { id: 'local', name: '王敏' },
      { id: 'steward-1', name: '李强' },
      { id: 'steward-2', name: '赵静' },
    ]);
    expect(assigneeOf('steward-1', assignable)).toEqual({ id: 'steward-1', name: '李强' });
    expect(assigneeOf(null, assignable)).toBeNull();
    expect(assigneeOf('steward-4', assignable)).toEqual({ problem: expect.stringContaining('不在团队的管家名单里') });
    expect(assigneeOf('stranger', assignable)).toEqual({ problem: expect.stringContaining('不在团队的管家名单里') });
    expect(assignableStewards([], { id: 'local', name: '' })).toEqual([]);
  });

  it('a text message settles reminders, broken promises and the monthly round, nothing else', () => {
    expect(['promise-message', 'broken-promise', 'monthly-round'].every(messageSettles)).toBe(true);
    expect(['notice', 'callback', 'repair-revisit', 'ems-demand', ''].some(messageSettles)).toBe(false);
  });

  it.each([
    [{ missing: ['房号'], errorCount: 0, items: 3 }, false, '还缺少必需的列：房号'],
    [{ missing: [], errorCount: 2, items: 3 }, false, '有 2 行数据有错误'],
    [{ missing: [], errorCount: 2, items: 3 }, true, null],
    [{ missing: [], errorCount: 0, items: 0 }, false, '没有可导入的欠费明细'],
    [{ missing: [], errorCount: 0, items: 5 }, false, null],
  ])('an import of %o (skip errors: %s) may be committed unless: %s', (facts, skip, problem) => {
    const found = importCommitProblem(facts, skip);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('labels a period the same everywhere', () => {
    expect(periodLabel('2025-03-01', '2025-03-31')).toBe('2025-03');
    expect(periodLabel('2025-01-01', '2025-03-31')).toBe('2025-01 ~ 2025-03');
  });
});
