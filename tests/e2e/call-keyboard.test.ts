/**
 * The call from the keyboard alone, as a steward with one hand on the phone: from 今日跟进, “过两天” pinned to a
 * date and the call ended in a dozen keys; and at 1280×720 (many stewards' laptops) the step, the suggestion, the
 * branch keys, the outcomes and 结束通话 are on screen without scrolling. Screenshots of each main step at
 * 1280×720 and 1440×900.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshotsAtReviewSizes } from './support/browser';
import { withApp } from './support/with-app';
import { CallScreen, CountingKeyboard } from './support/call-screen';

// A Tuesday after the 5th: the month's reminder round puts owing households on the list, callable at 10:00.
const TODAY = '2026-12-08';
const env = withApp({ args: ['--demo-households', '40', '--today', TODAY], open: false });
let page: Page;
let call: CallScreen;

beforeAll(() => {
  page = env.page;
  call = new CallScreen(page);
});

const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/** Whether the element lies wholly inside the window (no scrolling needed to see it). */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** From 今日跟进: start the first row's call with Enter, the owner answers (A), past the opening (O). */
async function reachTheReminder(): Promise<void> {
  await page.goto(env.app.url);
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await page.keyboard.press('Enter');
  await call.atStep('拨号中');
  await page.keyboard.press('a');
  await page.keyboard.press('o');
  await call.atStep('告知欠费');
}

describe('a call from the keyboard', () => {
  it('runs “过两天” → a pinned promise → the end from 今日跟进 in at most 12 keys after the call starts', async () => {
    await page.goto(env.app.url);
    await page.getByRole('heading', { name: '今日跟进' }).waitFor();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    const keys = new CountingKeyboard(page);
    await keys.press('Enter'); // the highlighted household: the backend starts its call
    await call.atStep('拨号中');
    keys.count = 0;

    await keys.press('a');
    await call.atStep(/开场/);
    await keys.press('o');
    await call.atStep('告知欠费');
    await keys.press('v');
    await call.atStep(/断其后路/);
    expect(await focusedLabel()).toBe('缴费日期'); // focus lands in the date field
    await keys.type('12'); // the 12th: 2026-12-12
    await page.getByText('12月12日周六（2026-12-12）').waitFor();
    await keys.press('Enter');
    expect(await focusedLabel()).toBe('约定金额');
    await keys.press('Enter'); // the whole amount owed, as offered
    await keys.press('2'); // 微信
    await keys.press('Enter');
    await call.atStep(/复述约定/);
    expect(await call.suggestion()).toMatch(/^那我们就说定了：12月12日周六，用微信缴\d+(\.\d+)?元。/);
    await keys.press('Control+Enter');
    await page.getByText('通话已记录').waitFor();
    expect(await focusedLabel()).toContain('回到今日跟进，下一户');
    await keys.press('Enter');
    await page.getByRole('heading', { name: '今日跟进' }).waitFor();
    expect(keys.count).toBeLessThanOrEqual(12);
    console.log(`keyboard path: ${keys.count} keys after the call started`);
  });

  it('ends from inside the notes with Ctrl+Enter, and the owner hanging up takes one key from any step', async () => {
    await reachTheReminder();
    await page.keyboard.press('q');
    await call.atStep('业主挂断：记下情况，结束');
    await page.getByLabel('通话备注').fill('说了一半就挂了');
    await page.getByLabel('通话备注').press('Control+Enter');
    await page.getByText('通话已记录').waitFor();
    await page.getByText('结果：业主中途挂断').waitFor();
  });
});

describe('the call screen at 1280×720', () => {
  it('keeps the step, the suggestion, the branch keys, the outcomes and 结束通话 in view, and looks right at both sizes', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(env.app.url);
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await page.keyboard.press('Enter');
    await call.atStep('拨号中');
    await page.keyboard.press('a');
    await call.atStep(/开场/);
    await saveScreenshotsAtReviewSizes(page, 'call-1-opening');
    await page.keyboard.press('o');
    await call.atStep('告知欠费');
    for (const element of [page.getByLabel('当前步骤'), call.region.getByLabel('建议的话').first(), call.region.getByRole('button', { name: /含糊/ }), call.region.getByRole('button', { name: /结束通话/ })]) {
      expect(await inView(element), (await element.textContent()) ?? undefined).toBe(true);
    }
    await saveScreenshotsAtReviewSizes(page, 'call-2-reminder');
    await page.keyboard.press('v');
    await call.atStep(/断其后路/);
    expect(await inView(page.getByLabel('缴费日期'))).toBe(true);
    expect(await inView(call.region.getByRole('button', { name: /确认约定/ }))).toBe(true);
    expect(await inView(call.region.getByRole('button', { name: /结束通话/ }))).toBe(true);
    await saveScreenshotsAtReviewSizes(page, 'call-3-pin');
    await page.getByLabel('缴费日期').fill('+3');
    await page.getByLabel('约定金额').fill('300');
    await call.region.getByText('1 转账', { exact: true }).click();
    await page.getByRole('button', { name: /确认约定/ }).click();
    await call.atStep(/复述约定/);
    for (const element of [call.region.getByLabel('建议的话').first(), call.region.getByRole('button', { name: /承诺缴费/ }), call.region.getByRole('button', { name: /结束通话/ })]) {
      expect(await inView(element), (await element.textContent()) ?? undefined).toBe(true);
    }
    // Only part of what is owed was pinned: the rest can be planned.
    await call.region.getByText(/还有 .* 没有约定/).waitFor();
    await saveScreenshotsAtReviewSizes(page, 'call-4-close-partial');
    await call.region.getByRole('button', { name: /剩余分期约定/ }).click();
    await call.atStep(/分期/);
    await saveScreenshotsAtReviewSizes(page, 'call-5-instalment-rest');
    await page.getByLabel('通话备注').press('Control+Enter'); // not allowed yet: no plan
    await call.atStep(/分期/);
    await call.region.getByRole('button', { name: /业主挂断/ }).click();
    await call.end();
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  it('shows the repair objection step with its form, and after it the scripts that name the revisit date', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await reachTheReminder();
    await page.keyboard.press('g');
    await call.atStep('处理异议');
    await saveScreenshotsAtReviewSizes(page, 'call-6-objection-repair');
    await page.getByLabel('报修位置').fill('厨房水管');
    await page.getByLabel('业主原话').fill('厨房水管一直滴水');
    await page.getByRole('button', { name: /记录报修/ }).click();
    await page.getByText(/已记录 1 条诉求/).waitFor();
    expect(await call.suggestion()).toMatch(/前会安排师傅上门/);
    await saveScreenshotsAtReviewSizes(page, 'call-7-repair-recorded');
    await call.press(/结束，选择结果/);
    await call.end();
    await page.setViewportSize({ width: 1366, height: 800 });
  });
});
