/**
 * Personal numbers in free text — mobile and landline phone numbers, resident ID numbers — however they are
 * written: full-width digits, Chinese numerals (一三八…, 幺 for 1, 壹贰叁…), groups separated by spaces, dashes, enumeration commas (、),
 * dots or commas, a +86 or 0086 prefix, an 18-digit ID ending in X or an old 15-digit one. The compliance lint refuses
 * them in scripts and messages; call notes and other free text written to the contact log are masked. One
 * definition for both. Pure.
 */
import { daysInMonth } from './dates';
import { maskPhone } from './phone';

export type PersonalNumberKind = 'mobile' | 'landline' | 'id';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** Where it stands in the text. */
  start: number;
  end: number;
  /** The number itself, ASCII digits (an ID may end in X). */
  digits: string;
}

/** Chinese numerals as said digit by digit (幺 is 1 on the phone; 壹贰叁 are the banking forms). */
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
const NUMERALS = Object.keys(CHINESE_DIGITS).join('');
const DIGIT = `[0-9０-９${NUMERALS}]`;
const SEPARATOR = '[ \\t\\u3000\\-－—–_.．·・,，、/]';
/** A run of digits with short separators between them, maybe an ID's final X; not part of a longer run. */
const CANDIDATE = new RegExp(
  `(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ${NUMERALS}])(?:\\+|＋)?${DIGIT}(?:${SEPARATOR}{0,2}${DIGIT}){6,40}(?:${SEPARATOR}?[XxＸｘ])?(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ${NUMERALS}])`,
  'g',
);

const toAscii = (text: string): string =>
  text
    .replace(/[０-９ＸｘＸ＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(new RegExp(`[${NUMERALS}]`, 'g'), (ch) => CHINESE_DIGITS[ch]!);

/** An ID number carries its holder's birth date: a real day makes a digit run an ID, not an account number. */
const plausibleBirthDate = (year: number, month: number, day: number): boolean =>
  year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

function classify(digits: string): PersonalNumberKind | null {
  const national = digits.replace(/^(?:\+?86|0086)(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return 'mobile';
  if (/^0[1-9]\d{8,10}$/.test(national)) return 'landline';
  if (/^\d{17}[\dX]$/.test(digits)) {
    return plausibleBirthDate(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14))) ? 'id' : null;
  }
  if (/^\d{15}$/.test(digits)) return plausibleBirthDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12))) ? 'id' : null;
  return null;
}

const digitsOf = (written: string): string => toAscii(written).replace(/[^\d+Xx]/g, '').toUpperCase();

const numberAt = (written: string, start: number): PersonalNumber | null => {
  const digits = digitsOf(written);
  const kind = classify(digits);
  return kind ? { kind, start, end: start + written.length, digits: digits.replace(/^\+/, '').replace(/^0086(?=1)/, '86') } : null;
};

const GROUP = new RegExp(`(?:\\+|＋)?${DIGIT}+(?:[XxＸｘ](?!${DIGIT}))?`, 'g');

/**
 * Several numbers in one run (138 1234 5678，139 1234 5678): the run cut between groups into valid numbers only,
 * so an account number never yields a phone number from its middle.
 */
function numbersInRun(run: string, offset: number): PersonalNumber[] {
  const whole = numberAt(run, offset);
  if (whole) return [whole];
  const groups = [...run.matchAll(GROUP)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const memo = new Map<number, PersonalNumber[] | null>();
  const from = (first: number): PersonalNumber[] | null => {
    if (first === groups.length) return [];
    if (memo.has(first)) return memo.get(first)!;
    let result: PersonalNumber[] | null = null;
    for (let last = first; last < groups.length && result === null; last += 1) {
      const number = numberAt(run.slice(groups[first]!.start, groups[last]!.end), offset + groups[first]!.start);
      const rest = number ? from(last + 1) : null;
      if (number && rest) result = [number, ...rest];
    }
    memo.set(first, result);
    return result;
  };
  return from(0) ?? [];
}

/** Every personal number in a text, in order. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  return [...text.matchAll(CANDIDATE)].flatMap((match) => numbersInRun(match[0], match.index));
}

const maskOf = (number: PersonalNumber): string =>
  number.kind === 'id' ? `${'*'.repeat(number.digits.length - 4)}${number.digits.slice(-4)}` : maskPhone(number.digits.replace(/^86(?=1)/, ''));

/** The text with every personal number masked (138****1234), and how many were masked. */
export function maskPersonalNumbers(text: string): { text: string; masked: number } {
  const found = findPersonalNumbers(text);
  if (found.length === 0) return { text, masked: 0 };
  let result = '';
  let at = 0;
  for (const number of found) {
    result += text.slice(at, number.start) + maskOf(number);
    at = number.end;
  }
  return { text: result + text.slice(at), masked: found.length };
}
