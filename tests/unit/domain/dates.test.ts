import { describe, expect, it } from 'vitest';
import { monthsOf, parseDate, parsePeriod } from '../../../domain/dates';

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
