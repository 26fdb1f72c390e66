/**
 * Reads a ledger export into rows of cells: CSV in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030
 * (detected), and XLSX (every sheet, streamed). Cells keep their type: numbers and dates from
 * spreadsheets stay numbers and dates so amounts and periods are read exactly.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ApiError } from '../../contract';

export type Cell = string | number | Date | boolean | null;

export interface SheetRows {
  name: string;
  rows: Cell[][];
}

export interface ReadTable {
  format: 'csv' | 'xlsx';
  /** For CSV: the detected text encoding. */
  encoding: string | null;
  sheets: SheetRows[];
}

export type Progress = (done: number, total: number) => void;

const importError = (message: string) => new ApiError({ code: 'VALIDATION', message });

/** UTF-8 unless the bytes are not valid UTF-8; then GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8（带 BOM）' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GBK/GB18030' };
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) controls += 1;
  }
  return controls > sample.length / 50 || sample.includes('\ufffd\ufffd\ufffd');
}

export function readCsv(bytes: Uint8Array, progress?: Progress): ReadTable {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw importError('文件内容不是文本表格：请选择收费系统导出的 CSV 或 Excel（.xlsx）文件。');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  progress?.(bytes.length, bytes.length);
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw importError(`CSV 第 ${(fatal.row ?? 0) + 1} 行的引号不成对，文件可能不完整或已损坏。`);
  const rows = parsed.data;
  // The newline that ends the last line is not a blank row.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return { format: 'csv', encoding, sheets: [{ name: 'CSV', rows }] };
}

/** An exceljs cell value as a plain cell: formulas give their result, rich text its text. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in v) return plainCell(v.result);
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.error) return null;
  }
  return String(value);
}

/**
 * exceljs's streaming reader decodes each zip chunk to text on its own, which splits a Chinese character
 * that straddles two chunks into "��" (exceljs issues #2084, #2063; unfixed in 4.4). This subclass hands
 * it text decoded across chunk boundaries instead.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

type Entry = NodeJS.ReadableStream & { setEncoding(encoding: BufferEncoding): unknown };
type ReaderInternals = {
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => ReaderInternals & AsyncIterable<unknown>;

class Utf8SafeWorkbookReader extends BaseReader {
  override _parseWorkbook(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }
  override _parseSharedStrings(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
  override _parseStyles(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }
}

export async function readXlsx(bytes: Uint8Array, progress?: Progress): Promise<ReadTable> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw importError('不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。');
    throw importError('文件不是有效的 Excel（.xlsx）文件，可能已损坏或扩展名不对。');
  }
  const sheets: SheetRows[] = [];
  const reader = new Utf8SafeWorkbookReader(Readable.from(Buffer.from(bytes)), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let rowsRead = 0;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name?: string };
      const rows: Cell[][] = [];
      for await (const row of sheet) {
        // row.values is 1-based; rows may skip numbers where the sheet has no row.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push((row.values as unknown[]).slice(1).map(plainCell));
        rowsRead += 1;
        if (rowsRead % 5000 === 0) progress?.(rowsRead, 0);
      }
      sheets.push({ name: sheet.name ?? `Sheet${sheets.length + 1}`, rows });
    }
  } catch (error) {
    throw importError(`无法读取 Excel 文件：${error instanceof Error ? error.message : String(error)}。文件可能已损坏。`);
  }
  return { format: 'xlsx', encoding: null, sheets };
}

export async function readTable(fileName: string, bytes: Uint8Array, progress?: Progress): Promise<ReadTable> {
  if (bytes.length === 0) throw importError(`文件「${fileName}」是空的。`);
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'xlsx' || extension === 'xlsm') return readXlsx(bytes, progress);
  if (extension === 'xls') return readXlsx(bytes, progress);
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') return readCsv(bytes, progress);
  throw importError(`不支持的文件类型「.${extension ?? ''}」：请导入 CSV 或 Excel（.xlsx）文件。`);
}
