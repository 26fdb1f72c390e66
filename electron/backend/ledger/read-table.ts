/**
 * Reads a ledger export into rows of cells: CSV in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030
 * (detected), and XLSX (every sheet, streamed). Cells keep their type: numbers and dates from
 * spreadsheets stay numbers and dates so amounts and periods are read exactly.
 *
 * The file is untrusted: nothing is allocated from a size or a number the file claims, and a file past
 * IMPORT_LIMITS is refused as soon as the limit is passed, before the rest is read.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import yauzl from 'yauzl';
import { ApiError } from '../../contract';

export type Cell = string | number | Date | boolean | null;

export interface SheetRows {
  name: string;
  rows: Cell[][];
  /**
   * The 1-based row number, as the user sees it in the file, of each entry of `rows` (same length).
   * An XLSX sheet has no entry for rows without cells, so this is not always index + 1.
   */
  rowNumbers: number[];
}

export interface ReadTable {
  format: 'csv' | 'xlsx';
  /** For CSV: the detected text encoding. */
  encoding: string | null;
  sheets: SheetRows[];
}

export type Progress = (done: number, total: number) => void;

export interface ImportLimits {
  /** Rows in a CSV, or in all the sheets of a workbook together. */
  readonly maxRows: number;
  /** Cells in one row. */
  readonly maxColumns: number;
  /** Cells in all the sheets of a workbook together (and so also shared strings). */
  readonly maxCells: number;
  /** Decompressed XML of a workbook (sheets, shared strings, styles, workbook) together, in bytes. */
  readonly maxUnpackedBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * What an import may hold. The largest real load — a 50,000-household export of 24 months of bills — is
 * 1.26 million rows of 11 columns: 13.9 million cells, as XLSX (inline strings, as the benchmark writes
 * it) about 0.6 GB of XML. It passes each limit with room; past them a file is broken or hostile, and
 * reading on would only exhaust the main process's memory.
 */
export const IMPORT_LIMITS: ImportLimits = Object.freeze({
  /** The largest export's 1.26 million rows and more than half again (an Excel sheet holds 1,048,576). */
  maxRows: 2_000_000,
  /** Exports have 10–40 columns. One far cell (column XFD is 16,384) must not widen a row to thousands. */
  maxColumns: 512,
  /** Roughly 30 bytes of memory each once read: a workbook at the limit needs about 0.6 GB for its rows. */
  maxCells: 20_000_000,
  /** Deflate inflates up to 1,000:1. Real sheets take about 45 bytes of XML a cell: 20 M cells fit. */
  maxUnpackedBytes: GiB,
});

const importError = (message: string) => new ApiError({ code: 'VALIDATION', message });
const count = (n: number) => n.toLocaleString('en-US');
const sizeText = (bytes: number) => (bytes >= GiB ? `${Number((bytes / GiB).toFixed(1))} GB` : `${count(Math.round(bytes / MiB))} MB`);

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

const isBlankCsvRow = (row: readonly string[]) => row.every((cell) => cell === '');

/**
 * Refuses a CSV of more rows than the limit, blank lines included but not the line break that ends the
 * file. Papa was told to stop two rows past the limit: one past it may only be that final line break.
 */
function checkCsvRowCount(parsed: Papa.ParseResult<string[]>, limits: ImportLimits): void {
  const rows = parsed.data;
  if (rows.length <= limits.maxRows) return;
  const finalLineBreak = rows.length === limits.maxRows + 1 && !parsed.meta.truncated && isBlankCsvRow(rows[limits.maxRows]!);
  if (!finalLineBreak) {
    throw importError(`CSV 文件超过 ${count(limits.maxRows)} 行的上限（第 ${count(limits.maxRows + 1)} 行起超出）。请按小区或月份分批导出后再导入。`);
  }
}

function checkCsvColumns(rows: readonly string[][], limits: ImportLimits): void {
  const wide = rows.findIndex((row) => row.length > limits.maxColumns);
  if (wide < 0) return;
  throw importError(
    `CSV 第 ${wide + 1} 行有 ${count(rows[wide]!.length)} 列，超过上限（每行最多 ${count(limits.maxColumns)} 列）。请确认文件是收费系统导出的表格、分隔符没有错乱。`,
  );
}

export function readCsv(bytes: Uint8Array, progress?: Progress, limits: ImportLimits = IMPORT_LIMITS): ReadTable {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw importError('文件内容不是文本表格：请选择收费系统导出的 CSV 或 Excel（.xlsx）文件。');
  // In one go (a callback per row costs a third more parse time), but never past the row limit: a
  // file of line breaks alone would otherwise make a row of each.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'], preview: limits.maxRows + 2 });
  progress?.(bytes.length, bytes.length);
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw importError(`CSV 第 ${(fatal.row ?? 0) + 1} 行的引号不成对，文件可能不完整或已损坏。`);
  checkCsvRowCount(parsed, limits);
  const rows = parsed.data;
  checkCsvColumns(rows, limits);
  // The newline that ends the last line is not a blank row.
  while (rows.length > 0 && isBlankCsvRow(rows[rows.length - 1]!)) rows.pop();
  // A CSV's row numbers are its records' (lines), as the user counts them in Excel or a text editor.
  return { format: 'csv', encoding, sheets: [{ name: 'CSV', rows, rowNumbers: rows.map((_, index) => index + 1) }] };
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

// ── The zip container ──────────────────────────────────────────────────────────────────────────────
// exceljs's own reader streams the zip front to back and, when a sheet comes before the shared strings
// or the workbook's relationships (as in the workbooks exceljs itself writes) or a workbook has no
// shared strings at all, first inflates the whole sheet into a temp file: a zip bomb then fills the disk
// before a single byte can be counted, and a refused or aborted read leaves the temp file behind. The
// file is in memory anyway, so its central directory says where each part is: the parts are read in
// the order they are needed, each inflated lazily and counted as it streams, and nothing touches disk.

/** Far more parts than any workbook has (a few dozen): a directory of millions is not a spreadsheet. */
const MAX_ZIP_ENTRIES = 10_000;

const damagedXlsx = () => importError('无法读取 Excel 文件：压缩包的结构不完整或已损坏，文件可能没有完整下载或复制。');

/**
 * The workbook's parts, by name, read with yauzl: it reads the zip in memory (never writes a part to disk, as
 * exceljs's own zip reading does for a sheet that comes before the shared strings), and checks that each part
 * inflates to exactly the size its entry declares.
 */
async function openZip(zip: Buffer): Promise<{ zipfile: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  try {
    const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zipfile.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= MAX_ZIP_ENTRIES) return reject(new Error('too many entries'));
        entries.set(entry.fileName, entry);
        zipfile.readEntry();
      });
      zipfile.once('end', () => resolve());
      zipfile.once('error', reject);
      zipfile.readEntry();
    });
    return { zipfile, entries };
  } catch {
    throw damagedXlsx();
  }
}

