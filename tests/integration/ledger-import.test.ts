/**
 * Messy billing exports through the real backend: counts and totals exact to the fen, re-import merges,
 * hostile files give clear errors and leave the data unchanged.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { snapshotDir, tempDir } from '../helpers/fs';
import { call, importFixture, preview, readyPreview } from '../helpers/ledger';

const TODAY = '2025-12-01';

async function freshBackend(dataDir = tempDir()): Promise<Backend> {
  return createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 0, today: () => TODAY });
}

/** Every file under the data directory (ledger and contacts included). */
function snapshotAll(dir: string) {
  return { root: snapshotDir(dir), ledger: snapshotDir(`${dir}/ledger`), contacts: snapshotDir(`${dir}/contacts`) };
}

describe('importing messy exports', () => {
  it('GBK CSV with its own column names, money in many forms, a duplicate and a 合计 row', async () => {
    const backend = await freshBackend();
    const { preview: shown, entry } = await importFixture(backend, 'gbk-system-a.csv');
    expect(shown.encoding).toBe('GBK/GB18030');
    expect(shown.suggestedCommunity).toBeNull();
    expect(shown.mapping).toMatchObject({ room: '房屋编号', ownerName: '客户名称', phone: '联系方式', feeType: '费用名称', period: '账期', due: '应收金额(元)', lateFee: '违约金' });
    expect(shown.skipped).toMatchObject({ totals: 1, duplicates: 1 });
    expect(shown.errorCount).toBe(0);
    expect(shown).toMatchObject({ households: 3, items: 5, owedFen: 708_800 });
    expect(entry.stats).toMatchObject({ newHouseholds: 3, newItems: 5, payments: 0 });
    const facets = await call(backend, 'households.facets', {});
    expect(facets).toMatchObject({ households: 3, owedFen: 708_800, communities: [{ name: '观山水', households: 3 }] });
    const record = await call(backend, 'households.get', { id: '观山水|8-2-1203' });
    expect(record.summary).toMatchObject({ owedFen: 123_450 + 123_450 + 15_000, lateFeeFen: 1_230, monthsOverdue: 2 });
    expect(record.household.phones.map((p) => p.masked)).toEqual(['100****5678', '100****4321']);
    expect(JSON.stringify(record)).not.toContain('10012345678');
    backend.close();
  });

  it('XLSX with a title, a two-row merged header, 小计/合计 rows, real dates and formulas', async () => {
    const backend = await freshBackend();
    const { preview: shown } = await importFixture(backend, 'titled-merged-header.xlsx', { defaultCommunity: '枫林雅苑' });
    expect(shown).toMatchObject({ format: 'xlsx', sheet: '欠费明细', headerRow: 5, households: 3, items: 5, owedFen: 87_430 });
    expect(shown.mapping).toMatchObject({ building: '楼栋', unit: '单元', room: '房号', due: '应收', paid: '实收', owed: '欠费', dueDate: '缴费限期' });
    expect(shown.skipped.totals).toBe(2);
    expect(shown.notes.join()).toContain('说明');
    // Its title, 枫林雅苑 2025年物业费欠费明细表, names the community.
    expect(shown.suggestedCommunity).toBe('枫林雅苑');
    const record = await call(backend, 'households.get', { id: '枫林雅苑|5-1-301' });
    expect(record.items.map((item) => [item.periodStart, item.dueFen])).toEqual([
      ['2025-10-01', 18_000],
      ['2025-09-01', 18_000],
    ]);
    const zhuge = await call(backend, 'households.get', { id: '枫林雅苑|3-1-502' });
    expect(zhuge.items[0]).toMatchObject({ dueDate: '2025-11-15', dueFen: 19_690 });
    backend.close();
  });

  it('UTF-8 with BOM and split period columns', async () => {
    const backend = await freshBackend();
    const { preview: shown } = await importFixture(backend, 'utf8-bom-split-period.csv');
    expect(shown).toMatchObject({ encoding: 'UTF-8（带 BOM）', households: 2, items: 2, owedFen: 60_000 });
    const list = await call(backend, 'households.list', {});
    expect(list.rows).toEqual([expect.objectContaining({ id: '枫林雅苑|2-1-301', monthsOverdue: 3 })]);
    backend.close();
  });

  it('lists every bad row with row, column and reason, and refuses to commit until told to skip them', async () => {
    const backend = await freshBackend();
    const { jobId, preview: shown } = await readyPreview(backend, 'bad-rows.csv');
    expect(shown.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '应收'],
      [3, '欠费'],
      [4, '所属期间'],
      [5, '应收'],
      [6, '房号'],
    ]);
    expect(shown.errors[0]!.reason).toBe('无法识别的金额「abc」');
    const before = snapshotAll(backend.storage.dataDir);
    await expect(call(backend, 'ledger.commitImport', { jobId, skipErrorRows: false })).rejects.toThrow(/有 5 行数据有错误/);
    expect(snapshotAll(backend.storage.dataDir)).toEqual(before);
    const entry = await call(backend, 'ledger.commitImport', { jobId, skipErrorRows: true });
    expect(entry.skippedErrorRows).toBe(5);
    expect((await call(backend, 'households.facets', {})).households).toBe(1);
    backend.close();
  });

  it.each([
    ['hostile-binary.csv', /不是文本表格/],
    ['hostile-not-zip.xlsx', /不是有效的 Excel/],
    ['hostile-legacy.xls', /旧版 Excel/],
    ['hostile-truncated.xlsx', /无法读取 Excel 文件/],
    ['hostile-no-header.csv', /找不到表头/],
  ])('%s gives a clear error and changes nothing', async (name, message) => {
    const backend = await freshBackend();
    await importFixture(backend, 'gbk-system-a.csv');
    const before = snapshotAll(backend.storage.dataDir);
    const { status } = await preview(backend, name);
    expect(status).toMatchObject({ state: 'failed', message: expect.stringMatching(message) });
    expect(snapshotAll(backend.storage.dataDir)).toEqual(before);
    backend.close();
  });

  it('an empty file is refused before any work', async () => {
    const backend = await freshBackend();
    await expect(call(backend, 'ledger.uploadStart', { fileName: 'x.csv', sizeBytes: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
    backend.close();
  });
});

describe('re-importing a newer ledger', () => {
  it('turns what was paid since into payments, adds new arrears, duplicates nothing', async () => {
    const backend = await freshBackend();
    await importFixture(backend, 'gbk-system-a.csv');
    const { entry } = await importFixture(backend, 'gbk-system-a-newer.csv');
    // September settled (1,234.50) + October's 实收 up by 234.50; the shop's November is new.
    expect(entry.stats).toMatchObject({ settledItems: 1, payments: 2, paymentsFen: 123_450 + 23_450, newItems: 1, newHouseholds: 0 });
    const facets = await call(backend, 'households.facets', {});
    expect(facets.owedFen).toBe(100_000 + 15_000 + 246_900 + 200_000 + 300_000);
    const record = await call(backend, 'households.get', { id: '观山水|8-2-1203' });
    expect(record.items).toHaveLength(3);
    expect(record.payments.map((p) => p.amountFen).sort()).toEqual([123_450, 23_450].sort());
    // The same file again: nothing changes.
    const again = await importFixture(backend, 'gbk-system-a-newer.csv');
    expect(again.entry.stats).toMatchObject({ payments: 0, newItems: 0, changedItems: 0, settledItems: 0 });
    backend.close();
  });

  it('undoes the last import exactly, and only the last', async () => {
    const dataDir = tempDir();
    const backend = await freshBackend(dataDir);
    const first = await importFixture(backend, 'gbk-system-a.csv');
    const afterFirst = await call(backend, 'households.facets', {});
    const second = await importFixture(backend, 'gbk-system-a-newer.csv');
    await expect(call(backend, 'ledger.undoImport', { importId: first.entry.id })).rejects.toThrow(/只能撤销最近一次导入/);
    const history = await call(backend, 'ledger.undoImport', { importId: second.entry.id });
    expect(history.entries.find((e) => e.id === second.entry.id)?.undone).toBe(true);
    expect(await call(backend, 'households.facets', {})).toEqual(afterFirst);
    backend.close();
    // And it stays undone after a restart.
    const reopened = await freshBackend(dataDir);
    expect(await call(reopened, 'households.facets', {})).toEqual(afterFirst);
    reopened.close();
  });
});

describe('payments and phone access', () => {
  it('a hand-entered payment settles the oldest items first and survives a restart', async () => {
    const dataDir = tempDir();
    const backend = await freshBackend(dataDir);
    await importFixture(backend, 'gbk-system-a.csv');
    const record = await call(backend, 'payments.record', { householdId: '观山水|8-2-1203', amountFen: 130_000, paidOn: TODAY, channel: '微信', note: '' });
    expect(record.summary.owedFen).toBe(261_900 - 130_000);
    expect(record.payments.map((p) => p.amountFen).sort((a, b) => b - a)).toEqual([123_450, 6_550]);
    await expect(call(backend, 'payments.record', { householdId: '观山水|8-2-1203', amountFen: 999_999_99, paidOn: TODAY, channel: '微信' })).rejects.toThrow(/超过当前欠费/);
    await expect(call(backend, 'payments.record', { householdId: '观山水|8-2-1203', amountFen: 100, paidOn: '2099-01-01', channel: '微信' })).rejects.toThrow(/不能晚于今天/);
    backend.close();
    const reopened = await freshBackend(dataDir);
    expect((await call(reopened, 'households.get', { id: '观山水|8-2-1203' })).summary.owedFen).toBe(131_900);
    reopened.close();
  });

  it('revealing a phone returns it whole and logs who looked, masked', async () => {
    const backend = await freshBackend();
    await importFixture(backend, 'gbk-system-a.csv');
    await call(backend, 'settings.update', { stewardName: '王敏' });
    const { phone } = await call(backend, 'households.revealPhone', { id: '观山水|8-2-1203', phoneIndex: 1, purpose: 'dial' });
    expect(phone).toBe('10087654321');
    const record = await call(backend, 'households.get', { id: '观山水|8-2-1203' });
    expect(record.phoneAccess).toEqual([expect.objectContaining({ action: 'dial', phoneMasked: '100****4321', steward: '王敏' })]);
    backend.close();
  });
});

describe('separate 楼栋 / 单元 / 房号 columns, then the same rooms in one column', () => {
  /** An export with a title naming the community, no 小区 column, and the room split over three columns. */
  async function splitColumnsXlsx(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('欠费明细');
    sheet.addRow(['翠湖天地 业主欠费台账（截至2026年11月30日）']);
    sheet.mergeCells('A1:H1');
    sheet.addRow(['楼栋', '单元', '房号', '业主姓名', '联系电话', '所属期间', '应收', '实收']);
    sheet.addRow(['7栋', '3单元', '1504', '欧阳澜', '10012341504', '2025-09', 200, 0]);
    sheet.addRow(['7幢', '03', '1504室', '欧阳澜', '10012341504', '2025-10', 200, 0]);
    sheet.addRow(['07', '3', '1504', '欧阳澜', '10012341504', '2025-11', 200, 0]);
    sheet.addRow(['8号楼', '1单元', '0201', '司马青', '10012340201', '2025-11', 150, 50]);
    sheet.addRow(['A座', '', '1203室', '上官燕', '10012341203', '2025-11', 300, 0]);
    sheet.addRow(['', '', '商铺C-21', '东方朔', '10012340021', '2025-11', 500, 0]);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  const laterCsv = [
    // A title too, but the file has a 小区 column: nothing to propose.
    '翠湖天地小区2025年12月欠费明细',
    '小区,房号,业主,电话,所属期间,应收,实收',
    // September paid since; October and November still owed; December new.
    '翠湖天地,7-3-1504,欧阳澜,10012341504,2025-10,200,0',
    '翠湖天地,7栋3单元1504,欧阳澜,10012341504,2025-11,200,0',
    '翠湖天地,07-03-1504,欧阳澜,10012341504,2025-12,200,0',
    '翠湖天地,8号楼1单元201,司马青,10012340201,2025-11,150,50',
    '翠湖天地,A座1203,上官燕,10012341203,2025-11,300,0',
    '翠湖天地,商铺C-21,东方朔,10012340021,2025-11,500,0',
  ].join('\n');

  it('merges both exports into one household per room, findable by every written form', async () => {
    const backend = await freshBackend();
    const first = await importFixture(backend, 'split-columns.xlsx', { bytes: await splitColumnsXlsx(), defaultCommunity: '翠湖天地' });
    expect(first.preview).toMatchObject({ suggestedCommunity: '翠湖天地', errorCount: 0, households: 4, items: 6 });
    expect(first.preview.sample.map((row) => row.roomLabel)).toEqual(['7栋3单元1504', '7栋3单元1504', '7栋3单元1504', '8栋1单元201', 'A栋1203', '商铺C-21']);

    const second = await importFixture(backend, 'later.csv', { bytes: new TextEncoder().encode(laterCsv) });
    expect(second.preview.suggestedCommunity).toBeNull();
    expect(second.entry.stats).toMatchObject({ newHouseholds: 0, newItems: 1, settledItems: 1 });

    const facets = await call(backend, 'households.facets', {});
    expect(facets.households).toBe(4);
    expect(facets.communities).toEqual([expect.objectContaining({ name: '翠湖天地', households: 4, buildings: ['7', '8', 'A'] })]);
    const inBuilding7 = await call(backend, 'households.list', { community: '翠湖天地', building: '7' });
    expect(inBuilding7.rows).toEqual([expect.objectContaining({ id: '翠湖天地|7-3-1504', roomLabel: '7栋3单元1504' })]);
    const record = await call(backend, 'households.get', { id: '翠湖天地|7-3-1504' });
    expect(record.household).toMatchObject({ building: '7', unit: '3', room: '1504' });
    expect(record.items.map((item) => [item.periodStart, item.dueFen - item.paidFen])).toEqual([
      ['2025-12-01', 20_000],
      ['2025-11-01', 20_000],
      ['2025-10-01', 20_000],
      ['2025-09-01', 0],
    ]);

    const find = async (query: string) => (await call(backend, 'households.search', { query })).hits.map((hit) => hit.id);
    for (const query of ['7-3-1504', '7栋3单元1504', '1504', '07-03-1504', '7幢3单元1504室']) expect((await find(query))[0], query).toBe('翠湖天地|7-3-1504');
    for (const query of ['8-1-201', '8栋1单元0201']) expect((await find(query))[0], query).toBe('翠湖天地|8-1-201');
    for (const query of ['A座1203', 'A-1203']) expect((await find(query))[0], query).toBe('翠湖天地|A-1203');
    for (const query of ['C-21', 'c21', '商铺C21']) expect((await find(query))[0], query).toBe('翠湖天地|商铺C-21');
    backend.close();
  });
});

describe('quick-find through the backend', () => {
  it('finds by pinyin initials, full pinyin, room forms and phone digits', async () => {
    const backend = await freshBackend();
    await importFixture(backend, 'gbk-system-a.csv');
    const find = async (query: string) => (await call(backend, 'households.search', { query })).hits;
    expect((await find('oyl'))[0]).toMatchObject({ id: '观山水|8-2-1203', matched: 'initials' });
    expect((await find('ouyanglan'))[0]).toMatchObject({ id: '观山水|8-2-1203', matched: 'pinyin' });
    expect((await find('8栋2单元1204室'))[0]).toMatchObject({ id: '观山水|8-2-1204', matched: 'room' });
    expect((await find('5678'))[0]).toMatchObject({ id: '观山水|8-2-1203', matched: 'phone' });
    expect((await find('上官'))[0]).toMatchObject({ id: '观山水|商铺A-12', matched: 'name' });
    backend.close();
  });
});
