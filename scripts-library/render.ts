/**
 * Filling a script's {variables} for one household and one call, as a steward says it aloud: money as 3000元 or
 * 1263.5元, dates as 11月28日周五 (明天 when it is tomorrow), several fee types as 物业费和停车费. A variable whose
 * fact this call does not have has no value (and its script is not suggested, see suggest.ts); a household value
 * that is empty uses the entry's fallback, then the variable's own; a raw {…} never reaches the steward. Pure.
 */
import { spokenTimeOfDay } from '../domain/clock';
import { addDays, spokenDate, type IsoDate } from '../domain/dates';
import type { NoticeKind } from '../domain/follow-up-rules';
import { spokenYuan, type Fen } from '../domain/money';
import { VARIABLE_PATTERN, variables, type VariableName } from './variables';

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
  const rendered = text.replace(VARIABLE_PATTERN, (_whole, name: string) => {
    if (!fallbackOf.has(name)) {
      unknown.push(name);
      return '';
    }
    const value = values[name as VariableName];
    if (value !== undefined && value.trim() !== '') return value;
    fallbackUsed.push(name);
    return fallbacks[name] ?? fallbackOf.get(name)!;
  });
  // A signature whose name is empty (a fallback set to nothing) is dropped, never sent as 【】.
  return { text: rendered.replace(/【\s*】/g, ''), fallbackUsed, unknown };
}

/** 2025-03-01 → 2025年3月 */
export const monthText = (isoDate: string): string => `${isoDate.slice(0, 4)}年${Number(isoDate.slice(5, 7))}月`;

/** A day as said to the owner: 今天 / 明天 / 后天 with the date, else the date and weekday. */
export function dayText(date: IsoDate, today?: IsoDate): string {
  if (today === date) return `今天${spokenDate(date)}`;
  if (today && addDays(today, 1) === date) return `明天${spokenDate(date)}`;
  if (today && addDays(today, 2) === date) return `后天${spokenDate(date)}`;
  return spokenDate(date);
}

/** 物业费 / 物业费和停车费 / 物业费、停车费和水电公摊 */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '尉迟', '长孙', '宇文', '司徒', '夏侯', '端木', '公孙', '轩辕', '独孤', '南宫', '西门', '申屠'];

export function surnameOf(name: string): string {
  const trimmed = name.trim();
  // A company or a name that is not a person's (商铺 tenants are often firms): no surname to address.
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(trimmed)) return '';
  return COMPOUND_SURNAMES.find((surname) => trimmed.startsWith(surname) && trimmed.length > surname.length) ?? trimmed.slice(0, 1);
}

export interface PinnedFact {
  date: IsoDate;
  amountFen: Fen;
  channel: string;
}

/** The call's whole arrangement in one phrase: one promise, or every instalment of a plan. */
export function arrangementText(promises: readonly PinnedFact[], today?: IsoDate): string {
  if (promises.length === 0) return '';
  if (promises.length === 1) {
    const [promise] = promises as [PinnedFact];
    return `${dayText(promise.date, today)}，用${promise.channel}缴${spokenYuan(promise.amountFen)}`;
  }
  const total = promises.reduce((sum, promise) => sum + promise.amountFen, 0);
  const oneChannel = promises.every((promise) => promise.channel === promises[0]!.channel);
  const parts = promises.map((promise) => `${dayText(promise.date, today)}${oneChannel ? '' : `用${promise.channel}`}缴${spokenYuan(promise.amountFen)}`);
  return `分${promises.length}次缴，一共${spokenYuan(total)}：${parts.join('，')}${oneChannel ? `，都用${promises[0]!.channel}` : ''}`;
}

/** Everything a script may draw on in one call; only the household part is always there. */
export interface CallFacts {
  household?: { ownerName: string; roomLabel: string; community: string };
  summary?: { owedFen: number; monthsOverdue: number; earliestUnpaid: string | null; lateFeeFen: number };
  /** The fee types owed, largest first (物业费, 停车费 …). */
  owedFeeTypes?: readonly string[];
  settings?: { stewardName: string; companyName: string };
  /** The backend's day: 明天 / 后天 are said as such. */
  today?: IsoDate;
  /** Promises pinned in this call (one, or a plan); for a message, the promise it is about. */
  promises?: readonly PinnedFact[];
  /** The earlier promise that was broken. */
  brokenPromise?: { date: IsoDate; amountFen: Fen } | null;
  /** The revisit or reply date of a repair or complaint recorded in this call. */
  revisitDate?: IsoDate | null;
  /** What a revisit call is about (the repair ticket's title). */
  revisitSubject?: string | null;
  /** The callback agreed in this call. */
  callback?: { date: IsoDate; time: string | null } | null;
  /** A written notice issued lately (marked issued on 今日跟进): a call that follows it up reads its name and day. */
  noticeIssued?: { kind: NoticeKind; date: IsoDate; deadline?: IsoDate | null } | null;
  /** The team's 收款账户. */
  account?: string;
}

/** How a notice is named to the owner on the phone. */
const spokenNotice: Record<NoticeKind, string> = {
  收费通知书: '收费通知书',
  催费通知书: '催费通知书',
  限期缴费通知书: '限期缴费通知书',
  律师函: '律师函',
  EMS书面催告: '书面催缴函',
};

/** The values one call's facts give the variables (absent where the call does not have the fact). */
export function valuesFor(facts: CallFacts): ScriptValues {
  const values: ScriptValues = {};
  const { household, summary, settings, today } = facts;
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
    values.欠费金额 = spokenYuan(summary.owedFen);
    values.欠费月数 = `${summary.monthsOverdue}个月`;
    if (summary.earliestUnpaid) values.最早欠费月份 = monthText(summary.earliestUnpaid);
    if (summary.lateFeeFen > 0) values.滞纳金 = spokenYuan(summary.lateFeeFen);
  }
  if (facts.owedFeeTypes?.length) values.欠费项目 = listText(facts.owedFeeTypes);
  if (settings) {
    values.管家姓名 = settings.stewardName;
    values.物业公司 = settings.companyName;
  }
  const [promise] = facts.promises ?? [];
  if (promise) {
    values.约定日期 = dayText(promise.date, today);
    values.约定金额 = spokenYuan(promise.amountFen);
    values.缴费方式 = promise.channel;
    values.约定安排 = arrangementText(facts.promises!, today);
  }
  if (facts.brokenPromise) {
    values.上次约定日期 = spokenDate(facts.brokenPromise.date);
    values.上次约定金额 = spokenYuan(facts.brokenPromise.amountFen);
  }
  if (facts.revisitDate) values.回访日期 = dayText(facts.revisitDate, today);
  if (facts.revisitSubject) values.回访事项 = facts.revisitSubject;
  if (facts.noticeIssued) {
    values.通知名称 = spokenNotice[facts.noticeIssued.kind];
    values.通知日期 = dayText(facts.noticeIssued.date, facts.today);
    if (facts.noticeIssued.deadline) values.通知期限 = dayText(facts.noticeIssued.deadline, facts.today);
  }
  if (facts.callback) values.回电时间 = `${dayText(facts.callback.date, today)}${facts.callback.time ? spokenTimeOfDay(facts.callback.time) : ''}`;
  if (facts.account?.trim()) values.收款账户 = facts.account.trim();
  return values;
}
