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
