import { describe, expect, it } from 'vitest';
import { isIsoTimestamp, isRealIsoDate, monthsOf, parseDate, parseDayShorthand, parsePeriod } from '../../../domain/dates';

describe('parsePeriod', () => {
  it.each([
    ['2025-01', '2025-01-01', '2025-01-31'],
    ['2025/1', '2025-01-01', '2025-01-31'],
    ['2025年2月', '2025-02-01', '2025-02-28'],
    ['2024年2月', '2024-02-01', '2024-02-29'],
    ['202512', '2025-12-01', '2025-12-31'],
    ['2025-01~2025-03', '2025-01-01', '2025-03-31'],
    ['2025-01-01至2025-03-31', '2025-01-01', '2025-03-31'],
    ['2025.01.01-2025.03.31', '2025-01-01', '2025-03-31'],
    ['2025/1/1--2025/3/31', '2025-01-01', '2025-03-31'],
    ['2025年1月-2025年6月', '2025-01-01', '2025-06-30'],
    ['2025-01-01 - 2025-12-31', '2025-01-01', '2025-12-31'],
  ])('%s is %s … %s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: { start, end } });
  });

  it('reads spreadsheet dates and serials as their month', () => {
    expect(parsePeriod(new Date(Date.UTC(2025, 0, 15)))).toEqual({ ok: true, value: { start: '2025-01-01', end: '2025-01-31' } });
    expect(parsePeriod(45672)).toEqual({ ok: true, value: { start: '2025-01-01', end: '2025-01-31' } });
  });

  it.each(['abc', '2025-13', '2025-02-30', '2025-03~2025-01'])('rejects %s', (text) => {
    expect(parsePeriod(text).ok).toBe(false);
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ start: '2024-11-01', end: '2025-02-28' })).toHaveLength(4);
  });
});

describe('parseDate', () => {
  it.each(['2025-01-05', '2025/1/5', '2025.1.5', '2025年1月5日', '20250105', '2025-01-05 10:00:00'])('%s is 2025-01-05', (text) => {
    expect(parseDate(text)).toEqual({ ok: true, value: '2025-01-05' });
  });

  it('rejects day-first and impossible dates', () => {
    expect(parseDate('2/3/2025').ok).toBe(false);
    expect(parseDate('2025-02-29').ok).toBe(false);
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });
});

describe('isRealIsoDate and isIsoTimestamp', () => {
  it.each(['2026-11-28', '2024-02-29', '1990-01-01', '2100-12-31'])('accepts the real day %s', (text) => expect(isRealIsoDate(text)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '0000-00-00', '2026-13-01', '2026-11-31', '1989-12-31', '2101-01-01', '2026-1-5', ' 2026-11-28'])('refuses %j', (text) =>
    expect(isRealIsoDate(text)).toBe(false),
  );
  it.each(['2026-11-26T10:00:00+08:00', '2026-11-26T02:00:00Z', '2026-11-26T10:00+08:00', '2026-11-26T10:00:00.123+08:00'])('accepts the timestamp %s', (text) =>
    expect(isIsoTimestamp(text)).toBe(true),
  );
  it.each(['not a time', '2026-11-26', '2026-02-30T10:00:00+08:00', '2026-11-26T24:00:00+08:00', '2026-11-26T10:00:00'])('refuses the timestamp %j', (text) =>
    expect(isIsoTimestamp(text)).toBe(false),
  );
});

describe('parseDayShorthand (a day typed during a call)', () => {
  const today = '2026-11-26';
  it.each([
    ['5', '2026-12-05'],
    ['26', '2026-11-26'],
    ['28号', '2026-11-28'],
    ['31', '2026-12-31'],
    ['30日', '2026-11-30'],
    ['12-5', '2026-12-05'],
    ['12/5', '2026-12-05'],
    ['1.3', '2027-01-03'],
    ['12月5', '2026-12-05'],
    ['11-25', '2027-11-25'],
    ['+3', '2026-11-29'],
    ['+0', '2026-11-26'],
    ['2026-12-05', '2026-12-05'],
    [' 7 ', '2026-12-07'],
  ])('%j → %s', (text, expected) => expect(parseDayShorthand(text, today)).toBe(expected));
  it.each(['', '0', '32', '2-30', 'abc', '下周五', '2026-02-30', '+x'])('refuses %j', (text) => expect(parseDayShorthand(text, today)).toBeNull());
  it('skips a month without the day: on 1/31, 31 is 1/31; on 2/1 it is 3/31', () => {
    expect(parseDayShorthand('31', '2026-01-31')).toBe('2026-01-31');
    expect(parseDayShorthand('31', '2026-02-01')).toBe('2026-03-31');
  });
});
