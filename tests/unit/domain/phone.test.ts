import { describe, expect, it } from 'vitest';
import { maskPhone, parsePhones } from '../../../domain/phone';

describe('phones', () => {
  it('splits a cell holding several numbers and drops duplicates and +86', () => {
    expect(parsePhones('13800001234/13900005678；0571-88886666、13800001234')).toEqual(['13800001234', '13900005678', '057188886666']);
    expect(parsePhones('+86 138 0000 1234')).toEqual(['13800001234']);
    expect(parsePhones('')).toEqual([]);
    expect(parsePhones('无')).toEqual([]);
  });

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone('057188886666')).toBe('057*****6666');
    expect(maskPhone('8888666')).toBe('***8666');
  });
});
