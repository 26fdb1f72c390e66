import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyseImport } from '../../electron/backend/ledger/import-analysis';
import { decodeText, IMPORT_LIMITS, readCsv, readTable, readXlsx, type ImportLimits } from '../../electron/backend/ledger/read-table';
import { tempDir } from '../helpers/fs';

describe('reading exports', () => {
  it('keeps Chinese text whole across the XLSX reader’s chunk boundaries (exceljs #2084)', async () => {
    const file = path.join(tempDir(), 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('欠费明细');
    const names = ['诸葛明', '欧阳澜', '上官燕', '皇甫松', '慕容雪'];
    for (let i = 0; i < 20_000; i += 1) sheet.addRow([`翠湖湾${i}`, `${names[i % 5]}`, `${(i % 30) + 1}栋${(i % 3) + 1}单元${1000 + i}室`]).commit();
    sheet.commit();
    await writer.commit();
    const table = await readTable('big.xlsx', new Uint8Array(readFileSync(file)));
    const rows = table.sheets[0]!.rows;
    expect(table.sheets[0]!.name).toBe('欠费明细');
    expect(rows).toHaveLength(20_000);
    expect(rows.some((row) => row.some((cell) => String(cell).includes('\ufffd')))).toBe(false);
    expect(rows[12_345]).toEqual(['翠湖湾12345', '诸葛明', '16栋1单元13345室']);
  });

  it('tells UTF-8, UTF-8 with BOM and GBK apart', () => {
    const text = '房号,欠费\n8-2-1203,￥1,234.50\n';
    expect(decodeText(new Uint8Array(Buffer.from(text)))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array(Buffer.from(`\ufeff${text}`)))).toEqual({ text, encoding: 'UTF-8（带 BOM）' });
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'GBK/GB18030' });
    expect(decodeText(new Uint8Array(iconv.encode('𠮷房号', 'gb18030'))).text).toBe('𠮷房号');
  });
});

// ── Hostile workbooks, built here: a normal workbook from exceljs, then its XML patched inside the zip ──

interface ZipPart {
  name: string;
  /** 8 deflated, 0 stored. */
  method: 0 | 8;
  /** As it is in the zip. */
  data: Buffer;
  size: number;
  crc: number;
}

const deflatedPart = (name: string, data: Buffer): ZipPart => ({ name, method: 8, data: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) });
const storedPart = (part: ZipPart): ZipPart => (part.method === 0 ? part : { ...part, method: 0, data: zlib.inflateRawSync(part.data) });
const contentOf = (part: ZipPart) => (part.method === 8 ? zlib.inflateRawSync(part.data) : part.data);

/** The files of a zip (as exceljs writes it: stored or deflated), read through its central directory. */
function unzip(zip: Buffer): ZipPart[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const parts: ZipPart[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    if (!name.endsWith('/')) parts.push(deflatedPart(name, zip.readUInt16LE(at + 10) === 8 ? zlib.inflateRawSync(stored) : stored));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A zip of the parts, in the order given. */
function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A part made of `head`, `block` × `times` and `tail`, deflated without ever being whole in memory. */
function repeatedPart(name: string, head: string, block: string, times: number, tail: string): ZipPart {
  // Deflate blocks end on a byte boundary after a full flush and refer to nothing before them: the
  // block is compressed once and its compressed bytes repeated.
  const [headBytes, blockBytes, tailBytes] = [head, block, tail].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];
  const open = (bytes: Buffer) => zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const packed = open(blockBytes);
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < times; i += 1) crc = zlib.crc32(blockBytes, crc);
  return {
    name,
    method: 8,
    data: Buffer.concat([open(headBytes), ...Array.from({ length: times }, () => packed), zlib.deflateRawSync(tailBytes)]),
    size: headBytes.length + blockBytes.length * times + tailBytes.length,
    crc: zlib.crc32(tailBytes, crc),
  };
}

const LEDGER_HEADER = ['房号', '业主', '所属期间', '欠费'];

