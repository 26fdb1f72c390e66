/**
 * The variables a script may use, written {名称} in its text. Each says where its value comes from, and which
 * fact of the call it needs:
 * - `household` facts always exist for a household on the phone (an empty one uses its fallback);
 * - the others exist only in some calls — a promise pinned, an earlier broken promise, a repair or complaint
 *   recorded, a callback agreed, a written notice issued lately (and its deadline), the team's payment account, a
 *   late fee in the ledger. A script that uses one is suggested only once that fact exists, so a sentence never
 *   states an agreement that did not happen and a fallback never stands in for one. Pure.
 */
export type VariableFact = 'household' | 'lateFee' | 'promise' | 'brokenPromise' | 'grievance' | 'revisit' | 'callback' | 'notice' | 'noticeDeadline' | 'account';

export const variables = [
  { name: '称呼', fact: 'household', source: '业主姓 + 业主（何业主），姓名未知时为“业主”', fallback: '业主' },
  { name: '业主姓', fact: 'household', source: '业主姓名的第一个字（复姓取两个字）', fallback: '' },
  { name: '房号', fact: 'household', source: '房屋，如 8栋2单元1203', fallback: '您家' },
  { name: '小区', fact: 'household', source: '小区名称', fallback: '小区' },
  { name: '欠费金额', fact: 'household', source: '当前欠费合计（按口语读：3000元、1263.5元）', fallback: '一部分费用' },
  { name: '欠费项目', fact: 'household', source: '欠着的收费项目（物业费、停车费……）', fallback: '费用' },
  { name: '欠费月数', fact: 'household', source: '欠费的月数（如 3个月）', fallback: '几个月' },
  { name: '最早欠费月份', fact: 'household', source: '最早一笔欠费的月份（如 2025年3月）', fallback: '前几个月' },
  { name: '管家姓名', fact: 'household', source: '本机设置中的管家姓名（首次启动时填写）', fallback: '' },
  { name: '物业公司', fact: 'household', source: '本机设置中的物业公司名称', fallback: '物业服务中心' },
  { name: '滞纳金', fact: 'lateFee', source: '台账中的滞纳金合计（台账没有滞纳金时，这条话术不推荐）', fallback: '' },
  { name: '约定日期', fact: 'promise', source: '本次通话中约定的缴费日期', fallback: '' },
  { name: '约定金额', fact: 'promise', source: '本次通话中约定的金额', fallback: '' },
  { name: '缴费方式', fact: 'promise', source: '本次通话中约定的方式（转账、微信……）', fallback: '' },
  { name: '约定安排', fact: 'promise', source: '本次通话中的全部约定（一次或分期），一句话读出', fallback: '' },
  { name: '上次约定日期', fact: 'brokenPromise', source: '上次失约的约定日期', fallback: '' },
  { name: '上次约定金额', fact: 'brokenPromise', source: '上次失约的约定金额', fallback: '' },
  { name: '回访日期', fact: 'grievance', source: '本次通话中记录的维修或投诉的回访 / 答复日期', fallback: '' },
  { name: '回访事项', fact: 'revisit', source: '回访电话要回访的维修或投诉（如 漏水渗水（主卧顶棚））', fallback: '' },
  { name: '回电时间', fact: 'callback', source: '本次通话约好的回电时间', fallback: '' },
  { name: '通知名称', fact: 'notice', source: '近 30 天内在今日跟进标记发出的书面通知（催费通知书、限期缴费通知书、律师函……）', fallback: '' },
  { name: '通知日期', fact: 'notice', source: '那份书面通知标记发出的日期', fallback: '' },
  { name: '通知期限', fact: 'noticeDeadline', source: '那份限期缴费通知书上写的缴费期限（没有期限或期限已过时，这条话术不推荐）', fallback: '' },
  { name: '收款账户', fact: 'account', source: '团队设置中的收款账户（没有设置时，这条话术不推荐）', fallback: '' },
] as const satisfies readonly { name: string; fact: VariableFact; source: string; fallback: string }[];

export type VariableName = (typeof variables)[number]['name'];

export const variableNames: readonly string[] = variables.map((variable) => variable.name);

export const isVariableName = (name: string): name is VariableName => variableNames.includes(name);

const factOf = new Map<string, VariableFact>(variables.map((variable) => [variable.name, variable.fact]));

/** A {名称} however it is spaced or however wide its braces: { 称呼 } and ｛称呼｝ are the variable 称呼. */
export const VARIABLE_PATTERN = /[{｛][\s\u3000]*([^{}｛｝\s\u3000]{1,12})[\s\u3000]*[}｝]/g;

/** {名称} occurrences in a text, in order, with the span as written. */
export function variablesIn(text: string): { name: string; index: number; written: string }[] {
  return [...text.matchAll(VARIABLE_PATTERN)].map((match) => ({ name: match[1]!, index: match.index, written: match[0] }));
}

/** The facts of a call a script needs beyond the household's own (none for most openings and reminders). */
export function factsNeeded(text: string): VariableFact[] {
  const facts = new Set<VariableFact>();
  for (const { name } of variablesIn(text)) {
    const fact = factOf.get(name);
    if (fact && fact !== 'household') facts.add(fact);
  }
  return [...facts];
}

/** How a script's needs read to a team lead in the editor. */
export const factLabels: Record<Exclude<VariableFact, 'household'>, string> = {
  lateFee: '台账有滞纳金',
  promise: '本次通话已约定缴费',
  brokenPromise: '上次约定已失约',
  grievance: '本次通话记录了维修或投诉',
  revisit: '这是一通回访电话',
  callback: '约好了回电时间',
  notice: '近期发出过书面通知',
  noticeDeadline: '近期发出的通知写了缴费期限',
  account: '团队设置了收款账户',
};
