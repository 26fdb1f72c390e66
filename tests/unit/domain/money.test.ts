import { describe, expect, it } from 'vitest';
import { formatFen, formatYuan, parseMoney } from '../../../domain/money';

describe('parseMoney', () => {
  it.each([
    ['1,234.50', 123450],
    ['¥1234.5', 123450],
    ['￥1,234.5', 123450],
    ['1234.5元', 123450],
    ['RMB 12', 1200],
    [' 88 ', 8800],
    ['０.５', 50],
    ['.5', 50],
    ['12,345,678.9', 1234567890],
    ['223.425', 22343],
    ['223.424', 22342],
    ['(12.50)', -1250],
    ['-12.5', -1250],
    ['-', 0],
    ['—', 0],
    ['0', 0],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseMoney(text)).toEqual({ ok: true, fen });
  });

  it.each([
    [1234.5, 123450],
    [0.1 + 0.2, 30],
    [19.99, 1999],
    [223.425, 22343],
    [-5, -500],
  ])('reads the spreadsheet number %d as %i fen', (value, fen) => {
    expect(parseMoney(value)).toEqual({ ok: true, fen });
  });

  it.each(['', '   ', null, undefined])('treats an empty cell (%j) as no value', (value) => {
    expect(parseMoney(value)).toEqual({ ok: true, fen: null });
  });

  it.each(['abc', '12.3.4', '1,23', '12元5角', '一百', '12,34.5', '$$', '1e5', 'NaN'])('rejects %s with a reason that quotes it', (text) => {
    const result = parseMoney(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(text);
  });

  it('rejects non-finite numbers', () => {
    expect(parseMoney(Number.NaN).ok).toBe(false);
    expect(parseMoney(Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('writes fen as yuan with thousands separators', () => {
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-1250)).toBe('-12.50');
    expect(formatYuan(100000000)).toBe('¥1,000,000.00');
  });
});
