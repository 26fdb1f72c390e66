/** Demo data for a first run (and `npm run demo-data`): generated, recorded as an undoable "import". */
import type { ImportEntry } from '../../contract';
import { generateDemo } from '../../../domain/demo/generate-demo';
import { commitBatch, refuseUnlessEmpty } from './commit-import';
import type { LedgerRepository } from '../ports';
import type { IsoDate } from '../../../domain/dates';

export const DEMO_FILE_NAME = '演示数据（自动生成）';

export async function seedDemoData(ledger: LedgerRepository, options: { households: number; today: IsoDate; seed?: number }): Promise<ImportEntry> {
  refuseUnlessEmpty(ledger); // before generating: checked again inside the write
  const demo = generateDemo({ households: options.households, today: options.today, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const batch = { households: demo.households, items: demo.items, duplicates: [], errors: [] };
  return commitBatch(ledger, batch, {
    fileName: DEMO_FILE_NAME,
    kind: 'demo',
    scope: 'household',
    today: options.today,
    errorCount: 0,
    missing: [],
    skipErrorRows: false,
    intoEmptyLedgerOnly: true,
  });
}
