/**
 * Money is integer fen (分), never floating point. Parsing accepts what billing exports write:
 * `1,234.50`, `¥1234.5`, `￥1,234.5`, `1234.5元`, `RMB 12`, `(12.50)` for negatives, `-`/`—` for zero,
 * and numbers from spreadsheet cells. Fractions of a fen are rounded half up (unit price × area).
 */
import { cleanCell } from './text';

export type Fen = number;

/** The largest amount any one figure may be: 1 亿元 (a whole community's arrears fit many times over). */
export const MAX_AMOUNT_FEN: Fen = 100_000_000_00;

export type MoneyResult = { ok: true; fen: Fen | null } | { ok: false; reason: string };

const ZERO_MARKS = new Set(['-', '--', '—', '——', '/', '无']);

function fromDecimalString(text: string): Fen {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const padded = (fraction + '000').slice(0, 3);
  let fen = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) fen += 1;
  return negative ? -fen : fen;
}

export function parseMoney(value: unknown): MoneyResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: `金额不是有效数字「${value}」` };
    // Through the shortest decimal string, so 0.1 + 0.2 style noise does not shift a fen.
    return { ok: true, fen: fromDecimalString(Number(value.toPrecision(15)).toFixed(6)) };
  }
  const raw = cleanCell(value);
  if (raw === '') return { ok: true, fen: null };
  if (ZERO_MARKS.has(raw)) return { ok: true, fen: 0 };
  let text = raw.replace(/^(RMB|CNY)\s*/i, '').replace(/[¥￥]/g, '').replace(/元$/, '').replace(/\s+/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!;
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\.\d+$/.test(text)) return { ok: false, reason: `无法识别的金额「${raw}」` };
  if (text.replace('.', '').replace(/^0+/, '').length > 13) return { ok: false, reason: `金额过大「${raw}」` };
  const fen = fromDecimalString(text.startsWith('.') ? `0${text}` : text);
  return { ok: true, fen: negative ? -fen : fen };
}

/** 123456 → "1,234.56" */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "¥1,234.56" */
export const formatYuan = (fen: Fen): string => `¥${formatFen(fen)}`;

/**
 * An amount as a steward says it: 300000 → "3000元", 126350 → "1263.5元", 126345 → "1263.45元" — no thousands
 * separators, no ".00", no space before 元 (scripts are read aloud).
 */
export function spokenYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const fraction = cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : `.${String(cents).padStart(2, '0')}`;
  return `${sign}${yuan}${fraction}元`;
}

export const sumFen = (values: Iterable<Fen>): Fen => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
