/**
 * 今日跟进 with the clock moved (the server's --today test mode): a promise two days out is not on today's list
 * and appears on its day (the day before, as a reminder message that is sent and logged); a covering ledger import
 * marks it kept; another, unpaid past the grace day, heads the
 * list as broken and its call opens in the 失约 branch.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CallScreen } from './support/call-screen';
import { HouseholdsPage, Shell } from './support/pages';
import { withApp } from './support/with-app';

const onDay = (today: string) => ({ args: ['--demo-households', '0', '--today', today] });
const env = withApp(onDay('2025-11-10'));
const openOn = (today: string) => env.restart(onDay(today));

let page: Page;
let call: CallScreen;
beforeAll(() => {
  page = env.page;
  call = new CallScreen(page);
});

/** A call that pins a payment two days out, as a steward makes it from Ctrl+K. */
async function promiseTwoDaysOut(room: string): Promise<void> {
  await new Shell(page).find(room);
  await call.startFromRecord();
  await call.toPinning();
  await call.pin({ day: '+2', amount: '1000', channel: '微信' });
  await call.end();
}

describe('今日跟进 with the clock moved', () => {
  it('keeps a promise two days out off today’s list and shows it on its day', async () => {
    await new HouseholdsPage(page).importLedger('gbk-system-a.csv');
    await promiseTwoDaysOut('8-2-1203');
    await promiseTwoDaysOut('8-2-1204');
    await page.getByRole('link', { name: '今日跟进' }).click();
    await page.getByRole('heading', { name: '今日跟进' }).waitFor();
    const list = page.getByRole('table');
    await list.getByText('上官燕').waitFor(); // the shop: this month's reminder round
    if (await list.getByText('欧阳澜').count()) throw new Error('a promise two days out is on today’s list');
    await page.getByLabel('跟进日期').fill('2025-11-12');
    await page.getByLabel('跟进日期').press('Enter');
    await page.getByRole('heading', { name: '2025-11-12 的跟进' }).waitFor();
    await page.getByRole('table').getByRole('row').filter({ hasText: '欧阳澜' }).getByText('承诺到期').waitFor();
    await saveScreenshot(page, 'today-promise-due');
  });

  it('the day before, sends the reminder message and logs it on the record', async () => {
    await openOn('2025-11-11');
    await page.getByRole('link', { name: '今日跟进' }).click();
    const row = page.getByRole('table').getByRole('row').filter({ hasText: '欧阳澜' });
    await row.getByText('到期前提醒').waitFor();
    await row.getByRole('button', { name: /发提醒/ }).click();
    const dialog = page.getByRole('dialog');
    const text = dialog.getByLabel('消息内容');
    await page.waitForFunction(() => (document.querySelector('textarea[aria-label="消息内容"]') as HTMLTextAreaElement | null)?.value.includes('1000元'));
    expect(await text.inputValue()).not.toMatch(/\{[^}]*\}/);
    await saveScreenshot(page, 'today-promise-message');
    await dialog.getByRole('button', { name: /已发送/ }).click();
    await page.getByText('已记录：微信提醒已发送').waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('tbody tr')].some((tr) => tr.textContent?.includes('欧阳澜') && tr.textContent.includes('到期前提醒')));
  });

  it('marks the promise kept after a ledger import that covers it', async () => {
    await openOn('2025-11-12');
    await new HouseholdsPage(page).importLedger('gbk-system-a-newer.csv');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: '查找业主' }).fill('8-2-1203');
    await page.getByRole('option').first().click();
    await page.getByRole('list', { name: '缴费承诺' }).getByText('已兑现').waitFor();
  });

  it('puts the unpaid one first as broken after the grace day, and its call opens in the 失约 branch', async () => {
    await openOn('2025-11-14');
    await page.getByRole('link', { name: '今日跟进' }).click();
    const first = page.getByRole('table').getByRole('row').nth(1);
    await first.getByText('失约').waitFor();
    await first.getByText('司马青').waitFor();
    await saveScreenshot(page, 'today-broken');
    // One key starts the call for the highlighted (first callable) household.
    await page.keyboard.press('Enter');
    await call.reachOwner();
    await call.atStep('上次约定未兑现：先问原因');
    await call.press(/明确拒缴/);
    await page.getByLabel('拒缴原因').fill('说下个月统一处理');
    await page.getByRole('button', { name: /记录原因/ }).click();
    await page.keyboard.press('Control+Enter');
    // After the call, back to the list for the next household.
    await page.getByRole('button', { name: '回到今日跟进，下一户' }).click();
    await page.getByRole('heading', { name: '今日跟进' }).waitFor();
    const called = page.getByRole('table').getByRole('row').filter({ hasText: '司马青' });
    await called.getByText('暂不可拨').waitFor();
    // Called once today: a second call needs a reason, asked on the call page.
    await called.getByRole('button', { name: /仍要拨打/ }).click();
    await page.getByRole('list', { name: '不宜拨打的原因' }).last().getByText('今天已联系 1 次（每天最多 1 次）').waitFor();
    await page.getByRole('form', { name: '仍要拨打' }).waitFor();
  });
});
