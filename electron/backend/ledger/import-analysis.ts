/**
 * From file bytes to an import preview and a batch ready to merge: read the table, find the header,
 * apply the mapping (recognised, saved or corrected by the user), check every row. Nothing is written.
 * Shared by the app's import jobs, the CLI and the benchmark.
 */
import { ApiError, type HeaderMapping, type ImportPreview } from '../../contract';
import { buildBatch, type ImportBatch } from '../../../domain/import/batch';
import { missingRequired, normalizeHeader, type ColumnMapping, type ImportFieldId } from '../../../domain/import/fields';
import { findHeader, rowNumberAt, type HeaderInfo } from '../../../domain/import/header-row';
import { mergeBatch, type LedgerView, type MergeScope } from '../../../domain/import/merge';
import { mapRows, type ImportRecord, type RowError } from '../../../domain/import/rows';
import { communityFromTitleRows } from '../../../domain/import/title';
import type { IsoDate } from '../../../domain/dates';
import { owedOf } from '../../../domain/ledger';
import { readTable, type SheetRows } from './read-table';

export interface AnalyseOptions {
  defaultCommunity: string;
  scope: MergeScope;
  /** Field → header text; overrides recognition. */
  mapping?: HeaderMapping;
  today: IsoDate;
}

export interface Analysis {
  preview: ImportPreview;
  batch: ImportBatch;
}

export type PhaseProgress = (phase: string, done: number, total: number) => void;

const SLICE = 20_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A header-text mapping to column indexes of this sheet; unknown headers are an error. */
export function columnsFor(headers: readonly string[], mapping: HeaderMapping): ColumnMapping {
  const columns: ColumnMapping = {};
  const normalised = headers.map(normalizeHeader);
  for (const [field, header] of Object.entries(mapping) as [ImportFieldId, string][]) {
    if (!header) continue;
    const column = normalised.indexOf(normalizeHeader(header));
    if (column < 0) throw new ApiError({ code: 'VALIDATION', message: `列映射中的「${header}」在文件的表头里找不到。请检查映射或选择正确的文件。` });
    columns[field] = column;
  }
  return columns;
}

export function headerMappingOf(headers: readonly string[], columns: ColumnMapping): HeaderMapping {
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, headers[column as number] ?? ''])) as HeaderMapping;
}

/** The rows above the header: titles, dates, blank lines. */
const titleRowsOf = (sheet: SheetRows, header: HeaderInfo) => sheet.rows.slice(0, header.lastHeaderRow - header.headerRows + 1);

const sameHeaders = (a: readonly string[], b: readonly string[]) => a.map(normalizeHeader).join('|') === b.map(normalizeHeader).join('|');

export async function analyseImport(
  fileName: string,
  bytes: Uint8Array,
  view: LedgerView,
  options: AnalyseOptions,
  progress: PhaseProgress = () => undefined,
): Promise<Analysis> {
  progress('读取文件', 0, bytes.length);
  const table = await readTable(fileName, bytes, (done) => progress('读取文件', done, bytes.length));

  const located = table.sheets.map((sheet) => ({ sheet, header: findHeader(sheet.rows, sheet.rowNumbers) }));
  const main = located.find((entry) => entry.header);
  if (!main?.header) {
    throw new ApiError({
      code: 'VALIDATION',
      message: `找不到表头：「${fileName}」前 30 行中没有同时包含“房号”和金额（应收或欠费）列的行。请确认这是收费系统导出的欠费明细。`,
    });
  }
  const mainColumns = options.mapping ? columnsFor(main.header.headers, options.mapping) : main.header.mapping;
  const notes: string[] = [];
  const work: { sheet: SheetRows; header: HeaderInfo; columns: ColumnMapping }[] = [];
  for (const { sheet, header } of located) {
    if (!header) {
      if (sheet.rows.some((row) => row.some((cell) => cell !== null && cell !== ''))) notes.push(`工作表「${sheet.name}」没有可识别的表头，已跳过。`);
      continue;
    }
    const columns = sheet === main.sheet || sameHeaders(header.headers, main.header.headers) ? mainColumns : header.mapping;
    work.push({ sheet, header, columns });
  }

  const records: ImportRecord[] = [];
  const errors: (RowError & { sheet: string })[] = [];
  const skipped = { blank: 0, totals: 0, repeatedHeaders: 0, duplicates: 0 };
  const totalRows = work.reduce((sum, entry) => sum + entry.sheet.rows.length, 0);
  let done = 0;
  const missing = missingRequired(mainColumns);
  if (missing.length === 0) {
    for (const { sheet, header, columns } of work) {
      for (let from = 0; from < sheet.rows.length; from += SLICE) {
        const part = mapRows(sheet.rows, header, { defaultCommunity: options.defaultCommunity, rowNumbers: sheet.rowNumbers }, columns, { from, to: from + SLICE });
        records.push(...part.records);
        for (const error of part.errors) errors.push({ ...error, sheet: sheet.name });
        skipped.blank += part.skipped.blank;
        skipped.totals += part.skipped.totals;
        skipped.repeatedHeaders += part.skipped.repeatedHeaders;
        for (const note of part.notes) if (!notes.includes(note)) notes.push(note);
        done += Math.min(SLICE, sheet.rows.length - from);
        progress('检查数据', done, totalRows);
        await yieldToEventLoop();
      }
    }
  }

  progress('比对现有台账', 0, 1);
  const batch = buildBatch(records);
  for (const error of batch.errors) errors.push({ ...error, sheet: main.sheet.name });
  skipped.duplicates = batch.duplicates.length;
  const merge = mergeBatch(view, batch, { importId: 'preview', today: options.today, scope: options.scope });
  progress('比对现有台账', 1, 1);

  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  const preview: ImportPreview = {
    fileName,
    format: table.format,
    encoding: table.encoding,
    sheet: main.sheet.name,
    // lastHeaderRow is an index into the sheet's rows; the user is shown the row's own number.
    headerRow: rowNumberAt(main.sheet.rowNumbers, main.header.lastHeaderRow),
    headers: main.header.headers,
    mapping: headerMappingOf(main.header.headers, mainColumns),
    missing,
    notes,
    suggestedCommunity: mainColumns.community === undefined ? communityFromTitleRows(titleRowsOf(main.sheet, main.header)) : null,
    rows: records.length,
    skipped,
    errorCount: errors.length,
    errors: errors.slice(0, 500),
    households: batch.households.length,
    items: batch.items.length,
    owedFen: batch.items.reduce((sum, item) => sum + owedOf(item), 0),
    merge: merge.stats,
    sample: records.slice(0, 20).map((record) => ({
      row: record.row,
      community: record.community,
      roomLabel: record.room.label,
      ownerName: record.ownerName,
      feeType: record.feeType,
      period: record.period.start.slice(0, 7) === record.period.end.slice(0, 7) ? record.period.start.slice(0, 7) : `${record.period.start} ~ ${record.period.end}`,
      dueFen: record.dueFen,
      paidFen: record.paidFen,
    })),
  };
  return { preview, batch };
}
