/**
 * The columns an import understands, with the many names billing systems give them, and the matching of a
 * header row to these fields. Pure.
 */
import { cleanCell } from '../text';

export const importFieldIds = [
  'community',
  'room',
  'building',
  'unit',
  'ownerName',
  'phone',
  'payer',
  'feeType',
  'period',
  'periodStart',
  'periodEnd',
  'due',
  'paid',
  'owed',
  'lateFee',
  'dueDate',
  'kind',
  'occupied',
  'custody',
] as const;

export type ImportFieldId = (typeof importFieldIds)[number];

export interface ImportField {
  id: ImportFieldId;
  label: string;
  aliases: string[];
  /** Headers that contain an alias but mean something else (欠费月数 is not an amount). */
  exclude?: RegExp;
}

const NOT_AN_AMOUNT = /(月数|次数|天数|笔数|户数|率|日期|时间|期间|月份|说明|备注|方式|状态|原因)/;

export const importFields: readonly ImportField[] = [
  { id: 'community', label: '小区', aliases: ['小区', '小区名称', '项目', '项目名称', '管理处', '楼盘', '园区', '所属项目'] },
  {
    id: 'room',
    label: '房号',
    aliases: ['房号', '房屋编号', '资源名称', '房间号', '房屋', '房产', '房屋名称', '资源编号', '房间', '房屋地址', '门牌号', '单元房号', '房产名称'],
    exclude: /(面积|类型|状态|性质)/,
  },
  { id: 'building', label: '楼栋', aliases: ['楼栋', '楼号', '楼宇', '栋号', '幢号', '楼栋名称'] },
  { id: 'unit', label: '单元', aliases: ['单元', '单元号'], exclude: /房号/ },
  {
    id: 'ownerName',
    label: '业主',
    aliases: ['业主', '业主姓名', '业主名称', '客户名称', '客户', '缴费人', '姓名', '住户', '客户姓名', '产权人'],
    exclude: /(电话|手机|联系|证件|身份)/,
  },
  {
    id: 'phone',
    label: '电话',
    aliases: ['电话', '手机', '联系方式', '联系电话', '手机号', '手机号码', '电话号码', '业主电话', '客户电话', '移动电话'],
  },
  { id: 'payer', label: '使用人/租户', aliases: ['使用人', '租户', '住户姓名', '承租人'], exclude: /(电话|手机)/ },
  { id: 'feeType', label: '收费项目', aliases: ['收费项目', '费用名称', '费项', '收费项', '费用项目', '科目', '收费科目', '费用类型', '项目名称'] },
  { id: 'period', label: '所属期间', aliases: ['所属期间', '账期', '计费起止', '计费期间', '费用期间', '所属月份', '期间', '所属账期', '费用所属期', '计费月份'] },
  { id: 'periodStart', label: '计费开始', aliases: ['计费开始', '开始日期', '起始日期', '账期开始', '计费起始', '费用开始日期', '起始时间'] },
  { id: 'periodEnd', label: '计费结束', aliases: ['计费结束', '结束日期', '截止日期', '账期结束', '计费截止', '费用结束日期', '结束时间'] },
  { id: 'due', label: '应收', aliases: ['应收', '应收金额', '应缴', '应缴金额', '应收款', '应收合计', '本期应收'], exclude: NOT_AN_AMOUNT },
  { id: 'paid', label: '实收', aliases: ['实收', '实收金额', '已缴', '已收', '已缴金额', '已收金额', '实缴金额'], exclude: NOT_AN_AMOUNT },
  {
    id: 'owed',
    label: '欠费',
    aliases: ['欠费', '欠费金额', '欠缴', '欠缴金额', '未缴', '未缴金额', '欠款', '应收未收', '欠收金额', '未收金额'],
    exclude: NOT_AN_AMOUNT,
  },
  { id: 'lateFee', label: '滞纳金', aliases: ['滞纳金', '违约金', '滞纳金额'], exclude: /(率|日期)/ },
  { id: 'dueDate', label: '缴费限期', aliases: ['缴费限期', '缴费期限', '应缴日期', '到期日', '最后缴费日', '缴费截止日', '应收日期'] },
  { id: 'kind', label: '房屋类型', aliases: ['房屋类型', '房产类型', '业态', '物业类型', '房屋性质', '类型'] },
  { id: 'occupied', label: '入住状态', aliases: ['入住状态', '是否入住', '入住情况', '房屋状态'] },
  { id: 'custody', label: '托管', aliases: ['托管', '是否托管', '托管状态'] },
];

export const fieldById = new Map(importFields.map((field) => [field.id, field]));

/** Field → column index (0-based). */
export type ColumnMapping = Partial<Record<ImportFieldId, number>>;

/** 应收金额（元） → 应收金额: no spaces, units, punctuation or required-field stars. */
export function normalizeHeader(value: unknown): string {
  return cleanCell(value)
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*:：_\-/\\.。·]/g, '')
    .replace(/^\d+[、.]?/, '');
}

/** How well a header names a field: 3 exact, 2 + alias length when it contains an alias, 0 otherwise. */
export function scoreHeader(header: string, field: ImportField): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  if (field.aliases.includes(h)) return 100;
  if (field.exclude?.test(h)) return 0;
  const longest = Math.max(0, ...field.aliases.filter((alias) => h.includes(alias)).map((alias) => alias.length));
  return longest > 0 ? 10 + longest : 0;
}

/** Assigns each field its best column, best matches first; a column serves one field. */
export function recognizeHeaders(headers: readonly unknown[]): ColumnMapping {
  const candidates: { field: ImportFieldId; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of importFields) {
      const score = scoreHeader(String(header ?? ''), field);
      if (score > 0) candidates.push({ field: field.id, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}

/** A mapping an import can work with: a room, an amount, and a period. */
export function missingRequired(mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  if (mapping.room === undefined) missing.push('房号');
  if (mapping.due === undefined && mapping.owed === undefined) missing.push('应收或欠费金额');
  if (mapping.period === undefined && (mapping.periodStart === undefined || mapping.periodEnd === undefined)) missing.push('所属期间（或计费开始和结束）');
  return missing;
}
