/** The back-office CLI, run as a user would: the built bundle in a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { neutralise } from '../../electron/cli/export-arrears';
import { snapshotDir, tempDir } from '../helpers/fs';
import { fixturePath } from '../helpers/ledger';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/electron/cli.cjs');

beforeAll(() => {
  if (process.env.CALL_COACH_SKIP_BUILD !== '1') execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--electron-only'], { stdio: 'ignore' });
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('cli import --json', () => {
  it('prints one JSON object with households, items, the total owed and no errors', () => {
    const dataDir = tempDir();
    const result = run('import', fixturePath('gbk-system-a.csv'), '--data-dir', dataDir, '--json');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: true, committed: true, households: 3, items: 5, totalOwedFen: 708_800, errors: [] });
  });

  it('lists row errors, exits 1 and writes nothing', () => {
    const dataDir = tempDir();
    run('import', fixturePath('gbk-system-a.csv'), '--data-dir', dataDir);
    const before = snapshotDir(path.join(dataDir, 'ledger'));
    const result = run('import', fixturePath('bad-rows.csv'), '--data-dir', dataDir, '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, committed: false, errorCount: 5 });
    expect(report.errors[0]).toEqual({ sheet: 'CSV', row: 2, column: '应收', reason: '无法识别的金额「abc」' });
    expect(snapshotDir(path.join(dataDir, 'ledger'))).toEqual(before);
  });

  it('says in Chinese that a file is not there, in JSON too, and exits 1', () => {
    const result = run('import', path.join(tempDir(), 'no-such-export.csv'), '--data-dir', tempDir(), '--json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^找不到文件「.*no-such-export\.csv」$/) });
  });

  it('reports a hostile file as an error in JSON', () => {
    const result = run('import', fixturePath('hostile-legacy.xls'), '--data-dir', tempDir(), '--json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: expect.stringContaining('旧版 Excel') });
  });
});

describe('cli demo-data and doctor --forget, through the backend\'s dispatch', () => {
  it('generates demo data into an empty folder only, refused by the backend otherwise', () => {
    const dataDir = tempDir();
    const made = run('demo-data', '--households', '20', '--seed', '7', '--data-dir', dataDir);
    expect(made.status).toBe(0);
    expect(made.stderr).toMatch(/已生成 20 户/);
    const again = run('demo-data', '--households', '20', '--data-dir', dataDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('演示数据只能生成到空的台账里');
    expect(run('demo-data', '--households', '0', '--data-dir', tempDir()).status).toBe(2);
  });

  it('forgets only a file that is really missing; the refusal is the backend\'s', () => {
    const dataDir = tempDir();
    run('import', fixturePath('gbk-system-a.csv'), '--data-dir', dataDir);
    const refused = run('doctor', '--forget', 'scripts.json', '--data-dir', dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不是一个不见了的数据文件');
    rmSync(path.join(dataDir, 'import-mappings.json'));
    const doctor = run('doctor', '--data-dir', dataDir);
    expect(doctor.status).toBe(1);
    expect(doctor.stderr).toContain('import-mappings.json');
    expect(run('doctor', '--forget', 'import-mappings.json', '--data-dir', dataDir).status).toBe(0);
    expect(run('doctor', '--data-dir', dataDir).status).toBe(0);
  });
});

describe('cli export, backup, doctor', () => {
  it('exports unpaid items with phones masked, then backs up and checks the data', () => {
    const dataDir = tempDir();
    run('import', fixturePath('gbk-system-a.csv'), '--data-dir', dataDir);
    const out = path.join(tempDir(), 'arrears.csv');
    expect(run('export', 'arrears', '--out', out, '--data-dir', dataDir).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(text).toContain('100****5678');
    expect(text).not.toContain('10012345678');
    const backup = path.join(tempDir(), 'copy');
    expect(run('backup', '--out', backup, '--data-dir', dataDir).status).toBe(0);
    expect(run('doctor', '--data-dir', backup).status).toBe(0);
    const manifest = path.join(backup, 'ledger', 'manifest.json');
    execFileSync('sh', ['-c', `printf '{ broken' > '${manifest}'`]);
    const doctor = run('doctor', '--data-dir', backup);
    expect(doctor.status).toBe(1);
    expect(doctor.stderr).toContain('manifest.json');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutralise('+86')).toBe(`'+86`);
    expect(neutralise('-1')).toBe(`'-1`);
    expect(neutralise('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralise('张三')).toBe('张三');
  });

  describe('formula-like owner names', () => {
    const owners = ['-1+2', '=HYPERLINK("http://x","点我")'];

    /** A data folder whose ledger has one household per owner name above. */
    function ledgerWithFormulaLikeOwners(): string {
      const dataDir = tempDir();
      const source = path.join(tempDir(), 'owners.csv');
      const header = ['房号', '业主', '收费项目', '所属期间', '应收', '实收', '欠费'];
      const lines = owners.map((owner, index) => [`8-2-120${index + 1}`, owner, '物业费', '2025-10', '100', '0', '100']);
      writeFileSync(source, Papa.unparse([header, ...lines]));
      expect(run('import', source, '--data-dir', dataDir).status).toBe(0);
      return dataDir;
    }

    function exportTo(dataDir: string, name: string): string {
      const out = path.join(tempDir(), name);
      expect(run('export', 'arrears', '--out', out, '--data-dir', dataDir).status).toBe(0);
      return out;
    }

    it('XLSX keeps the text exactly, as string cells, never formulas', async () => {
      const out = exportTo(ledgerWithFormulaLikeOwners(), 'arrears.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.getWorksheet('欠费明细')!;
      const ownerColumn = sheet.getColumn(3).values.slice(2);
      expect(ownerColumn).toEqual(owners);
      for (let row = 2; row <= owners.length + 1; row += 1) {
        const cell = sheet.getCell(row, 3);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    });

    it('CSV prefixes them with an apostrophe', () => {
      const out = exportTo(ledgerWithFormulaLikeOwners(), 'arrears.csv');
      const parsed = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true });
      expect(parsed.data.slice(1).map((row) => row[2])).toEqual(owners.map((owner) => `'${owner}`));
    });
  });
});