/** A part's bytes, inflated only as fast as they are read. A part that does not inflate as declared is damage. */
async function* entryBytes(zipfile: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  let stream: Readable;
  try {
    stream = await new Promise<Readable>((resolve, reject) => zipfile.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))));
  } catch {
    throw damagedXlsx();
  }
  try {
    yield* stream as AsyncIterable<Buffer>;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw importError(`无法读取 Excel 文件：其中的「${entry.fileName}」解压后与压缩包里记录的不符，文件已损坏或是恶意构造的。`);
  }
}

// ── Limits while reading a workbook ────────────────────────────────────────────────────────────────

/**
 * Bytes parsed between two turns of the event loop at most, so a huge part cannot hold the process up.
 * (Inflated parts mostly wait on zlib's thread pool anyway; stored parts would not.)
 */
const YIELD_EVERY_BYTES = MiB;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a workbook has cost so far; refuses it as soon as one of the limits is passed. */
class WorkbookBudget {
  rows = 0;
  private cells = 0;
  private unpacked = 0;
  private untilYield = YIELD_EVERY_BYTES;

  constructor(private readonly limits: ImportLimits) {}

  /**
   * Counts decompressed bytes as they stream; `where` names the part for the message, `check` is run
   * before each chunk to refuse on what the earlier chunks produced.
   */
  async *counted(chunks: AsyncIterable<Buffer>, where: () => string, check?: () => void): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      check?.();
      this.unpacked += chunk.length;
      if (this.unpacked > this.limits.maxUnpackedBytes) {
        throw importError(
          `Excel 文件解压后超过 ${sizeText(this.limits.maxUnpackedBytes)} 的上限（读到${where()}时超出），文件可能是恶意构造的压缩包，已停止读取。请用收费系统重新导出，或另存为 CSV 后再导入。`,
        );
      }
      this.untilYield -= chunk.length;
      if (this.untilYield <= 0) {
        this.untilYield = YIELD_EVERY_BYTES;
        await nextTurn();
      }
      yield chunk;
    }
  }

  /** Every shared string is used by a cell, so there cannot be more of them than cells. */
  sharedStrings(total: number): void {
    if (total > this.limits.maxCells) {
      throw importError(`Excel 文件的共享字符串超过 ${count(this.limits.maxCells)} 个的上限，文件可能已损坏或是恶意构造的，已停止读取。`);
    }
  }

  /** Counts a row of `width` cells before it is copied. */
  row(sheet: string, rowNumber: number, width: number): void {
    if (width > this.limits.maxColumns) {
      throw importError(
        `工作表「${sheet}」第 ${rowNumber} 行有 ${count(width)} 列，超过上限（每行最多 ${count(this.limits.maxColumns)} 列）。文件可能在很远的列（如 XFD 列）写了内容或已损坏：请删除多余的列后重新保存再导入。`,
      );
    }
    this.rows += 1;
    if (this.rows > this.limits.maxRows) {
      throw importError(`Excel 文件超过 ${count(this.limits.maxRows)} 行的上限（工作表「${sheet}」第 ${rowNumber} 行处超出）。请按小区或月份分批导出后再导入。`);
    }
    this.cells += width;
    if (this.cells > this.limits.maxCells) {
      throw importError(`Excel 文件超过 ${count(this.limits.maxCells)} 个单元格的上限（工作表「${sheet}」第 ${rowNumber} 行处超出）。请按小区或月份分批导出后再导入。`);
    }
  }
}

