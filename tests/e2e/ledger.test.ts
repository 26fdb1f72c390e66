/**
 * A steward imports a billing export through the UI, finds an owner by pinyin initials with Ctrl+K,
 * opens the arrears record and sees the right total; the demo ledger is there from the first start.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/ledger';
import { withApp } from './support/with-app';
import { saveScreenshot } from './support/browser';

const env = withApp();
let page: Page;
beforeAll(() => {
  page = env.page;
});

describe('业主欠费', () => {
  it('shows the generated demo ledger on a first start, sorted by amount owed', async () => {
    await page.getByRole('link', { name: '业主欠费' }).click();
    await page.getByText('欠费户数').waitFor();
    await page.getByText('/ 3,000 户').waitFor({ timeout: 5000 });
    await page.getByText('在左侧选择一户').waitFor();
  });

  it('imports an XLSX export through the preview, all at once', async () => {
    await page.getByRole('button', { name: /导入台账/ }).click();
    await page.locator('input[type=file]').setInputFiles(fixturePath('titled-merged-header.xlsx'));
    await page.getByLabel('小区名称').fill('枫林雅苑');
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByText('可以导入').waitFor();
    const summary = page.getByRole('dialog');
    await summary.getByText('¥874.30').waitFor({ timeout: 5000 });
    await summary.getByText('3 户', { exact: true }).waitFor({ timeout: 5000 });
    await summary.getByText('欠费明细 / 第 5 行').waitFor({ timeout: 5000 });
    await saveScreenshot(page, 'ledger-import-preview');
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText('导入完成').waitFor();
    await page.getByRole('button', { name: /完\s*成/ }).click();
  });

  it('finds the owner by pinyin initials with Ctrl+K and opens the record with the right total', async () => {
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: '查找业主' });
    await box.fill('zgm');
    const option = page.getByRole('option').filter({ hasText: '枫林雅苑' }).filter({ hasText: '诸葛明' });
    await option.waitFor();
    await option.getByText('首字母').waitFor({ timeout: 5000 });
    await option.click();
    const record = page.getByRole('region', { name: '欠费档案' });
    await record.getByText('枫林雅苑 3栋1单元502').waitFor();
    await record.getByText('¥393.80').first().waitFor({ timeout: 5000 });
    expect(await record.locator('.ant-statistic').filter({ hasText: '欠费月数' }).textContent()).toMatch(/欠费月数\s*2\s*个月/);
    expect(decodeURIComponent(page.url())).toContain('#/households/枫林雅苑|3-1-502');
  });

  it('shows phones masked, reveals one on request and logs who looked', async () => {
    const record = page.getByRole('region', { name: '欠费档案' });
    await record.getByText('100****7777').waitFor({ timeout: 5000 });
    expect(await page.content()).not.toContain('10066667777');
    await record.getByRole('button', { name: '显示号码 100****7777' }).click();
    await record.getByText('10066667777').waitFor();
    await record.getByText('号码查看记录（1）').waitFor();
    await saveScreenshot(page, 'ledger-record');
  });

  it('finds the same household by a room written another way', async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: '查找业主' }).fill('枫林雅苑 5栋1单元0301室');
    await page.getByRole('option').filter({ hasText: '皇甫松' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: '欠费档案' }).getByText('枫林雅苑 5栋1单元301').waitFor();
  });

  it('undoes the import from 导入记录', async () => {
    await page.getByRole('button', { name: /导入记录/ }).click();
    await page.getByText('titled-merged-header.xlsx').waitFor();
    await page.getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByRole('button', { name: /撤\s*销/ }).last().click();
    await page.getByText('已撤销', { exact: true }).waitFor();
  });
});
