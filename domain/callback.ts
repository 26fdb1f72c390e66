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

/** One line for the close step and the end of the call: 11月27日周五 19:30，由 王敏 回电. */
export function callbackSummary(callback: Callback): string {
  const when = `${spokenDate(callback.date)} ${callback.time ?? '不限时间'}`;
  return `${when}，${callback.owner ? `由 ${callback.owner} 回电` : '由团队（任何管家）回电'}`;
}

/**
 * 发了账户，半小时后再联系: a callback for the first half-hour slot at least 30 minutes from `time`, inside the team's
 * call windows — today if one is left, else the first slot of tomorrow — owned by this steward.
 */
export function callbackInHalfAnHour(now: { today: IsoDate; time: string }, windows: readonly { start: string; end: string }[], owner: string | null): Callback {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const clock = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  const earliest = Math.ceil((minutes(now.time) + 30) / 30) * 30;
  const slots = Array.from({ length: 48 }, (_, i) => i * 30).filter((slot) => windows.some((window) => slot >= minutes(window.start) && slot < minutes(window.end)));
  const today = slots.find((slot) => slot >= earliest);
  if (today !== undefined) return { date: now.today, time: clock(today), owner };
  return { date: addDays(now.today, 1), time: slots[0] === undefined ? null : clock(slots[0]), owner };
}