// ── The workbook ───────────────────────────────────────────────────────────────────────────────────

/**
 * exceljs's streaming reader decodes each zip chunk to text on its own, which splits a Chinese character
 * that straddles two chunks into "��" (exceljs issues #2084, #2063; unfixed in 4.4). Every part is
 * handed to it as text decoded across chunk boundaries instead.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

type XlsxRow = { number: number; values: unknown[] };
type XlsxSheet = AsyncIterable<XlsxRow> & { name?: string };
/** The parts of exceljs's WorkbookReader used here: its parsers of each part, without its zip reading. */
type PartParsers = {
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
};
const WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: undefined, options: object) => PartParsers;

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

async function drain(iterator: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterator);
}

/**
 * Each worksheet of the workbook, after the parts its cells refer to: relationships and sheet names,
 * shared strings, styles (number formats tell dates from numbers).
 */
async function* worksheetsOf(zip: Buffer, budget: WorkbookBudget): AsyncGenerator<XlsxSheet> {
  const { zipfile, entries } = await openZip(zip);
  const text = (entry: yauzl.Entry, where: () => string, check?: () => void) => utf8Text(budget.counted(entryBytes(zipfile, entry), where, check));
  const parsers = new WorkbookReader(undefined, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });

  const part = (name: string, check?: () => void) => {
    const entry = entries.get(name);
    return entry && Readable.from(text(entry, () => `「${name}」`, check));
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await parsers._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await parsers._parseWorkbook(workbook);
  // The strings are cached as they are parsed: their number is checked between chunks, before it runs away.
  const strings = part('xl/sharedStrings.xml', () => budget.sharedStrings(parsers.sharedStrings?.length ?? 0));
  if (strings) await drain(parsers._parseSharedStrings(strings));
  const styles = part('xl/styles.xml');
  if (styles) await parsers._parseStyles(styles);

  for (const entry of entries.values()) {
    const sheetNo = WORKSHEET.exec(entry.fileName)?.[1];
    if (!sheetNo) continue;
    let sheetName = entry.fileName;
    for (const { value } of parsers._parseWorksheet(text(entry, () => `工作表「${sheetName}」`), sheetNo)) {
      const sheet = value as XlsxSheet;
      sheetName = sheet.name ?? sheetName;
      yield sheet;
    }
  }
}

/**
 * The row number a sheet gives its row, if usable: a whole number after the previous row's. A row
 * without one (the format allows it: it follows the previous row) or out of order follows the previous
 * row. It is only recorded, never used to size anything.
 */
function rowNumberOf(claimed: number, previous: number): number {
  return Number.isSafeInteger(claimed) && claimed > previous ? claimed : previous + 1;
}

async function readSheet(sheet: XlsxSheet, name: string, budget: WorkbookBudget, progress?: Progress): Promise<SheetRows> {
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  let previous = 0;
  for await (const row of sheet) {
    // row.values is 1-based, with a slot for every column up to the last cell that has a value.
    const values = row.values;
    const rowNumber = rowNumberOf(row.number, previous);
    budget.row(name, rowNumber, Math.max(0, values.length - 1));
    rows.push(values.slice(1).map(plainCell));
    rowNumbers.push(rowNumber);
    previous = rowNumber;
    if (budget.rows % 5000 === 0) progress?.(budget.rows, 0);
  }
  return { name, rows, rowNumbers };
}

export async function readXlsx(bytes: Uint8Array, progress?: Progress, limits: ImportLimits = IMPORT_LIMITS): Promise<ReadTable> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw importError('不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。');
    throw importError('文件不是有效的 Excel（.xlsx）文件，可能已损坏或扩展名不对。');
  }
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const budget = new WorkbookBudget(limits);
  const sheets: SheetRows[] = [];
  try {
    for await (const sheet of worksheetsOf(zip, budget)) {
      sheets.push(await readSheet(sheet, sheet.name ?? `Sheet${sheets.length + 1}`, budget, progress));
    }
  } catch (error) {
    // Ours (a limit, a damaged container) already say what is wrong; the parser's need the context.
    if (error instanceof ApiError) throw error;
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
