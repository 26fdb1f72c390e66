import type { Page } from 'playwright-core';
import { fixturePath } from '../../helpers/ledger';

/** Imports a ledger fixture through 业主欠费 → 导入台账, the way a steward does, and closes the dialog. */
export async function importLedger(page: Page, fixture: string): Promise<void> {
  await page.getByRole('link', { name: '业主欠费' }).click();
  // The toolbar's button (an empty ledger shows a second one in its empty state).
  await page.getByRole('button', { name: /导入台账/ }).first().click();
  await page.locator('input[type=file]').setInputFiles(fixturePath(fixture));
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByText('导入完成').waitFor();
  await page.getByRole('button', { name: /完\s*成/ }).click();
}
