/**
 * The variables a script may use, written {名称} in its text. Each says where its value comes from and
 * what a script shows when it is empty (the entry may give its own fallback). Pure.
 */
export const variables = [
  { name: '称呼', source: '业主姓 + 先生/女士，未知时用“您好”', fallback: '业主' },
  { name: '业主姓', source: '业主姓名的第一个字', fallback: '' },
  { name: '房号', source: '房屋，如 8栋2单元1203', fallback: '您家' },
  { name: '小区', source: '小区名称', fallback: '小区' },
  { name: '欠费金额', source: '当前欠费合计（元）', fallback: '一部分费用' },
  { name: '欠费月数', source: '欠费的月数', fallback: '几个月' },
  { name: '最早欠费月份', source: '最早一笔欠费的月份', fallback: '之前' },
  { name: '滞纳金', source: '台账中的滞纳金合计（元）', fallback: '0 元' },
  { name: '管家姓名', source: '关于/状态 → 本机设置', fallback: '' },
  { name: '物业公司', source: '关于/状态 → 本机设置', fallback: '物业服务中心' },
  { name: '约定日期', source: '通话中约定的缴费日期', fallback: '约定的日子' },
  { name: '约定金额', source: '通话中约定的金额（元）', fallback: '约定的金额' },
  { name: '缴费方式', source: '通话中约定的方式（转账、微信……）', fallback: '方便的方式' },
  { name: '收款账户', source: '物业公司的收款账户（团队设置）', fallback: '我们的收款账户' },
  { name: '回访日期', source: '维修或投诉的回访日期', fallback: '尽快' },
] as const;

export type VariableName = (typeof variables)[number]['name'];

export const variableNames: readonly string[] = variables.map((variable) => variable.name);

export const isVariableName = (name: string): name is VariableName => variableNames.includes(name);

/** {名称} occurrences in a text, in order. */
export function variablesIn(text: string): { name: string; index: number }[] {
  return [...text.matchAll(/\{([^{}\s]{1,12})\}/g)].map((match) => ({ name: match[1]!, index: match.index! }));
}
