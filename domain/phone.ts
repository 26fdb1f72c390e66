/** Phone numbers are personal information: stored whole, shown masked except in the dial action. */
import { cleanCell } from './text';

/** Splits a cell that may hold several numbers ("138…/139…", "138…；0571-…") into digit strings. */
export function parsePhones(value: unknown): string[] {
  const text = cleanCell(value);
  if (!text) return [];
  const found: string[] = [];
  const add = (candidate: string) => {
    const digits = candidate.replace(/[\s\-()（）]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
    if (/^\d{7,12}$/.test(digits) && !found.includes(digits)) found.push(digits);
  };
  for (const part of text.split(/[/,，;；、|]|或/)) {
    const whole = part.replace(/[\s\-()（）]/g, '');
    // "138 0000 1234" is one number written in groups; "13800001234 13900005678" is two.
    if (/^\+?\d{7,14}$/.test(whole) && whole.replace(/^\+?86(?=1\d{10}$)/, '').length <= 12) add(whole);
    else for (const piece of part.trim().split(/\s+/)) add(piece);
  }
  return found;
}

/** "13812341234" → "138****1234"; short numbers keep their last 4 only. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (phone.length < 8) return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export const lastFour = (phone: string): string => phone.slice(-4);
