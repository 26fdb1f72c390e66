import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../domain/import/header-row';
import { mapRows } from '../../../domain/import/rows';

const HEADER = ['小区', '房号', '业主', '电话', '收费项目', '所属期间', '应收', '实收', '欠费', '滞纳金', '缴费限期', '房屋类型'];

function map(rows: unknown[][], header = HEADER) {
  const all = [header, ...rows];
  return mapRows(all, findHeader(all)!, { defaultCommunity: '默认小区' });
}

describe('mapRows', () => {
  it('reads a good row exactly, to the fen', () => {
    const { records, errors } = map([['观山水', '8栋2单元1203室', '张三', '13800001234', '物业费', '2025年3月', '1,234.50', '234.5', '1000.00', '¥12.30', '2025-04-15', '住宅']]);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        row: 2,
        community: '观山水',
        ownerName: '张三',
        phones: ['13800001234'],
        feeType: '物业费',
        period: { start: '2025-03-01', end: '2025-03-31' },
        dueFen: 123450,
        paidFen: 23450,
        lateFeeFen: 1230,
        dueDate: '2025-04-15',
        kind: '住宅',
      }),
    ]);
    expect(records[0]!.room.key).toBe('8-2-1203');
  });

  it('derives the missing one of 应收, 实收, 欠费', () => {
    const { records } = map([
      ['a', '1-1-101', '甲', '', '物业费', '2025-01', '100', '', '', '', '', ''],
      ['a', '1-1-102', '乙', '', '物业费', '2025-01', '', '30', '70', '', '', ''],
      ['a', '1-1-103', '丙', '', '物业费', '2025-01', '100', '', '60', '', '', ''],
    ]);
    expect(records.map((r) => [r.dueFen, r.paidFen])).toEqual([
      [10000, 0],
      [10000, 3000],
      [10000, 4000],
    ]);
  });

  it('skips blank rows, 合计/小计 rows and repeated headers, and counts them', () => {
    const result = map([
      ['a', '1-1-101', '甲', '', '物业费', '2025-01', '100', '0', '100', '', '', ''],
      [],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['小计', '', '', '', '', '', '100', '0', '100', '', '', ''],
      HEADER,
      ['a', '1-1-102', '乙', '', '物业费', '2025-01', '100', '0', '100', '', '', ''],
      ['合计', '', '', '', '', '', '200', '0', '200', '', '', ''],
    ]);
    expect(result.records).toHaveLength(2);
    expect(result.skipped).toEqual({ blank: 2, totals: 2, repeatedHeaders: 1 });
    expect(result.errors).toEqual([]);
  });

  it('reports each bad cell with its row, its column as written, and why', () => {
    const { records, errors } = map([
      ['a', '', '甲', '', '物业费', '2025-01', '100', '0', '100', '', '', ''],
      ['a', '1-1-102', '乙', '', '物业费', '2025-01', 'abc', '0', '100', '', '', ''],
      ['a', '1-1-103', '丙', '', '物业费', '上个月', '100', '0', '100', '', '', ''],
      ['a', '1-1-104', '丁', '', '物业费', '2025-01', '100', '10', '100', '', '', ''],
      ['a', '1-1-105', '戊', '', '物业费', '2025-01', '-5', '0', '', '', '', ''],
      ['a', '1-1-106', '己', '', '物业费', '2025-01', '100', '200', '', '', '', ''],
      ['a', '1-1-107', '庚', '', '', '2025-01', '100', '0', '100', '', '', ''],
      ['a', '1-1-108', '辛', '', '物业费', '2025-01', '', '', '', '', '', ''],
      ['a', '1-1-109', '壬', '', '物业费', '2025-01', '100', '0', '100', '', '明天', ''],
    ]);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '房号', reason: '房号为空' },
      { row: 3, column: '应收', reason: '无法识别的金额「abc」' },
      { row: 4, column: '所属期间', reason: '无法识别的期间「上个月」' },
      { row: 5, column: '欠费', reason: '应收 100 − 实收 10 不等于欠费 100' },
      { row: 6, column: '应收', reason: '金额不能为负数「-5」' },
      { row: 7, column: '实收', reason: '实收大于应收' },
      { row: 8, column: '收费项目', reason: '收费项目为空' },
      { row: 9, column: '应收', reason: '应收和欠费都为空' },
      { row: 10, column: '缴费限期', reason: '无法识别的日期「明天」' },
    ]);
  });

  it('reports the row numbers the sheet gives, after a gap and in a slice', () => {
    // An XLSX sheet has no entry for rows without cells: these are rows 1, 2 and 40 of the file.
    const all = [HEADER, ['a', '1-1-101', '甲', '', '物业费', '2025-01', '100', '0', '100', '', '', ''], ['a', '1-1-102', '乙', '', '物业费', '2025-01', 'abc', '0', '100', '', '', '']];
    const rowNumbers = [1, 2, 40];
    const header = findHeader(all, rowNumbers)!;
    const whole = mapRows(all, header, { defaultCommunity: '默认小区', rowNumbers });
    expect(whole.records.map((record) => record.row)).toEqual([2]);
    expect(whole.errors).toEqual([{ row: 40, column: '应收', reason: '无法识别的金额「abc」' }]);
    const slice = mapRows(all, header, { defaultCommunity: '默认小区', rowNumbers }, header.mapping, { from: 2, to: 3 });
    expect(slice.errors.map((error) => error.row)).toEqual([40]);
    // A missing row is not a blank row of the file.
    expect(whole.skipped.blank).toBe(0);
  });

  it('uses the community in front of the room, else the default, and says so', () => {
    const result = map(
      [
        ['观山水 8-2-1203', '100', '2025-01'],
        ['8-2-1204', '100', '2025-01'],
      ],
      ['房号', '欠费', '所属期间'],
    );
    expect(result.records.map((r) => r.community)).toEqual(['观山水', '默认小区']);
    expect(result.records.map((r) => r.feeType)).toEqual(['物业费', '物业费']);
    expect(result.notes.join()).toContain('收费项目');
  });

  it('joins separate building, unit and room columns', () => {
    const result = map([['8', '2', '1203', '100', '2025-01']], ['楼栋', '单元', '房号', '欠费', '所属期间']);
    expect(result.records[0]!.room.key).toBe('8-2-1203');
  });

  it('reads building and unit cells written with their words as the one-column forms', () => {
    const result = map(
      [
        ['7栋', '3单元', '1504', '100', '2025-01'],
        ['7幢', '03', '1504室', '100', '2025-02'],
        ['7号楼', '3', '1504', '100', '2025-03'],
        ['07', '3单元', '1504', '100', '2025-04'],
        ['A座', '', '1203', '100', '2025-01'],
        ['', '', '商铺C-21', '100', '2025-01'],
      ],
      ['楼栋', '单元', '房号', '欠费', '所属期间'],
    );
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.room.key, r.room.label, r.room.building, r.room.unit])).toEqual([
      ['7-3-1504', '7栋3单元1504', '7', '3'],
      ['7-3-1504', '7栋3单元1504', '7', '3'],
      ['7-3-1504', '7栋3单元1504', '7', '3'],
      ['7-3-1504', '7栋3单元1504', '7', '3'],
      ['A-1203', 'A栋1203', 'A', ''],
      ['商铺C-21', '商铺C-21', '', ''],
    ]);
    expect(result.records.map((r) => r.kind)).toEqual([null, null, null, null, null, '商铺']);
  });

  it('marks shops and custody', () => {
    const result = map(
      [
        ['商铺A-12', '100', '2025-01', '商业', '否'],
        ['8-2-1203', '70', '2025-01', '住宅', '是'],
      ],
      ['房号', '欠费', '所属期间', '业态', '是否托管'],
    );
    expect(result.records.map((r) => [r.kind, r.custody])).toEqual([
      ['商铺', false],
      ['住宅', true],
    ]);
  });
});
