import type { Page } from 'playwright-core';
import { HouseholdsPage } from './pages';

/** Imports a ledger fixture through 业主欠费 → 导入台账, the way a steward does, and closes the dialog. */
export const importLedger = (page: Page, fixture: string): Promise<void> => new HouseholdsPage(page).importLedger(fixture);
