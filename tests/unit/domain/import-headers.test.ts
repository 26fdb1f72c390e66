import { describe, expect, it } from 'vitest';
import { missingRequired, normalizeHeader, recognizeHeaders } from '../../../domain/import/fields';
import { findHeader } from '../../../domain/import/header-row';

describe('header recognition', () => {
  it('normalises units, punctuation and stars away', () => {
    expect(normalizeHeader(' 应收金额（元） ')).toBe('应收金额');
    expect(normalizeHeader('*房号:')).toBe('房号');
    expect(normalizeHeader('滞纳金(元)')).toBe('滞纳金');
  });

  it.each([
    [['房号', '业主', '电话', '收费项目', '所属期间', '应收', '实收', '欠费', '滞纳金']],
    [['房屋编号', '客户名称', '联系方式', '费用名称', '账期', '应收金额', '实收金额', '欠费金额', '违约金']],
    [['资源名称', '缴费人', '手机', '费项', '计费起止', '应缴', '已缴', '欠缴', '滞纳金额（元）']],
  ])('recognises one billing system’s names: %j', (headers) => {
    expect(recognizeHeaders(headers)).toEqual({ room: 0, ownerName: 1, phone: 2, feeType: 3, period: 4, due: 5, paid: 6, owed: 7, lateFee: 8 });
  });

  it('does not take counts, dates or rates for amounts', () => {
    const mapping = recognizeHeaders(['房号', '欠费月数', '欠费金额', '滞纳金率', '滞纳金', '缴费日期']);
    expect(mapping.owed).toBe(2);
    expect(mapping.lateFee).toBe(4);
    expect(Object.values(mapping)).not.toContain(1);
  });

  it('tells a phone column from an owner column', () => {
    expect(recognizeHeaders(['业主姓名', '业主电话', '房号'])).toMatchObject({ ownerName: 0, phone: 1, room: 2 });
  });

  it('reads split period columns', () => {
    expect(recognizeHeaders(['房号', '计费开始', '计费结束', '应收'])).toMatchObject({ periodStart: 1, periodEnd: 2, due: 3 });
  });

  it('says which required columns are missing', () => {
    expect(missingRequired({ ownerName: 0 })).toEqual(['房号', '应收或欠费金额', '所属期间（或计费开始和结束）']);
    expect(missingRequired({ room: 0, owed: 1, period: 2 })).toEqual([]);
  });
});

describe('findHeader', () => {
  it('skips title and blank rows above the header', () => {
    const rows = [
      ['观山水小区 2025年欠费明细表'],
      ['导出时间：2025-12-01', '', '', ''],
      [],
      ['房号', '业主', '所属期间', '欠费金额'],
      ['8-2-1203', '张三', '2025-01', '120.00'],
    ];
    expect(findHeader(rows)).toMatchObject({ lastHeaderRow: 3, headerRows: 1, mapping: { room: 0, ownerName: 1, period: 2, owed: 3 } });
  });

  it('combines a two-row header under a merged group cell', () => {
    const rows = [
      ['房号', '业主', '所属期间', '金额', '金额', '金额'],
      ['', '', '', '应收', '实收', '欠费'],
      ['8-2-1203', '张三', '2025-01', '120', '0', '120'],
    ];
    const header = findHeader(rows);
    expect(header).toMatchObject({ lastHeaderRow: 1, headerRows: 2, mapping: { room: 0, ownerName: 1, period: 2, due: 3, paid: 4, owed: 5 } });
  });

  it('reads the same header when the vertical merges were filled in by the reader', () => {
    const rows = [
      ['房号', '业主', '所属期间', '金额', '金额', '金额'],
      ['房号', '业主', '所属期间', '应收', '实收', '欠费'],
      ['8-2-1203', '张三', '2025-01', '120', '0', '120'],
    ];
    expect(findHeader(rows)).toMatchObject({ lastHeaderRow: 1, mapping: { room: 0, ownerName: 1, period: 2, due: 3, paid: 4, owed: 5 } });
  });

  it('takes two rows as one header only when they are adjacent in the sheet', () => {
    const rows = [
      ['房号', '业主', '所属期间', '金额', '金额', '金额'],
      ['', '', '', '应收', '实收', '欠费'],
      ['8-2-1203', '张三', '2025-01', '120', '0', '120'],
    ];
    expect(findHeader(rows, [4, 5, 6])).toMatchObject({ lastHeaderRow: 1, headerRows: 2 });
    // Rows 2–4 have no entry (an XLSX sheet skips rows without cells): row 5 is not the lower half of
    // row 1, and row 1 alone (金额 is no amount column) is no header.
    expect(findHeader(rows, [1, 5, 6])).toBeNull();
  });

  it('looks for the header in the first 30 rows of the sheet by row number, not by entry', () => {
    const rows = [['观山水小区欠费明细表'], ['房号', '业主', '所属期间', '欠费金额'], ['8-2-1203', '张三', '2025-01', '120.00']];
    expect(findHeader(rows, [1, 30, 31])).toMatchObject({ lastHeaderRow: 1 });
    expect(findHeader(rows, [1, 31, 32])).toBeNull();
  });

  it('returns null when no row looks like a ledger header', () => {
    expect(findHeader([['姓名', '年龄'], ['张三', '30']])).toBeNull();
    expect(findHeader([])).toBeNull();
  });
});
