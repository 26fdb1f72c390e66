/**
 * Dates are `YYYY-MM-DD` strings (Asia/Shanghai calendar days), periods are inclusive day ranges.
 * Parsing accepts what exports write: 2025-01-05, 2025/1/5, 2025.1.5, 2025年1月5日, 20250105, spreadsheet
 * dates and serial numbers; periods as one month (2025-01, 2025年1月, 202501) or a range of months or days
 * (2025-01~2025-03, 2025-01-01至2025-03-31, 2025.01.01-2025.03.31).
 */
import { cleanCell } from './text';

export type IsoDate = string;

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, within the years the app deals in (1990–2100): no 2026-02-30, no 0000-00-00. */
export function isRealIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** An ISO timestamp with its offset (2026-11-26T10:00:00+08:00), on a real calendar day. */
export function isIsoTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  return m !== null && isRealIsoDate(m[1]!) && !Number.isNaN(Date.parse(text));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1]!;
}

export const monthEnd = (year: number, month: number): IsoDate => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

/** Months since year 0: comparable and subtractable. */
export function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

export function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Excel's day serial (1900 date system) to a date. */
function fromSerial(serial: number): IsoDate | null {
  if (!Number.isInteger(serial) || serial < 32874 || serial > 73051) return null; // 1990 … 2099
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A spreadsheet Date cell: exceljs gives midnight UTC of the written day. */
const fromDateObject = (date: Date): IsoDate | null =>
  Number.isNaN(date.getTime()) ? null : isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

const DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

function dayOf(text: string): IsoDate | null {
  const m = DAY.exec(text) ?? COMPACT_DAY.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function monthOf(text: string): Period | null {
  const m = MONTH.exec(text) ?? COMPACT_MONTH.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const start = isoDate(year, month, 1);
  return start ? { start, end: monthEnd(year, month) } : null;
}

export function parseDate(value: unknown): Parsed<IsoDate> {
  if (value instanceof Date) {
    const date = fromDateObject(value);
    return date ? { ok: true, value: date } : { ok: false, reason: '日期无效' };
  }
  if (typeof value === 'number') {
    const date = fromSerial(value);
    return date ? { ok: true, value: date } : { ok: false, reason: `无法识别的日期「${value}」` };
  }
  const text = cleanCell(value);
  if (!text) return { ok: true, value: null };
  const date = dayOf(text.replace(/\s*\d{1,2}:\d{2}(:\d{2})?$/, ''));
  return date ? { ok: true, value: date } : { ok: false, reason: `无法识别的日期「${text}」` };
}

/** One side of a range: a day, or a month (its first day for a start, last day for an end). */
function boundary(text: string, side: 'start' | 'end'): IsoDate | null {
  return dayOf(text) ?? monthOf(text)?.[side] ?? null;
}

const RANGE_SEPARATORS = /\s*(?:~|～|至|到|—|--|－|\s-\s|(?<=[\d日月])-(?=\d{4}))\s*/;

export function parsePeriod(value: unknown): Parsed<Period> {
  if (value instanceof Date || typeof value === 'number') {
    const single = parseDate(value);
    if (!single.ok || !single.value) return single.ok ? { ok: true, value: null } : single;
    const [year, month] = [Number(single.value.slice(0, 4)), Number(single.value.slice(5, 7))];
    return { ok: true, value: { start: `${single.value.slice(0, 7)}-01`, end: monthEnd(year, month) } };
  }
  const text = cleanCell(value);
  if (!text) return { ok: true, value: null };
  const month = monthOf(text);
  if (month) return { ok: true, value: month };
  const parts = text.split(RANGE_SEPARATORS);
  if (parts.length === 2) {
    const start = boundary(parts[0]!, 'start');
    const end = boundary(parts[1]!, 'end');
    if (start && end) {
      return start <= end ? { ok: true, value: { start, end } } : { ok: false, reason: `期间的开始晚于结束「${text}」` };
    }
  }
  const day = dayOf(text);
  if (day) return { ok: true, value: { start: `${day.slice(0, 7)}-01`, end: monthEnd(Number(day.slice(0, 4)), Number(day.slice(5, 7))) } };
  return { ok: false, reason: `无法识别的期间「${text}」` };
}

/** The calendar months a period touches, as month indexes. */
export function monthsOf(period: Period): number[] {
  const months: number[] = [];
  for (let m = monthIndex(period.start); m <= monthIndex(period.end); m += 1) months.push(m);
  return months;
}

const shiftedDays = new Map<string, IsoDate>();

/** A calendar day plus n days (remembered: queues ask for the same few shifts many times). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const key = `${date}|${days}`;
  let result = shiftedDays.get(key);
  if (result === undefined) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const shifted = new Date(Date.UTC(year, month - 1, day + days));
    result = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
    if (shiftedDays.size > 50_000) shiftedDays.clear();
    shiftedDays.set(key, result);
  }
  return result;
}

/**
 * The same day n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). Always count from the
 * original date (addMonths(d, 2), not addMonths(addMonths(d, 1), 1)) so a clamp does not drift the day.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (((month % 12) + 12) % 12) + 1;
  const targetDay = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return `${targetYear}-${pad(targetMonth)}-${pad(targetDay)}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 2025-11-28 → 11月28日周五: how a date is said on the phone (and read back from the screen). */
export function spokenDate(date: IsoDate): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${dayOfMonth}日${WEEKDAYS[new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay()]}`;
}

/**
 * A day typed the quick way during a call, from `today`: `5` (or `5号`) the next 5th of a month (today counts),
 * `12-5` / `12/5` / `12.5` / `12月5日` the next 5 December, `+3` three days from now, `2026-12-05` as written.
 * Null when the text is not one of those or names no real day.
 */
export function parseDayShorthand(text: string, today: IsoDate): IsoDate | null {
  const typed = text.trim().replace(/[号日]$/, '');
  if (!typed) return null;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const relative = /^\+(\d{1,3})$/.exec(typed);
  if (relative) return addDays(today, Number(relative[1]));
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(typed);
  if (monthDay) {
    const [m, d] = [Number(monthDay[1]), Number(monthDay[2])];
    const thisYear = isoDate(year, m, d);
    if (thisYear && thisYear >= today) return thisYear;
    return isoDate(year + 1, m, d);
  }
  const dayOfMonth = /^(\d{1,2})$/.exec(typed);
  if (dayOfMonth) {
    const d = Number(dayOfMonth[1]);
    if (d < 1 || d > 31) return null;
    // This month if the day is still ahead (or today), else the next month that has that day.
    for (let ahead = 0; ahead < 3; ahead += 1) {
      const target = new Date(Date.UTC(year, month - 1 + ahead, 1));
      const candidate = isoDate(target.getUTCFullYear(), target.getUTCMonth() + 1, d);
      if (candidate && candidate >= today) return candidate;
    }
    return null;
  }
  return null;
}
