/** Writing an analysed import into the ledger: one atomic change, recorded in the import history. */
import { randomBytes } from 'node:crypto';
import { ApiError, type ImportEntry } from '../../contract';
import type { ImportBatch } from '../../../domain/import/batch';
import { importCommitProblem } from '../../../domain/import/commit-rule';
import { mergeBatch, type MergeScope } from '../../../domain/import/merge';
import { shanghaiTimestamp } from '../../../domain/clock';
import type { IsoDate } from '../../../domain/dates';
import type { LedgerRepository } from '../ports';

export interface CommitOptions {
  fileName: string;
  kind: ImportEntry['kind'];
  scope: MergeScope;
  today: IsoDate;
  errorCount: number;
  missing: string[];
  skipErrorRows: boolean;
  /** Demo data: refused (CONFLICT, inside the write) once the ledger holds any household. */
  intoEmptyLedgerOnly?: boolean;
}

/** Demo data goes only into a ledger without households. */
export function refuseUnlessEmpty(ledger: LedgerRepository): void {
  if (ledger.householdCount > 0) throw new ApiError({ code: 'CONFLICT', message: '台账里已有房屋：演示数据只能生成到空的台账里（换一个空的数据目录）。' });
}

export const newImportId = (): string => `imp-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export async function commitBatch(ledger: LedgerRepository, batch: ImportBatch, options: CommitOptions): Promise<ImportEntry> {
  const problem = importCommitProblem({ missing: options.missing, errorCount: options.errorCount, items: batch.items.length }, options.skipErrorRows);
  if (problem) throw new ApiError({ code: 'VALIDATION', message: problem });
  const id = newImportId();
  // Merged inside the write, against the ledger as it is then: it may have changed since the preview.
  return ledger.applyImport(() => {
    if (options.intoEmptyLedgerOnly) refuseUnlessEmpty(ledger);
    const plan = mergeBatch(ledger, batch, { importId: id, today: options.today, scope: options.scope });
    const entry = {
      id,
      at: shanghaiTimestamp(),
      kind: options.kind,
      fileName: options.fileName,
      skippedErrorRows: options.skipErrorRows ? options.errorCount : 0,
      stats: plan.stats,
    };
    return { plan, entry };
  });
}
