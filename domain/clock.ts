/** "Today" is a calendar day in Asia/Shanghai, whatever the machine's time zone. Pure. */
import type { IsoDate } from './dates';

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const todayInShanghai = (now: Date = new Date()): IsoDate => shanghaiDay.format(now);

/** An ISO timestamp with the +08:00 offset. */
export function shanghaiTimestamp(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The time of day in Asia/Shanghai, HH:mm. */
export const shanghaiTimeOfDay = (now: Date = new Date()): string => shanghaiTimestamp(now).slice(11, 16);

/** A time of day as stored and compared everywhere: HH:mm, 24-hour. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 19:30 → 晚上7点半, 10:00 → 上午10点, 12:15 → 中午12点15分: a time of day as said on the phone. */
export function spokenTimeOfDay(time: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const part = hours < 6 ? '凌晨' : hours < 12 ? '上午' : hours < 13 ? '中午' : hours < 18 ? '下午' : '晚上';
  const hour = hours > 12 ? hours - 12 : hours;
  return `${part}${hour}点${minutes === 0 ? '' : minutes === 30 ? '半' : `${minutes}分`}`;
}

/**
 * "Now" as the backend judges it: its day in Asia/Shanghai, its time of day (call windows) and timestamps (+08:00).
 * Every rule that depends on the date asks the clock it is given, never the machine's clock directly.
 */
export interface Clock {
  today(): IsoDate;
  /** HH:mm. */
  timeOfDay(): string;
  /** A timestamp, +08:00, on the clock's day. */
  now(): string;
}

export const shanghaiClock: Clock = { today: () => todayInShanghai(), timeOfDay: () => shanghaiTimeOfDay(), now: () => shanghaiTimestamp() };

/** Test mode: the day the caller sets (it may move it), at 10:00 for the call windows; timestamps on that day. */
export const fixedDayClock = (today: () => IsoDate): Clock => ({ today, timeOfDay: () => '10:00', now: () => `${today()}${shanghaiTimestamp().slice(10)}` });
