/**
 * `export arrears`: the rows of ledger.exportArrears as a spreadsheet, safe to open in Excel. The rows hold the text
 * as it is; the CSV writer neutralises formula-like cells, the XLSX writer stores every cell as a string.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { writeFileSync } from 'node:fs';

/**
 * A CSV cell that Excel would run as a formula (= + - @, or a leading tab/CR) is prefixed with '.
 * Only for CSV: an XLSX cell is typed, and a string cell is never evaluated.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function writeCsv(file: string, headers: readonly string[], rows: string[][]): void {
  const cells = rows.map((row) => row.map(neutralise));
  writeFileSync(file, `\ufeff${Papa.unparse([[...headers], ...cells])}\r\n`);
}

/** Every cell is a plain string value (exceljs stores it as a shared string), never a formula. */
async function writeXlsx(file: string, headers: readonly string[], rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('欠费明细');
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 14));
  await workbook.xlsx.writeFile(file, { useSharedStrings: true });
}

export async function writeArrears(file: string, headers: readonly string[], rows: string[][]): Promise<void> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return writeCsv(file, headers, rows);
  if (lower.endsWith('.xlsx')) return writeXlsx(file, headers, rows);
  throw new Error('导出文件须以 .xlsx 或 .csv 结尾');
}
