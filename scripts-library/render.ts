/**
 * Filling a script's {variables} for one household and one call. Money reads as Chinese amounts
 * (1,234.50 元), dates as 11月28日（星期五）. An empty value uses the entry's fallback, then the
 * variable's own; a raw {…} never reaches the steward. Pure.
 */
import { spokenDate } from '../domain/dates';
import { formatFen, type Fen } from '../domain/money';
import { variables, type VariableName } from './variables';

export type ScriptValues = Partial<Record<VariableName, string>>;

export interface Rendered {
  text: string;
  /** Variables that were empty and used a fallback. */
  fallbackUsed: string[];
  /** Names in {…} that are not variables (a lint error at save time; rendered as nothing). */
  unknown: string[];
}

const fallbackOf = new Map<string, string>(variables.map((variable) => [variable.name, variable.fallback]));

export function renderScript(text: string, values: ScriptValues, fallbacks: Record<string, string> = {}): Rendered {
  const fallbackUsed: string[] = [];
  const unknown: string[] = [];
  const rendered = text.replace(/\{([^{}\s]{1,12})\}/g, (_whole, name: string) => {
    if (!fallbackOf.has(name)) {
      unknown.push(name);
      return '';
    }
    const value = values[name as VariableName];
    if (value !== undefined && value.trim() !== '') return value;
    fallbackUsed.push(name);
    return fallbacks[name] ?? fallbackOf.get(name)!;
  });
  return { text: rendered, fallbackUsed, unknown };
}

export const yuanText = (fen: Fen): string => `${formatFen(fen)} 元`;

/** 2025-11-28 → 11月28日（星期五） */
export const dateText = spokenDate;

/** 2025-03-01 → 2025年3月 */
export const monthText = (isoDate: string): string => `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月`;

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '尉迟', '长孙', '宇文', '司徒', '夏侯', '端木', '公孙', '轩辕', '独孤', '南宫', '西门', '申屠'];

export function surnameOf(name: string): string {
  const trimmed = name.trim();
  return COMPOUND_SURNAMES.find((surname) => trimmed.startsWith(surname) && trimmed.length > surname.length) ?? trimmed.slice(0, 1);
}

export interface ValueSources {
  household?: { ownerName: string; roomLabel: string; community: string };
  summary?: { owedFen: number; monthsOverdue: number; earliestUnpaid: string | null; lateFeeFen: number };
  settings?: { stewardName: string; companyName: string };
  promise?: { date?: string; amountFen?: number; channel?: string };
  account?: string;
  revisitDate?: string;
}

/** The values a household, the desk's settings and the call in progress give the variables. */
export function valuesFor(sources: ValueSources): ScriptValues {
  const values: ScriptValues = {};
  const { household, summary, settings, promise } = sources;
  if (household) {
    const surname = surnameOf(household.ownerName);
    if (surname) {
      values.业主姓 = surname;
      values.称呼 = `${surname}业主`;
    }
    values.房号 = household.roomLabel;
    values.小区 = household.community;
  }
  if (summary) {
    values.欠费金额 = yuanText(summary.owedFen);
    values.欠费月数 = `${summary.monthsOverdue} 个月`;
    if (summary.earliestUnpaid) values.最早欠费月份 = monthText(summary.earliestUnpaid);
    values.滞纳金 = yuanText(summary.lateFeeFen);
  }
  if (settings) {
    values.管家姓名 = settings.stewardName;
    values.物业公司 = settings.companyName;
  }
  if (promise?.date) values.约定日期 = dateText(promise.date);
  if (promise?.amountFen !== undefined) values.约定金额 = yuanText(promise.amountFen);
  if (promise?.channel) values.缴费方式 = promise.channel;
  if (sources.account) values.收款账户 = sources.account;
  if (sources.revisitDate) values.回访日期 = dateText(sources.revisitDate);
  return values;
}

