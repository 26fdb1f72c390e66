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
    ['一三八一二三四一二三四', 'mobile', '13812341234'],
    ['幺三八幺二三四幺二三四', 'mobile', '13812341234'],
    ['壹叁捌 壹贰叁肆 壹贰叁肆', 'mobile', '13812341234'],
    ['一三八，一二三四，一二三四', 'mobile', '13812341234'],
    ['一三六、零八八二、五九四一', 'mobile', '13608825941'],
    ['138·1234·1234', 'mobile', '13812341234'],
    ['0086 138 1234 1234', 'mobile', '8613812341234'],
    ['一一〇一〇一一九九〇〇三〇七一二三四', 'id', '110101199003071234'],
    ['1101 0119 9003 0712 3Ｘ', 'id', '11010119900307123X'],
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
    ['a bank card in groups', '6222 0212 3456 7890 123'],
    ['counting', '一二三四五六七八九十'],
    ['an amount with a thousands comma', '1,380 元'],
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

  it('masks numbers written in numerals, and two numbers in one run', () => {
    expect(maskPersonalNumbers('业主说一三八一二三四一二三四')).toEqual({ text: '业主说138****1234', masked: 1 });
    expect(maskPersonalNumbers('13812341234，13912341234').masked).toBe(2);
  });

  it('returns text without numbers unchanged', () => {
    expect(maskPersonalNumbers('下周三缴 3,000 元')).toEqual({ text: '下周三缴 3,000 元', masked: 0 });
  });
});