async function workbookOf(sheets: Record<string, (string | number)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The workbook with one part replaced (or its XML edited). */
function withPart(xlsx: Buffer, name: string, replace: (xml: string) => ZipPart | string): Buffer {
  return zipOf(
    unzip(xlsx).map((part) => {
      if (part.name !== name) return part;
      const replaced = replace(contentOf(part).toString('utf8'));
      return typeof replaced === 'string' ? deflatedPart(name, Buffer.from(replaced)) : replaced;
    }),
  );
}

/** Renumbers a row in a sheet's XML: the row's `r` and its cells' references. */
const renumberRow = (xml: string, from: number, to: number) =>
  xml.replace(new RegExp(`<row r="${from}"`), `<row r="${to}"`).replace(new RegExp(`(<c r="[A-Z]+)${from}"`, 'g'), `$1${to}"`);

/** Runs `work` while a 10 ms timer ticks; returns its result and the longest the event loop was held. */
async function withEventLoopWatch<T>(work: () => Promise<T>): Promise<{ value: T; longestStallMs: number; ms: number }> {
  const started = performance.now();
  let last = started;
  let longestStallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    return { value, longestStallMs: Math.max(longestStallMs, performance.now() - last), ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/** Temp files this process made (exceljs's reader names them tmp-<pid>-…). */
const ownTempFiles = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

const refusal = (message: RegExp) => expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(message) });
const MiB = 1024 * 1024;
const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...IMPORT_LIMITS, ...overrides });
const emptyLedger = { household: () => undefined, itemsOf: () => [], householdIdsIn: () => [] };

