import { describe, expect, it } from 'vitest';
import { callbackProblem, callbackSummary, callbackTitle, callbackInHalfAnHour } from '../../../domain/callback';

const rules = { today: '2026-11-26', horizonDays: 30 };

describe('约好回电', () => {
  it.each([
    [{ date: '2026-11-26', time: null, owner: null }, null],
    [{ date: '2026-12-26', time: '19:30', owner: '王敏' }, null],
    [{ date: '2026-11-25', time: null, owner: null }, '回电日期不能早于今天'],
    [{ date: '2026-12-27', time: null, owner: null }, '回电最远只能约到 2026-12-26（30 天内）'],
    [{ date: '2026-11-27', time: '7:30', owner: null }, '回电时间格式应为 HH:mm'],
  ])('checks %o against today and the horizon', (callback, problem) => {
    expect(callbackProblem(callback, rules)).toBe(problem);
  });

  it('names the follow-up with the agreed time, and says who calls back', () => {
    expect(callbackTitle({ time: '19:30' })).toBe('约好回电 19:30');
    expect(callbackTitle({ time: null })).toBe('约好回电');
    expect(callbackSummary({ date: '2026-11-27', time: '19:30', owner: '王敏' })).toBe('11月27日周五 19:30，由 王敏 回电');
    expect(callbackSummary({ date: '2026-11-27', time: null, owner: null })).toBe('11月27日周五 不限时间，由团队（任何管家）回电');
  });
});

describe('callbackInHalfAnHour (发了账户，半小时后再联系)', () => {
  const windows = [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '20:00' },
  ];
  it.each([
    ['10:00', '2026-11-26', '10:30'],
    ['10:07', '2026-11-26', '11:00'],
    ['11:20', '2026-11-26', '14:00'],
    ['19:10', '2026-11-27', '09:00'],
  ])('at %s: %s %s', (time, date, slot) => {
    expect(callbackInHalfAnHour({ today: '2026-11-26', time }, windows, '王敏')).toEqual({ date, time: slot, owner: '王敏' });
  });
});
