/**
 * Calls as a steward makes them: “过两天” pinned to a date two days out; a leak that becomes a repair ticket and
 * pauses collection; a call killed mid-way that resumes after a restart.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates';
import { todayInShanghai } from '../../domain/clock';
import { makeDataDir, startApp, type RunningApp } from './support/app-server';
import { openBrowser, saveScreenshot } from './support/browser';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const dataDir = makeDataDir();

/** Opens the n-th owing household (sorted by amount owed) and returns its title. */
async function openHousehold(index: number): Promise<string> {
  await page.getByRole('link', { name: '业主欠费' }).click();
  // The households page's own rows: right after the click on 业主欠费, 今日跟进's table may still be on screen.
  await page.locator('.households-page .ant-table-row').nth(index).click();
  const title = page.getByRole('region', { name: '欠费档案' }).locator('h4').first();
  await title.waitFor();
  return (await title.textContent())!.trim();
}

async function startCall(): Promise<void> {
  await page.getByRole('region', { name: '欠费档案' }).getByRole('button', { name: '开始通话' }).click();
  await page.getByRole('button', { name: '开始通话' }).click();
  await page.getByLabel('当前步骤').waitFor();
}

const press = async (label: RegExp) => page.getByRole('region', { name: '通话' }).getByRole('button', { name: label }).click();

beforeAll(async () => {
  app = await startApp({ dataDir, args: ['--demo-households', '60'] });
  browser = await openBrowser();
  page = browser.page;
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('通话', () => {
  it('pins “过两天” to a date two days out, and the record shows the promise and the contact', async () => {
    const title = await openHousehold(0);
    await startCall();
    await press(/已接通/);
    await press(/是业主本人/);
    await page.getByLabel('当前步骤').getByText('告知欠费').waitFor();
    await press(/含糊/);
    await page.getByLabel('当前步骤').getByText(/断其后路/).waitFor();
    // Any script is a search away during the call.
    await page.getByLabel('查找话术').fill('分期');
    await page.locator('.ant-select-item-option').filter({ hasText: '提出分期方案' }).click();
    await page.getByRole('tab', { name: '查找：提出分期方案' }).waitFor();
    // A promise without a date is refused, in words.
    await page.getByRole('button', { name: /确认约定/ }).click();
    await page.getByText('请约定具体的缴费日期（“过两天”不算数）').waitFor();
    await page.getByRole('button', { name: '2 天后' }).click();
    await page.getByLabel('缴费方式').click();
    await page.getByTitle('微信').click();
    await page.getByRole('button', { name: /确认约定/ }).click();
    await page.getByLabel('当前步骤').getByText(/复述约定/).waitFor();
    await page.getByText(/那我们说定了/).waitFor();
    await saveScreenshot(page, 'call-close');
    await page.keyboard.press('Control+Enter');
    await page.getByText('通话已记录').waitFor();
    await page.getByRole('button', { name: '返回欠费档案' }).click();
    const record = page.getByRole('region', { name: '欠费档案' });
    await record.getByText(title).waitFor();
    const due = addDays(todayInShanghai(), 2);
    await record.getByRole('list', { name: '缴费承诺' }).getByText(new RegExp(`${due} 通过微信缴`)).waitFor();
    await record.getByText(/电话 · 承诺缴费/).waitFor();
    await record.getByRole('list', { name: '跟进任务' }).getByText(new RegExp(`${due} 核对承诺`)).waitFor();
  });

  it('turns a leak into a repair ticket and a revisit, and pauses collection calls until then', async () => {
    await openHousehold(1);
    await startCall();
    await press(/已接通/);
    await press(/是业主本人/);
    await page.getByRole('button', { name: /提出异议/ }).click();
    await page.getByLabel('当前步骤').getByText('处理异议').waitFor();
    await page.getByLabel('报修位置').fill('主卧顶棚');
    await page.getByLabel('业主原话').fill('楼上漏水两个月了，一直没人来修');
    await page.getByRole('button', { name: /记录报修/ }).click();
    await page.getByText(/已记录 1 条诉求/).waitFor();
    await press(/结束（诉求已记录）/);
    await page.keyboard.press('Control+Enter');
    await page.getByText('通话已记录').waitFor();
    await page.getByRole('button', { name: '返回欠费档案' }).click();
    const record = page.getByRole('region', { name: '欠费档案' });
    const revisit = addDays(todayInShanghai(), 3);
    await record.getByRole('list', { name: '诉求与异议' }).getByText(/漏水渗水（主卧顶棚）/).waitFor();
    await record.getByRole('list', { name: '跟进任务' }).getByText(new RegExp(`${revisit} 维修回访`)).waitFor();
    expect(await record.getByRole('button', { name: '开始通话' }).isDisabled()).toBe(true);
    await page.goto(`${app.origin}/#/call/${encodeURIComponent(decodeURIComponent(page.url().split('#/households/')[1]!))}`);
    await page.getByText('暂停催缴').waitFor();
    expect(await page.getByRole('button', { name: '开始通话' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'call-paused');
  });

  it('resumes a call killed mid-way after a restart', async () => {
    await openHousehold(2);
    await startCall();
    await press(/已接通/);
    await press(/是业主本人/);
    await press(/含糊/);
    await page.getByLabel('当前步骤').getByText(/断其后路/).waitFor();
    await page.getByLabel('通话备注').fill('业主说下班后再说');
    await page.waitForTimeout(300); // the draft is saved on every step
    await app.kill();
    app = await startApp({ dataDir, args: ['--demo-households', '60'] });
    await page.goto(app.url);
    await page.getByRole('link', { name: '通话' }).click();
    await page.getByText('有一通未完成的通话').waitFor();
    await page.getByRole('button', { name: '继续通话' }).click();
    await page.getByLabel('当前步骤').getByText(/断其后路/).waitFor();
    expect(await page.getByLabel('通话备注').inputValue()).toBe('业主说下班后再说');
  });
});
