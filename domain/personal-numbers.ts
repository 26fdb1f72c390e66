/**
 * Personal numbers in free text — mobile and landline phone numbers, resident ID numbers — however they are
 * written: full-width digits, groups separated by spaces, dashes or dots, a +86 prefix. The compliance lint
 * refuses them in scripts and messages; call notes and other free text written to the contact log are masked.
 * One definition for both. Pure.
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

const DIGIT = '[0-9０-９]';
const SEPARATOR = '[ \\t\\-－.．·]';
/** A run of digits with single separators between them, maybe an ID's final X; not part of a longer run. */
const CANDIDATE = new RegExp(`(?<![0-9０-９A-Za-z])(?:\\+|＋)?${DIGIT}(?:${SEPARATOR}?${DIGIT}){6,20}(?:${SEPARATOR}?[Xx])?(?![0-9０-９A-Za-z])`, 'g');

const toAscii = (text: string): string => text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/＋/g, '+');

/** An ID number carries its holder's birth date: a real day makes a digit run an ID, not an account number. */
const plausibleBirthDate = (year: number, month: number, day: number): boolean =>
  year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

function classify(digits: string): PersonalNumberKind | null {
  const national = digits.replace(/^\+?86(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return 'mobile';
  if (/^0[1-9]\d{8,10}$/.test(national)) return 'landline';
  if (/^\d{17}[\dX]$/.test(digits)) {
    return plausibleBirthDate(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14))) ? 'id' : null;
  }
  if (/^\d{15}$/.test(digits)) return plausibleBirthDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12))) ? 'id' : null;
  return null;
}

/** Every personal number in a text, in order. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const found: PersonalNumber[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = toAscii(match[0]).replace(/[^\d+Xx]/g, '').toUpperCase();
    const kind = classify(digits);
    if (kind) found.push({ kind, start: match.index, end: match.index + match[0].length, digits: digits.replace(/^\+/, '') });
  }
  return found;
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
