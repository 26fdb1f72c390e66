/**
 * A team lead edits a script: the compliance lint blocks a line threatening to cut the water, the fixed
 * version saves, is found by pinyin initials, is exported, and imports into a fresh data directory.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fs';
import { saveScreenshot } from './support/browser';
import { withApp } from './support/with-app';

const FIXED = '{称呼}您好，我是{物业公司}的管家{管家姓名}。物业不会因为欠费停水停电，想跟您约个方便的缴费时间。';

// The lead's desk, and a second desk with a fresh data folder the exported library is imported into.
const env = withApp({ args: ['--demo-households', '50'], also: [{ args: ['--demo-households', '50'] }] });
let page: Page;
let exported: string;
beforeAll(() => {
  page = env.page;
});

const editor = () => page.getByRole('region', { name: '编辑话术' });

describe('话术库', () => {
  it('blocks a line that threatens to cut the water, naming the phrase and the law', async () => {
    await page.getByRole('link', { name: '话术库' }).click();
    await page.getByRole('region', { name: '话术列表' }).getByText('温和开场', { exact: true }).click();
    await editor().getByLabel('话术内容').fill('{称呼}您好，这个月再不交，下周就停您家的水。');
    await editor().getByText('不能保存：「停您家的水」').waitFor();
    await editor().getByText(/民法典第944条/).waitFor();
    expect(await editor().getByRole('button', { name: /保\s*存/ }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'scripts-blocked');
  });

  it('saves the fixed version as version 2 with a note', async () => {
    await editor().getByLabel('话术内容').fill(FIXED);
    await editor().getByText('合规检查通过').waitFor();
    await editor().getByLabel('预览文本').getByText(/王业主您好/).waitFor();
    await editor().getByLabel('修改说明').fill('说明不会停水停电');
    await editor().getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存为第 2 版').waitFor();
    await editor().getByRole('button', { name: /版本历史（2）/ }).click();
    await page.getByText('说明不会停水停电').waitFor();
    await saveScreenshot(page, 'scripts-history');
    await page.keyboard.press('Escape');
  });

  it('finds it by the pinyin initials of its title', async () => {
    await page.getByLabel('搜索话术').fill('whkc');
    const list = page.getByRole('region', { name: '话术列表' });
    await list.getByText('温和开场', { exact: true }).waitFor();
    expect(await list.locator('.ant-list-item').count()).toBe(1);
  });

  it('exports the library to a file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出话术库/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^话术库-\d{4}-\d{2}-\d{2}\.json$/);
    exported = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(exported);
  });

  it('imports into a fresh data directory with a report, and the edit arrives', async () => {
    await page.goto(env.others[0]!.url);
    await page.getByRole('link', { name: '话术库' }).click();
    await page.getByRole('navigation', { name: '话术环节' }).waitFor();
    await page.locator('input[type=file][accept=".json"]').setInputFiles(exported);
    const report = page.getByRole('dialog');
    await report.getByText('更新（1）').waitFor();
    await report.getByText('温和开场').waitFor();
    await saveScreenshot(page, 'scripts-import-report');
    await report.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText(/已导入：新增 0 条，更新 1 条/).waitFor();
    await page.getByRole('region', { name: '话术列表' }).getByText('温和开场', { exact: true }).click();
    expect(await editor().getByLabel('话术内容').inputValue()).toBe(FIXED);
  });
});
