/** Text clean-up shared by every parser of ledger cells. Pure. */

/** Full-width ASCII (０-９, Ａ-Ｚ, －, ．, ，…) to half-width; ideographic space to a plain one. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text; // the common case, without allocating
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A cell's text: trimmed, half-width, inner runs of white space folded. */
const NEEDS_CLEANING = /[\uff01-\uff5e\u3000\t\n\r\f\v]|\s\s|^\s|\s$/;

export function cleanCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (!NEEDS_CLEANING.test(text)) return text;
  return toHalfWidth(text).replace(/\s+/g, ' ').trim();
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Small Chinese numerals (一 … 九十九) to digits; other text is returned unchanged. */
export function chineseNumeralToDigits(text: string): string {
  return text.replace(/[零〇一二两三四五六七八九十]+/g, (run) => {
    if (!/^[一二两三四五六七八九]?十?[一二三四五六七八九]?$/.test(run) && !/^[零〇一二三四五六七八九]+$/.test(run)) return run;
    if (!run.includes('十')) return run.split('').map((ch) => String(CHINESE_DIGITS[ch])).join('');
    const [tens, ones] = run.split('十') as [string, string];
    return String((tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (ones ? CHINESE_DIGITS[ones]! : 0));
  });
}
