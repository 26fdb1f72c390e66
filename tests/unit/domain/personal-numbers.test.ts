import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, maskPersonalNumbers } from '../../../domain/personal-numbers';

describe('findPersonalNumbers', () => {
  it.each([
    ['13812341234', 'mobile', '13812341234'],
    ['138 1234 1234', 'mobile', '13812341234'],
    ['138-1234-1234', 'mobile', '13812341234'],
    ['138.1234.1234', 'mobile', '13812341234'],
    ['１３８１２３４１２３４', 'mobile', '13812341234'],
    ['+86 138 1234 1234', 'mobile', '8613812341234'],
    ['0571-88881234', 'landline', '057188881234'],
    ['110101199003071234', 'id', '110101199003071234'],
    ['11010119900307123x', 'id', '11010119900307123X'],
    ['110101900307123', 'id', '110101900307123'],
  ])('finds %s', (text, kind, digits) => {
    expect(findPersonalNumbers(`业主说：${text}。`)).toEqual([{ kind, digits, start: 4, end: 4 + text.length }]);
  });

  it.each([
    ['an amount', '欠费 3,000.00 元'],
    ['a large amount', '合计 1380012.34 元'],
    ['a date and time', '2026-11-28 10:00'],
    ['a room', '观山水 8-2-1203'],
    ['a bank card', '6222021234567890'],
    ['a number inside a longer run', '订单号 A13812341234B'],
    ['18 digits without a real birth date', '110101199013401234'],
  ])('leaves %s alone', (_label, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });
});

describe('maskPersonalNumbers', () => {
  it('masks each number where it stands and counts them', () => {
    expect(maskPersonalNumbers('手机 138 1234 1234，座机 0571-88881234，证件 110101199003071234')).toEqual({
      text: '手机 138****1234，座机 057*****1234，证件 **************1234',
      masked: 3,
    });
  });

  it('returns text without numbers unchanged', () => {
    expect(maskPersonalNumbers('下周三缴 3,000 元')).toEqual({ text: '下周三缴 3,000 元', masked: 0 });
  });
});
