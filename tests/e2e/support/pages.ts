/** Page models of the main screens, by accessible roles and Chinese labels, as a steward finds them. */
import type { Locator, Page } from 'playwright-core';
import { fixturePath } from '../../helpers/ledger';

/** The navigation and Ctrl+K, shared by every screen. */
export class Shell {
  constructor(protected readonly page: Page) {}

  async go(area: '今日跟进' | '业主欠费' | '通话' | '话术库' | '报表' | '关于/状态'): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: area }).click();
  }

  /** Ctrl+K, the room typed, the first hit opened: the household's record. */
  async find(room: string): Promise<RecordPanel> {
    await this.page.keyboard.press('Control+k');
    await this.page.getByRole('combobox', { name: '查找业主' }).fill(room);
    await this.page.getByRole('option').first().click();
    const record = new RecordPanel(this.page);
    await record.title.waitFor();
    return record;
  }
}

/** 欠费档案: one household's arrears, contacts and follow-ups. */
export class RecordPanel {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: '欠费档案' });
  }

  get title(): Locator {
    return this.region.locator('h4').first();
  }

  async titleText(): Promise<string> {
    await this.title.waitFor();
    return ((await this.title.textContent()) ?? '').trim();
  }
}

/** 业主欠费: the households list and 导入台账. */
export class HouseholdsPage extends Shell {
  /** Opens the n-th row of the list (sorted by amount owed) and returns its record. */
  async open(index: number): Promise<RecordPanel> {
    await this.go('业主欠费');
    // The households page's own rows: right after the click, 今日跟进's table may still be on screen.
    await this.page.locator('.households-page .ant-table-row').nth(index).click();
    const record = new RecordPanel(this.page);
    await record.title.waitFor();
    return record;
  }

  /** 导入台账 with a fixture file, the way a steward does, and the dialog closed. */
  async importLedger(fixture: string): Promise<void> {
    await this.go('业主欠费');
    // The toolbar's button (an empty ledger shows a second one in its empty state).
    await this.page.getByRole('button', { name: /导入台账/ }).first().click();
    await this.page.locator('input[type=file]').setInputFiles(fixturePath(fixture));
    await this.page.getByRole('button', { name: /下一步/ }).click();
    await this.page.getByRole('button', { name: /确认导入/ }).click();
    await this.page.getByText('导入完成').waitFor();
    await this.page.getByRole('button', { name: /完\s*成/ }).click();
  }
}

/** 今日跟进: the day's queue. */
export class QueuePage extends Shell {
  async open(): Promise<void> {
    await this.go('今日跟进');
    await this.page.getByRole('heading', { name: '今日跟进' }).waitFor();
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
}

/** 话术库: the stages and the scripts of one. */
export class LibraryPage extends Shell {
  async open(): Promise<void> {
    await this.go('话术库');
    await this.page.getByRole('navigation', { name: '话术环节' }).waitFor();
  }
}
