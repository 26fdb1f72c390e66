/**
 * `export arrears`: every unpaid item as a spreadsheet row, safe to open in Excel. The rows hold the text as it is;
 * the CSV writer neutralises formula-like cells, the XLSX writer stores every cell as a string.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { writeFileSync } from 'node:fs';
import { owedOf } from '../../domain/ledger';
import { maskPhone } from '../../domain/phone';
import { formatFen } from '../../domain/money';
import type { LedgerStore } from '../backend/ledger/ledger-store';

export const EXPORT_HEADERS = ['小区', '房号', '业主', '电话', '房屋类型', '收费项目', '所属期间', '应收', '实收', '欠费', '滞纳金', '缴费限期', '欠费月数'];

/**
 * A CSV cell that Excel would run as a formula (= + - @, or a leading tab/CR) is prefixed with '.
 * Only for CSV: an XLSX cell is typed, and a string cell is never evaluated.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function arrearsRows(ledger: LedgerStore, community?: string): string[][] {
  const rows: string[][] = [];
  const households = [...ledger.allHouseholds()]
    .filter((household) => !community || household.community === community)
    .sort((a, b) => a.community.localeCompare(b.community, 'zh-CN') || a.roomKey.localeCompare(b.roomKey, 'zh-CN', { numeric: true }));
  for (const household of households) {
    const summary = ledger.summaryOf(household.id)!;
    for (const item of ledger.itemsOf(household.id)) {
      if (owedOf(item) <= 0) continue;
      rows.push([
        household.community,
        household.roomLabel,
        household.ownerName,
        household.phones[0] ? maskPhone(household.phones[0]) : '',
        household.kind,
        item.feeType,
        item.periodStart.slice(0, 7) === item.periodEnd.slice(0, 7) ? item.periodStart.slice(0, 7) : `${item.periodStart}~${item.periodEnd}`,
        formatFen(item.dueFen).replaceAll(',', ''),
        formatFen(item.paidFen).replaceAll(',', ''),
        formatFen(owedOf(item)).replaceAll(',', ''),
        formatFen(item.lateFeeFen).replaceAll(',', ''),
        item.dueDate ?? '',
        String(summary.monthsOverdue),
      ]);
    }
  }
  return rows;
}

function writeCsv(file: string, rows: string[][]): void {
  const cells = rows.map((row) => row.map(neutralise));
  writeFileSync(file, `\ufeff${Papa.unparse([EXPORT_HEADERS, ...cells])}\r\n`);
}

/** Every cell is a plain string value (exceljs stores it as a shared string), never a formula. */
async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('欠费明细');
  sheet.addRow(EXPORT_HEADERS).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 14));
  await workbook.xlsx.writeFile(file, { useSharedStrings: true });
}

export async function writeArrears(file: string, rows: string[][]): Promise<void> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return writeCsv(file, rows);
  if (lower.endsWith('.xlsx')) return writeXlsx(file, rows);
  throw new Error('导出文件须以 .xlsx 或 .csv 结尾');
}
