/** What the file holds (sheet, header row, rows, rooms, arrears) and what importing it will change. */
import { Descriptions } from 'antd';
import type { ImportPreview } from '../../../../../electron/contract';
import { formatYuan } from '../../../money';

export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={[
        { key: 'file', label: '文件', children: `${preview.fileName}${preview.encoding ? `（${preview.encoding}）` : ''}` },
        { key: 'sheet', label: '工作表 / 表头行', children: `${preview.sheet} / 第 ${preview.headerRow} 行` },
        { key: 'rows', label: '有效数据行', children: preview.rows },
        { key: 'households', label: '房屋', children: `${preview.households} 户` },
        { key: 'items', label: '欠费明细', children: `${preview.items} 条` },
        { key: 'owed', label: '文件中的欠费合计', children: <strong>{formatYuan(preview.owedFen)}</strong> },
        {
          key: 'skipped',
          label: '已跳过',
          span: 3,
          children: `空行 ${preview.skipped.blank}，合计/小计行 ${preview.skipped.totals}，重复表头 ${preview.skipped.repeatedHeaders}，完全重复的行 ${preview.skipped.duplicates}`,
        },
        {
          key: 'merge',
          label: '导入后',
          span: 3,
          children: `新增 ${preview.merge.newHouseholds} 户、更新 ${preview.merge.updatedHouseholds} 户；新增明细 ${preview.merge.newItems} 条、变更 ${preview.merge.changedItems} 条、不变 ${preview.merge.unchangedItems} 条；视为已缴清 ${preview.merge.settledItems} 条；推算缴费 ${preview.merge.payments} 笔（${formatYuan(preview.merge.paymentsFen)}）`,
        },
      ]}
    />
  );
}
