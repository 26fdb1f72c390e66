/** Page model of the 通话 screen: what a steward sees and does during a call, by roles and Chinese labels. */
import type { Locator, Page } from 'playwright-core';

export type Channel = '转账' | '微信' | '支付宝' | '前台' | '上门收取';
const CHANNELS: Channel[] = ['转账', '微信', '支付宝', '前台', '上门收取'];

export class CallScreen {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: '通话' });
  }

  get record(): Locator {
    return this.page.getByRole('region', { name: '欠费档案' });
  }

  /** The step title, once it says `text`. */
  async atStep(text: string | RegExp): Promise<void> {
    await this.page.getByLabel('当前步骤').getByText(text).waitFor();
  }

  /** One press on the record's 开始通话: the backend starts the call and the flow opens. */
  async startFromRecord(): Promise<void> {
    await this.record.getByRole('button', { name: '开始通话' }).click();
    await this.page.getByLabel('当前步骤').waitFor();
  }

  /** 已接通, then 是业主本人: the owner on the line, the call at 告知欠费 (or the broken promise's question). */
  async reachOwner(): Promise<void> {
    await this.press(/已接通/);
    await this.press(/是业主本人/);
  }

  /** The owner answers vaguely (含糊): the call is at 断其后路, ready to pin a date. */
  async toPinning(): Promise<void> {
    await this.reachOwner();
    await this.atStep('告知欠费');
    await this.press(/含糊/);
    await this.atStep(/断其后路/);
  }

  /** A branch or outcome button by its label. */
  async press(label: RegExp): Promise<void> {
    await this.region.getByRole('button', { name: label }).click();
  }

  /** The suggestion shown first, as the steward reads it. */
  async suggestion(): Promise<string> {
    const text = this.region.getByLabel('建议的话').first();
    await text.waitFor();
    return (await text.textContent()) ?? '';
  }

  /** 断其后路 with the mouse: the day as typed (5, 12-5, +2), the amount if not all that is owed, the channel. */
  async pin(promise: { day: string; amount?: string; channel: Channel }): Promise<void> {
    await this.page.getByLabel('缴费日期').fill(promise.day);
    if (promise.amount !== undefined) await this.page.getByLabel('约定金额').fill(promise.amount);
    await this.region.getByText(`${CHANNELS.indexOf(promise.channel) + 1} ${promise.channel}`, { exact: true }).click();
    await this.page.getByRole('button', { name: /确认约定/ }).click();
  }

  /** Ctrl+Enter, then the saved call. */
  async end(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await this.page.getByText('通话已记录').waitFor();
  }
}

/** Keys pressed through it are counted: the keyboard-first path has a budget. */
export class CountingKeyboard {
  count = 0;
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }

  /** Each character is one key. */
  async type(text: string): Promise<void> {
    for (const character of text) await this.press(character);
  }
}
