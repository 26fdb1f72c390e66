/**
 * 欠费明细 for export: every unpaid item as a row of text, phones masked (ledger.exportArrears). The CLI writes them to
 * a spreadsheet safely (export-arrears.ts).
 */
import { inScope } from '../../../domain/roles';
import { owedOf, periodLabel } from '../../../domain/ledger';
import { maskPhone } from '../../../domain/phone';
import { formatFen } from '../../../domain/money';
import type { LedgerRepository } from '../ports';

export const EXPORT_HEADERS = ['小区', '房号', '业主', '电话', '房屋类型', '收费项目', '所属期间', '应收', '实收', '欠费', '滞纳金', '缴费限期', '欠费月数'];

export function arrearsRows(ledger: LedgerRepository, community?: string, scope: ReadonlySet<string> | null = null): string[][] {
  const rows: string[][] = [];
  const households = [...ledger.allHouseholds()]
    .filter((household) => (!community || household.community === community) && inScope(scope, household.community))
    .sort((a, b) => a.community.localeCompare(b.community, 'zh-CN') || a.roomKey.localeCompare(b.roomKey, 'zh-CN', { numeric: true }));
  for (const household of households) {
    const summary = ledger.summaryOf(household.id)!;
    for (const item of ledger.itemsOf(household.id)) {
      if (owedOf(item) <= 0) continue;
      rows.push([
        household.community,
        household.roomLabel,
        household.ownerName,
        household.phones[0] ? maskPhone(household.phones[0]) : '',
        household.kind,
        item.feeType,
        periodLabel(item.periodStart, item.periodEnd),
        formatFen(item.dueFen).replaceAll(',', ''),
        formatFen(item.paidFen).replaceAll(',', ''),
        formatFen(owedOf(item)).replaceAll(',', ''),
        formatFen(item.lateFeeFen).replaceAll(',', ''),
        item.dueDate ?? '',
        String(summary.monthsOverdue),
      ]);
    }
  }
  return rows;
}

