/**
 * A word list compiled once into one regular expression: longest entry first at each place, a Chinese numeral in an
 * entry matching its digit too (一楼 = 1楼), Latin entries only as whole words (sb, not usb), and optional guards
 * for entries that are words only in some company (停 is not 停车). Pure.
 */
export interface Span {
  start: number;
  end: number;
}

export interface TermHit extends Span {
  term: string;
}

/** Characters that must not stand right before or right after an entry. */
export interface Guard {
  notBefore?: string;
  notAfter?: string;
}

const NUMERALS: Record<string, string> = {
  零: '零〇0', 〇: '零〇0', 一: '一壹幺1', 二: '二两贰2', 两: '二两贰2', 三: '三叁3', 四: '四肆4', 五: '五伍5', 六: '六陆6', 七: '七柒7', 八: '八捌8', 九: '九玖9',
};

const escapeChar = (ch: string): string => (/[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch);

function entryPattern(term: string, guard: Guard | undefined): string {
  let body = '';
  for (const ch of term) body += NUMERALS[ch] ? `[${NUMERALS[ch]}]` : escapeChar(ch);
  if (/^[a-z0-9]+$/.test(term)) body = `(?<![a-z0-9])${body}(?![a-z0-9])`;
  if (guard?.notBefore) body = `(?<![${guard.notBefore}])${body}`;
  if (guard?.notAfter) body = `${body}(?![${guard.notAfter}])`;
  return body;
}

/**
 * A pattern run once over a whole text, its hits then asked for sentence by sentence: the lint reads one text at a
 * time, so the last text's hits are kept.
 */
export class Scanner {
  private scanned: { text: string; hits: TermHit[] } | null = null;

  /** @param pattern a global regular expression, or null for one that never matches */
  constructor(private readonly pattern: RegExp | null) {}

  private hitsIn(text: string): TermHit[] {
    if (this.scanned?.text === text) return this.scanned.hits;
    const hits: TermHit[] = [];
    if (this.pattern) {
      this.pattern.lastIndex = 0;
      for (const match of text.matchAll(this.pattern)) hits.push({ start: match.index, end: match.index + match[0].length, term: match[0] });
    }
    this.scanned = { text, hits };
    return hits;
  }

  /** Every non-overlapping hit within text[from, to), left to right. */
  find(text: string, from = 0, to = text.length): TermHit[] {
    if (!this.pattern) return [];
    const all = this.hitsIn(text);
    if (from === 0 && to === text.length) return all;
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (all[mid]!.start < from) low = mid + 1;
      else high = mid;
    }
    const hits: TermHit[] = [];
    for (let i = low; i < all.length && all[i]!.start < to; i += 1) if (all[i]!.end <= to) hits.push(all[i]!);
    return hits;
  }

  /** Whether anything stands in text[from, to). */
  has(text: string, from = 0, to = text.length): boolean {
    return this.find(text, from, to).length > 0;
  }
}

export class TermSet extends Scanner {
  readonly terms: readonly string[];

  constructor(terms: Iterable<string>, guards: Readonly<Record<string, Guard>> = {}) {
    const sorted = [...new Set([...terms].filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
    super(sorted.length === 0 ? null : new RegExp(sorted.map((term) => entryPattern(term, guards[term])).join('|'), 'gu'));
    this.terms = sorted;
  }
}