describe('hostile workbooks', () => {
  it(
    'reads a lone row numbered 300,000,000 at once, compact, and reports that row number',
    async () => {
      const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100], ['1-1-102', '李四', '2025-01', 'abc']] });
      const bytes = new Uint8Array(withPart(normal, 'xl/worksheets/sheet1.xml', (xml) => renumberRow(xml, 3, 300_000_000)));
      expect(bytes.length).toBeLessThan(20_000);
      const heapBefore = process.memoryUsage().heapUsed;

      const { value: analysis, longestStallMs, ms } = await withEventLoopWatch(() =>
        analyseImport('far-row.xlsx', bytes, emptyLedger, { defaultCommunity: '默认', scope: 'community', today: '2025-12-01' }),
      );

      expect(ms).toBeLessThan(5_000);
      expect(longestStallMs).toBeLessThan(1_000);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * MiB);
      expect(analysis.preview).toMatchObject({ headerRow: 1, rows: 1, errorCount: 1 });
      expect(analysis.preview.errors).toEqual([expect.objectContaining({ sheet: '欠费明细', row: 300_000_000, column: '欠费' })]);
      const table = await readXlsx(bytes);
      expect(table.sheets[0]!.rows).toHaveLength(3);
      expect(table.sheets[0]!.rowNumbers).toEqual([1, 2, 300_000_000]);
    },
    60_000,
  );

  it('reads a workbook whose parts are stored rather than deflated', async () => {
    const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100]] });
    const table = await readXlsx(new Uint8Array(zipOf(unzip(normal).map(storedPart))));
    expect(table.sheets[0]).toMatchObject({ name: '欠费明细', rows: [LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100]], rowNumbers: [1, 2] });
  });

  it('gives the header row its own number in the preview when rows are missing above it', async () => {
    const normal = await workbookOf({ 欠费明细: [['翠湖湾欠费明细表'], LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100]] });
    // Rows 2 and 3 become 7 and 8: rows 2–6 have no entry in the sheet at all.
    const bytes = new Uint8Array(withPart(normal, 'xl/worksheets/sheet1.xml', (xml) => renumberRow(renumberRow(xml, 3, 8), 2, 7)));
    const { preview } = await analyseImport('gap.xlsx', bytes, emptyLedger, { defaultCommunity: '默认', scope: 'community', today: '2025-12-01' });
    expect(preview).toMatchObject({ headerRow: 7, rows: 1, errorCount: 0 });
    expect(preview.sample[0]).toMatchObject({ row: 8, roomLabel: expect.stringContaining('101') });
  });

  it('refuses a cell in column XFD (16,384 columns) before copying the row, and leaves no temp file', async () => {
    const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100]] });
    const bytes = new Uint8Array(withPart(normal, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<c r="D2"', '<c r="XFD2"')));
    await expect(readXlsx(bytes)).rejects.toEqual(refusal(/工作表「欠费明细」第 2 行有 16,384 列，超过上限（每行最多 512 列）/));
    expect(ownTempFiles()).toEqual([]);
  });

  it(
    'refuses a zip bomb (512 MB of rows in 0.5 MB) as soon as the unpacked limit is passed, leaving nothing behind',
    async () => {
      const filler = '欠'.repeat(300); // 900 bytes of UTF-8: about one row per KiB
      // Every row claims to be row 2 (exceljs needs a number on each cell): a bomb repeats one block.
      const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>${filler}</t></is></c></row>`;
      const block = row.repeat(Math.floor(MiB / Buffer.byteLength(row)));
      const bomb = repeatedPart('xl/worksheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', block, 512, '</sheetData></worksheet>');
      const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER] });
      const bytes = new Uint8Array(withPart(normal, 'xl/worksheets/sheet1.xml', () => bomb));
      expect(bomb.size).toBeGreaterThan(500 * MiB);
      expect(bytes.length).toBeLessThan(2 * MiB);

      const { value: outcome, longestStallMs, ms } = await withEventLoopWatch(() => readXlsx(bytes, undefined, limits({ maxUnpackedBytes: 16 * MiB })).catch((error: unknown) => error));

      expect(outcome).toEqual(refusal(/Excel 文件解压后超过 16 MB 的上限（读到工作表「欠费明细」时超出）/));
      expect(ms).toBeLessThan(10_000);
      expect(longestStallMs).toBeLessThan(1_000);
      expect(ownTempFiles()).toEqual([]);
    },
    60_000,
  );

  it('refuses a part that inflates to more than its entry declares (a zip that lies about its sizes)', async () => {
    const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER, ['1-1-101', '张三', '2025-01', 100]] });
    const bytes = new Uint8Array(withPart(normal, 'xl/worksheets/sheet1.xml', (xml) => ({ ...deflatedPart('xl/worksheets/sheet1.xml', Buffer.from(xml)), size: 10 })));
    await expect(readXlsx(bytes)).rejects.toEqual(refusal(/「xl\/worksheets\/sheet1\.xml」解压后与压缩包里记录的不符/));
  });

  it('refuses more shared strings than a workbook may have cells', async () => {
    const strings = repeatedPart('xl/sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>a</t></si>'.repeat(4096), 100, '</sst>');
    const normal = await workbookOf({ 欠费明细: [LEDGER_HEADER] });
    const bytes = new Uint8Array(withPart(normal, 'xl/sharedStrings.xml', () => strings));
    await expect(readXlsx(bytes, undefined, limits({ maxCells: 10_000 }))).rejects.toEqual(refusal(/共享字符串超过 10,000 个的上限/));
  });

  it('refuses more rows than the limit, counted over all sheets, and says where', async () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => [`1-1-${i}`, '张三', '2025-01', 100]);
    const small = limits({ maxRows: 1_000 });
    await expect(readXlsx(new Uint8Array(await workbookOf({ 欠费明细: rows(1_000) })), undefined, small)).resolves.toBeTruthy();
    await expect(readXlsx(new Uint8Array(await workbookOf({ 欠费明细: rows(1_001) })), undefined, small)).rejects.toEqual(
      refusal(/超过 1,000 行的上限（工作表「欠费明细」第 1001 行处超出）/),
    );
    await expect(readXlsx(new Uint8Array(await workbookOf({ 一月: rows(600), 二月: rows(600) })), undefined, small)).rejects.toEqual(
      refusal(/超过 1,000 行的上限（工作表「二月」第 401 行处超出）/),
    );
  });

  it('refuses more cells than the limit', async () => {
    const bytes = new Uint8Array(await workbookOf({ 欠费明细: Array.from({ length: 30 }, (_, i) => [`1-1-${i}`, '张三', '2025-01', 100]) }));
    await expect(readXlsx(bytes, undefined, limits({ maxCells: 50 }))).rejects.toEqual(refusal(/超过 50 个单元格的上限（工作表「欠费明细」第 13 行处超出）/));
  });
});

describe('hostile CSV', () => {
  const csv = (text: string) => new Uint8Array(Buffer.from(text));

  it('refuses a row with more columns than the limit', () => {
    const wide = `房号,欠费\n1-1-101${','.repeat(600)}\n`;
    expect(() => readCsv(csv(wide))).toThrow(refusal(/CSV 第 2 行有 601 列，超过上限（每行最多 512 列）/));
    expect(readCsv(csv(`房号${','.repeat(511)}\n`)).sheets[0]!.rows[0]).toHaveLength(512);
  });

  it('refuses more rows than the limit, blank lines included but not the line break that ends the file', () => {
    const small = limits({ maxRows: 10 });
    const lines = (count: number) => Array.from({ length: count }, (_, i) => `1-1-${i},100`).join('\n');
    expect(readCsv(csv(`${lines(10)}\n`), undefined, small).sheets[0]!.rows).toHaveLength(10);
    expect(readCsv(csv(lines(10)), undefined, small).sheets[0]!.rows).toHaveLength(10);
    for (const text of [`${lines(11)}\n`, `${lines(10)}\n\n`, `${lines(10)}\n\n${lines(1)}\n`, '\n'.repeat(1_000)]) {
      expect(() => readCsv(csv(text), undefined, small)).toThrow(refusal(/CSV 文件超过 10 行的上限（第 11 行起超出）/));
    }
  });

  it('numbers CSV rows by line', () => {
    expect(readCsv(csv('a,b\n\n1,2\n')).sheets[0]).toMatchObject({ rows: [['a', 'b'], [''], ['1', '2']], rowNumbers: [1, 2, 3] });
  });
});
