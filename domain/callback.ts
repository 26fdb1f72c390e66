/**
 * 约好回电: a callback agreed on the phone — a day, optionally a time of day, and who calls back (one steward, or
 * the team pool). The rule for an acceptable callback, the follow-up's title and the line shown at the close. Pure.
 */
import { TIME_OF_DAY } from './clock';
import { addDays, spokenDate, type IsoDate } from './dates';

export interface Callback {
  date: IsoDate;
  /** HH:mm; null when the owner can be called any time that day. */
  time: string | null;
  /** The steward who calls back; null for the team pool (any steward). */
  owner: string | null;
}

export interface CallbackRules {
  today: IsoDate;
  /** How far ahead a date may be agreed (the same horizon as promises). */
  horizonDays: number;
}

/** What is wrong with a callback, in Chinese, or null when it can be kept. */
export function callbackProblem(callback: Callback, rules: CallbackRules): string | null {
  const latest = addDays(rules.today, rules.horizonDays);
  if (callback.date < rules.today) return '回电日期不能早于今天';
  if (callback.date > latest) return `回电最远只能约到 ${latest}（${rules.horizonDays} 天内）`;
  if (callback.time !== null && !TIME_OF_DAY.test(callback.time)) return '回电时间格式应为 HH:mm';
  return null;
}

/** The follow-up's title: 约好回电, with the time when one was agreed (约好回电 19:30). */
export const callbackTitle = (callback: Pick<Callback, 'time'>): string => (callback.time ? `约好回电 ${callback.time}` : '约好回电');

/** One line for the close step and the end of the call: 11月27日（星期五） 19:30，由 王敏 回电. */
export function callbackSummary(callback: Callback): string {
  const when = `${spokenDate(callback.date)} ${callback.time ?? '不限时间'}`;
  return `${when}，${callback.owner ? `由 ${callback.owner} 回电` : '由团队（任何管家）回电'}`;
}
