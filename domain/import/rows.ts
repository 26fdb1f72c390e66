/**
 * Turns a sheet's data rows into ledger records, with an error per bad cell (row, column, reason).
 * Skips blank rows, 合计/小计 rows and repeated header rows. Pure.
 */
import { parseDate, parsePeriod, type IsoDate, type Period } from '../dates';
import type { HouseholdKind } from '../ledger';
import { parseMoney, type Fen } from '../money';
import { parsePhones } from '../phone';
import { parseRoom, parseRoomParts, type RoomAddress } from '../room';
import { cleanCell } from '../text';
import { fieldById, type ColumnMapping, type ImportFieldId } from './fields';
import { rowNumberAt, type HeaderInfo } from './header-row';

export interface ImportRecord {
  /** 1-based row number as the user sees it in the file. */
  row: number;
  community: string;
  room: RoomAddress;
  ownerName: string;
  phones: string[];
  payer: string;
  feeType: string;
  period: Period;
  dueFen: Fen;
  paidFen: Fen;
  lateFeeFen: Fen;
  dueDate: IsoDate | null;
  kind: HouseholdKind | null;
  occupied: boolean | null;
  custody: boolean | null;
}

export interface RowError {
  row: number;
  /** The column's header as written in the file, or the field's name. */
  column: string;
  reason: string;
}

export interface MappedRows {
  records: ImportRecord[];
  errors: RowError[];
  skipped: { blank: number; totals: number; repeatedHeaders: number };
  /** Assumptions the user should see (e.g. no fee-type column: everything is 物业费). */
  notes: string[];
}

export interface MapOptions {
  /** Used when neither a community column nor a prefix in the room names one. */
  defaultCommunity: string;
  /**
   * The row number, as the user sees it in the file, of each of the rows (same length), for records and
   * errors; without it, index + 1. A spreadsheet's rows can skip numbers.
   */
  rowNumbers?: readonly number[];
}

export const DEFAULT_FEE_TYPE = '物业费';

const TOTAL_ROW = /^(合计|小计|总计|本页合计|本页小计|累计|总合计)/;
const YES = /^(是|y|yes|true|1|托管|已托管)$/i;
const NO = /^(否|n|no|false|0|未托管|非托管)$/i;

function kindOf(text: string): HouseholdKind | null {
  if (!text) return null;
  if (/(商铺|商业|门面|底商|铺面|商用)/.test(text)) return '商铺';
  if (/(住宅|住房|公寓|别墅|洋房|高层|多层|住)/.test(text)) return '住宅';
  return null;
}

function occupiedOf(text: string): boolean | null {
  if (/(未入住|空置|未交付|未收房|否)/.test(text)) return false;
  if (/(已入住|入住|自住|出租|是)/.test(text)) return true;
  return null;
}

/** A parser that remembers its answers (spreadsheet Date cells are objects and are not remembered). */
function memo<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const cache = new Map<unknown, T>();
  return (value) => {
    if (typeof value === 'object' && value !== null) return parse(value);
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const parsed = parse(value);
    cache.set(value, parsed);
    return parsed;
  };
}

function isTotalRow(cells: readonly unknown[]): boolean {
  return cells.slice(0, 4).some((cell) => TOTAL_ROW.test(cleanCell(cell)));
}

function isRepeatedHeader(cells: readonly unknown[], header: HeaderInfo, columns: readonly number[]): boolean {
  const same = columns.filter((column) => cleanCell(cells[column]) !== '' && cleanCell(cells[column]) === header.headers[column]);
  return same.length >= Math.max(2, Math.ceil(columns.length / 2));
}

/**
 * Maps the data rows after the header. `range` limits the work to rows [from, to) so a caller can
 * process a large sheet in slices and stay responsive.
 */
