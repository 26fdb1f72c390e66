/** Writing an analysed import into the ledger: one atomic change, recorded in the import history. */
import { randomBytes } from 'node:crypto';
import { ApiError, type ImportEntry } from '../../contract';
import type { ImportBatch } from '../../../domain/import/batch';
import { mergeBatch, type MergeScope } from '../../../domain/import/merge';
import { shanghaiTimestamp } from '../../../domain/clock';
import type { IsoDate } from '../../../domain/dates';
import type { LedgerStore } from './ledger-store';

export interface CommitOptions {
  fileName: string;
  kind: ImportEntry['kind'];
  scope: MergeScope;
  today: IsoDate;
  errorCount: number;
  missing: string[];
  skipErrorRows: boolean;
}

export const newImportId = (): string => `imp-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export async function commitBatch(ledger: LedgerStore, batch: ImportBatch, options: CommitOptions): Promise<ImportEntry> {
  if (options.missing.length > 0) {
    throw new ApiError({ code: 'VALIDATION', message: `还缺少必需的列：${options.missing.join('、')}。请在列映射中指定后再导入。` });
  }
  if (options.errorCount > 0 && !options.skipErrorRows) {
    throw new ApiError({ code: 'VALIDATION', message: `有 ${options.errorCount} 行数据有错误。请修正文件后重新导入，或选择跳过这些行。台账未被改动。` });
  }
  if (batch.items.length === 0) throw new ApiError({ code: 'VALIDATION', message: '文件中没有可导入的欠费明细。台账未被改动。' });
  const id = newImportId();
  // Merged inside the write, against the ledger as it is then: it may have changed since the preview.
  return ledger.applyImport(() => {
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
