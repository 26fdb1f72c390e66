/**
 * Working 今日跟进 the way a steward does: hand a household to a colleague and filter by who owns it; mark a
 * notice issued with a reason and take it back; snooze a household and see it return on its day.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, saveScreenshotsAtReviewSizes } from './support/browser';
import { HouseholdsPage, QueuePage } from './support/pages';
import { withApp } from './support/with-app';

const env = withApp({ args: ['--demo-households', '0', '--today', '2025-11-26'] });
let page: Page;

const table = () => page.getByRole('table');
const rowWith = (text: string) => table().getByRole('row').filter({ hasText: text });

beforeAll(async () => {
  page = env.page;
  await new HouseholdsPage(page).importLedger('gbk-system-a.csv');
  await new QueuePage(page).open();
});

describe('working the queue', () => {
  it('hands a household to a colleague from the roster and filters by owner', async () => {
    await page.getByRole('button', { name: '团队设置' }).click();
    const roster = page.getByLabel('管家名单');
    await roster.fill('李娜');
    await roster.press('Enter');
    await page.getByText('合规检查词').scrollIntoViewIfNeeded();
    await saveScreenshotsAtReviewSizes(page, 'today-team-settings-lint-words');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('团队设置已保存').waitFor();

    const first = table().getByRole('row').nth(1);
    const owner = (await first.locator('td').nth(1).innerText()).trim().split(/\s+/).pop()!;
    await first.click();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('转给其他管家').waitFor();
    await dialog.getByLabel('转给').click();
    await page.getByTitle('李娜').click();
    await dialog.getByLabel('原因').fill('李娜熟悉这户');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已转交').waitFor();
    await rowWith(owner).getByText('李娜').waitFor();

    await page.getByLabel('负责人').click();
    await page.getByTitle('李娜', { exact: true }).last().click();
    await rowWith(owner).waitFor();
    expect(await table().getByRole('row').count()).toBe(2); // the header and the one household
    await saveScreenshot(page, 'today-filtered-by-owner');
    await page.getByLabel('负责人').click();
    await page.getByTitle('全部负责人').click();
  });

  it('marks a notice issued with a reason, and undo brings it back', async () => {
    const noticeRow = rowWith('应发').first();
    const owner = (await noticeRow.locator('td').nth(1).innerText()).trim().split(/\s+/).pop()!;
    await noticeRow.getByRole('button', { name: /^完成/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('标记完成').waitFor();
    await saveScreenshot(page, 'today-complete-dialog');
    await dialog.getByText('已张贴并拍照留存').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已标记完成').waitFor();
    await page.waitForFunction((name) => ![...document.querySelectorAll('tr')].some((tr) => tr.textContent?.includes(name) && tr.textContent.includes('应发')), owner);
    await page.locator('.ant-message-notice').filter({ hasText: '已标记完成' }).getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByText('已撤销').waitFor();
    await rowWith(owner).filter({ hasText: '应发' }).waitFor();
  });

  it('issues a 限期缴费通知书 with the deadline printed on it, and it leaves the list', async () => {
    const noticeRow = rowWith('应发限期缴费通知书').first();
    const owner = (await noticeRow.locator('td').nth(1).innerText()).trim().split(/\s+/).pop()!;
    await noticeRow.getByRole('button', { name: /^完成/ }).click();
    const dialog = page.getByRole('dialog');
    // 15 days ahead by default, within 7–60 days.
    expect(await dialog.getByLabel('缴费期限').inputValue()).toBe('2025-12-11');
    await dialog.getByText('已张贴并拍照留存').click();
    await saveScreenshotsAtReviewSizes(page, 'today-issue-deadline-notice');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已标记完成').waitFor();
    await page.waitForFunction((name) => ![...document.querySelectorAll('tr')].some((tr) => tr.textContent?.includes(name) && tr.textContent.includes('应发限期缴费通知书')), owner);
  });

  it('snoozes a household: gone today, back on the chosen day', async () => {
    const row = table().getByRole('row').nth(1);
    const owner = (await row.locator('td').nth(1).innerText()).trim().split(/\s+/).pop()!;
    await row.getByRole('button', { name: /^暂缓/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('业主出差 / 在外地').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已暂缓').waitFor();
    await page.waitForFunction((name) => ![...document.querySelectorAll('tbody tr')].some((tr) => tr.textContent?.includes(name)), owner);
    // The default: three days later.
    await page.getByLabel('跟进日期').fill('2025-11-29');
    await page.getByLabel('跟进日期').press('Enter');
    await page.getByRole('heading', { name: '2025-11-29 的跟进' }).waitFor();
    await rowWith(owner).waitFor();
    // The record keeps what was done, by whom and why.
    await rowWith(owner).dblclick();
    const done = page.getByRole('list', { name: '跟进处理记录' });
    await done.getByText(/暂缓 到 2025-11-29：业主出差 \/ 在外地/).waitFor();
    await done.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'record-follow-up-actions');
  });
});