export function mapRows(
  rows: readonly (readonly unknown[])[],
  header: HeaderInfo,
  options: MapOptions,
  mapping: ColumnMapping = header.mapping,
  range: { from?: number; to?: number } = {},
): MappedRows {
  const result: MappedRows = { records: [], errors: [], skipped: { blank: 0, totals: 0, repeatedHeaders: 0 }, notes: [] };
  if (mapping.feeType === undefined) result.notes.push(`文件中没有“收费项目”列，全部按「${DEFAULT_FEE_TYPE}」导入。`);
  if (mapping.community === undefined) result.notes.push(`文件中没有“小区”列，房号前也未写小区的，归入「${options.defaultCommunity}」。`);

  const columnName = (field: ImportFieldId): string => {
    const column = mapping[field];
    return (column !== undefined && header.headers[column]) || fieldById.get(field)!.label;
  };

  // Exports repeat the same rooms, amounts, periods and phones row after row: parse each text once.
  const roomOf = memo(parseRoom);
  const moneyOf = memo(parseMoney);
  const periodOf = memo(parsePeriod);
  const dateOf = memo(parseDate);
  const phonesOf = memo(parsePhones);

  const headerColumns = Object.values(header.mapping) as number[];
  const first = Math.max(header.lastHeaderRow + 1, range.from ?? 0);
  const last = Math.min(rows.length, range.to ?? rows.length);
  for (let index = first; index < last; index += 1) {
    const cells = rows[index]!;
    const rowNumber = rowNumberAt(options.rowNumbers, index);
    if (cells.every((cell) => cleanCell(cell) === '')) {
      result.skipped.blank += 1;
      continue;
    }
    if (isTotalRow(cells)) {
      result.skipped.totals += 1;
      continue;
    }
    if (isRepeatedHeader(cells, header, headerColumns)) {
      result.skipped.repeatedHeaders += 1;
      continue;
    }
    const errorsBefore = result.errors.length;
    const fail = (field: ImportFieldId, reason: string) => result.errors.push({ row: rowNumber, column: columnName(field), reason });
    const raw = (field: ImportFieldId): unknown => (mapping[field] === undefined ? undefined : cells[mapping[field]!]);
    const texts: Partial<Record<ImportFieldId, string>> = {};
    const text = (field: ImportFieldId): string => (texts[field] ??= cleanCell(raw(field)));

    // Room: one column, or building + unit + room columns.
    const room = mapping.building === undefined ? roomOf(text('room')) : parseRoomParts({ building: text('building'), unit: text('unit'), room: text('room') }, roomOf);
    if (!room) fail('room', '房号为空');
    const community = text('community') || room?.community || options.defaultCommunity;

    const money = (field: ImportFieldId): Fen | null => {
      const parsed = moneyOf(raw(field));
      if (!parsed.ok) {
        fail(field, parsed.reason);
        return null;
      }
      if (parsed.fen !== null && parsed.fen < 0) {
        fail(field, `金额不能为负数「${text(field)}」`);
        return null;
      }
      return parsed.fen;
    };
    const due = money('due');
    const paid = money('paid');
    const owed = money('owed');
    const lateFee = money('lateFee');

    let period: Period | null = null;
    if (mapping.period !== undefined) {
      const parsed = periodOf(raw('period'));
      if (!parsed.ok) fail('period', parsed.reason);
      else if (!parsed.value) fail('period', '所属期间为空');
      else period = parsed.value;
    } else {
      const start = dateOf(raw('periodStart'));
      const end = dateOf(raw('periodEnd'));
      if (!start.ok) fail('periodStart', start.reason);
      if (!end.ok) fail('periodEnd', end.reason);
      if (start.ok && end.ok) {
        if (!start.value || !end.value) fail(start.value ? 'periodEnd' : 'periodStart', '计费起止日期为空');
        else if (start.value > end.value) fail('periodStart', '计费开始晚于计费结束');
        else period = { start: start.value, end: end.value };
      }
    }

    const dueDate = dateOf(raw('dueDate'));
    if (!dueDate.ok) fail('dueDate', dueDate.reason);

    const feeType = mapping.feeType === undefined ? DEFAULT_FEE_TYPE : text('feeType');
    if (!feeType) fail('feeType', '收费项目为空');

    if (result.errors.length > errorsBefore) continue;

    // Amounts: any two of 应收, 实收, 欠费 determine the third; all three must agree.
    let dueFen: Fen;
    let paidFen: Fen;
    if (due !== null) {
      dueFen = due;
      paidFen = paid ?? (owed !== null ? due - owed : 0);
      if (owed !== null && due - paidFen !== owed) {
        fail('owed', `应收 ${text('due')} − 实收 ${text('paid') || '0'} 不等于欠费 ${text('owed')}`);
        continue;
      }
    } else if (owed !== null) {
      paidFen = paid ?? 0;
      dueFen = owed + paidFen;
    } else {
      fail(mapping.due !== undefined ? 'due' : 'owed', '应收和欠费都为空');
      continue;
    }
    if (paidFen > dueFen || paidFen < 0) {
      fail('paid', '实收大于应收');
      continue;
    }

    const kindText = text('kind');
    const custodyText = text('custody');
    result.records.push({
      row: rowNumber,
      community,
      room: room!,
      ownerName: text('ownerName'),
      phones: phonesOf(raw('phone')),
      payer: text('payer'),
      feeType,
      period: period!,
      dueFen,
      paidFen,
      lateFeeFen: lateFee ?? 0,
      dueDate: dueDate.ok ? dueDate.value : null,
      kind: kindOf(kindText) ?? (room && !room.structured && /^(商铺|商业|底商|门面|铺面)/.test(room.key) ? '商铺' : null),
      occupied: occupiedOf(text('occupied')),
      custody: YES.test(custodyText) ? true : NO.test(custodyText) ? false : null,
    });
  }
  return result;
}
