import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, readTable } from '../../electron/backend/ledger/read-table';
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
