/**
 * The text the lint reads, and the way back to the text the lead wrote. Normalising folds what differs only in how
 * it is written: full-width letters and digits (ＳＢ, １３８), upper case, traditional characters (門禁 → 门禁),
 * white space and punctuation put inside a word (停 水, 征信 with an ideographic space, 电-梯-卡), quotation marks, and regional words
 * (唔交 → 不交, 侬 → 你), typos and homophones (征心 → 征信, 电悌 → 电梯), pinyin initials and English words mixed in
 * (mj → 门禁, no water → 没水; see variants.ts), letters spelled out one by one (s h u i) and pinyin disguised with digits or
 * marks (t1ng, d!an). A lone Latin letter inside Chinese (停d水) is dropped; in a message with no commas or full
 * stops, a space between runs of words is read as a comma (报上去了 下周停热水). Every character of the result remembers the span of the original it came from, so a
 * finding names the words as written and where they stand. Pure.
 */
import { regionalWords } from './regional';
import { traditionalPairs } from './traditional';
import { latinWords, typoWords } from './variants';

export interface NormalisedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts in the original, and where it ends (exclusive). */
  from: number[];
  to: number[];
}

let simplifiedOf: Map<string, string> | undefined;

function simplified(): Map<string, string> {
  if (simplifiedOf) return simplifiedOf;
  simplifiedOf = new Map();
  for (let i = 0; i + 1 < traditionalPairs.length; i += 2) simplifiedOf.set(traditionalPairs[i]!, traditionalPairs[i + 1]!);
  return simplifiedOf;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Rewrites {
  pattern: RegExp;
  to: Map<string, string>;
}

const rewritesOf = (table: readonly (readonly [string, string])[], latin: boolean): Rewrites => {
  const keys = table.map(([from]) => from).sort((a, b) => b.length - a.length);
  const source = keys.map(escape).join('|');
  return { pattern: new RegExp(latin ? `(?<![a-z])(?:${source})(?![a-z])` : source, 'gu'), to: new Map(table) };
};

let regional: Rewrites | undefined;
let latin: Rewrites | undefined;

/** Regional words, typos and homophones (after separators are dropped). */
const regionalPattern = (): Rewrites => (regional ??= rewritesOf([...regionalWords, ...typoWords], false));
/** Pinyin initials and English words (before separators are read, so no, water stays two words until rewritten). */
const latinPattern = (): Rewrites => (latin ??= rewritesOf(latinWords, true));

/** A letter that is part of an insult (傻b, 穷b): kept. */
const LETTER_INSULTS = new Set(['傻b', '傻x', '穷b', '二b', '煞b', '沙b', '装b']);

/** Commas and full stops: a text that has them does not punctuate with spaces. */
const CLAUSE_MARK = new Set(['，', '。', ',', '；', ';', '、']);

/** Marks that never carry meaning inside a sentence. */
const QUOTE = new Set(['"', "'", '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞', '《', '》', '〈', '〉']);
/** Marks that split a word when they stand between two Chinese characters (停*水, 电-梯). */
const INNER_MARK = new Set(['·', '•', '・', '*', '_', '~', '-', '—', '–', '.', '|', '/', '\\', '^', '`', '#', '=', '+']);

const isSpace = (code: number): boolean =>
  code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
const isZeroWidth = (code: number): boolean => (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
const isCjk = (ch: string | undefined): boolean => {
  if (!ch) return false;
  const code = ch.charCodeAt(0);
  return code === 0x3007 || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd800 && code <= 0xdfff);
};

/**
 * Emoji that stand for a service (明天起你家⚡就断了); any other emoji is a mark inside a word when it stands right
 * between two Chinese characters (征🌟信), and a space elsewhere (停水了哈💧 明天见).
 */
const EMOJI_WORDS: ReadonlyMap<string, string> = new Map([
  ['⚡', '电'], ['💡', '电'], ['🔌', '电'], ['💧', '水'], ['🚰', '水'], ['🚿', '热水'], ['🚗', '车'], ['🚙', '车'], ['🚘', '车'], ['🛗', '电梯'], ['🚪', '门'], ['🔑', '钥匙'],
]);
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** Variation selectors and skin tones: part of the emoji before them. */
const isEmojiModifier = (code: number, ch: string): boolean => code === 0xfe0f || code === 0xfe0e || (ch >= '\u{1f3fb}' && ch <= '\u{1f3ff}');

/** The text as a list of UTF-16 units, each with the original span it came from. */
interface Units {
  chars: string[];
  from: number[];
  to: number[];
}

/** Width, case and traditional characters, one original character at a time. */
function foldCharacters(original: string): Units {
  const units: Units = { chars: [], from: [], to: [] };
  const table = simplified();
  for (let at = 0; at < original.length; ) {
    const code = original.charCodeAt(at);
    const size = code >= 0xd800 && code <= 0xdbff && at + 1 < original.length ? 2 : 1;
    const from = at;
    at += size;
    if (isZeroWidth(code)) continue;
    let ch = size === 2 ? original.slice(from, at) : original[from]!;
    if ((code >= 0x2190 && code < 0x3000) || size === 2 || code === 0xfe0f || code === 0xfe0e) {
      if (isEmojiModifier(code, ch)) continue;
      const word = EMOJI_WORDS.get(ch);
      if (word !== undefined || PICTOGRAPHIC.test(ch)) {
        let next = at;
        while (next < original.length && (original.charCodeAt(next) === 0xfe0f || original.charCodeAt(next) === 0xfe0e)) next += 1;
        const inWord = isCjk(units.chars[units.chars.length - 1]) && isCjk(original[next]) && !PICTOGRAPHIC.test(original.slice(next, next + 2));
        for (const unit of word ?? (inWord ? '·' : ' ')) {
          units.chars.push(unit);
          units.from.push(from);
          units.to.push(at);
        }
        continue;
      }
    }
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (isSpace(code)) ch = ' ';
    // yè zhǔ qún: pinyin tone marks folded away.
    else if (code >= 0xc0 && code <= 0x24f) ch = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (ch >= 'A' && ch <= 'Z') ch = ch.toLowerCase();
    ch = table.get(ch) ?? ch;
    for (let i = 0; i < ch.length; i += 1) {
      units.chars.push(ch[i]!);
      units.from.push(from);
      units.to.push(at);
    }
  }
  return units;
}

/** How many Chinese characters run from `at` in direction `step` (up to 2). */
function cjkRun(chars: readonly string[], at: number, step: 1 | -1): number {
  let count = 0;
  for (let k = at; k >= 0 && k < chars.length && count < 2 && isCjk(chars[k]); k += step) count += 1;
  return count;
}

/** Drops spaces beside Chinese characters, quotation marks, and marks put between two Chinese characters. */
function dropSeparators(units: Units): Units {
  const kept: Units = { chars: [], from: [], to: [] };
  const { chars } = units;
  const isMark = (ch: string) => ch === ' ' || QUOTE.has(ch) || INNER_MARK.has(ch);
  // A message written without commas or full stops uses its spaces as punctuation.
  const spacesPunctuate = !chars.some((ch) => CLAUSE_MARK.has(ch));
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (QUOTE.has(ch)) continue;
    // 停d水: a lone Latin letter between two Chinese characters is noise.
    if (/^[a-z]$/.test(ch) && isCjk(kept.chars[kept.chars.length - 1]) && isCjk(chars[i + 1]) && !LETTER_INSULTS.has(kept.chars[kept.chars.length - 1]! + ch)) continue;
    if (ch === ' ' || INNER_MARK.has(ch)) {
      let j = i + 1;
      while (j < chars.length && isMark(chars[j]!)) j += 1;
      const cjkBefore = isCjk(kept.chars[kept.chars.length - 1]);
      const cjkAfter = isCjk(chars[j]);
      // 报上去了 下周停热水: a space between two runs of words is a comma (a space inside a word, 停 水, is not).
      if (ch === ' ' && spacesPunctuate && cjkBefore && cjkAfter && cjkRun(kept.chars, kept.chars.length - 1, -1) >= 2 && cjkRun(chars, j, 1) >= 2) {
        kept.chars.push(',');
        kept.from.push(units.from[i]!);
        kept.to.push(units.to[i]!);
        i = j - 1;
        continue;
      }
      if (ch === ' ' ? cjkBefore || cjkAfter : cjkBefore && cjkAfter) continue;
    }
    kept.chars.push(ch);
    kept.from.push(units.from[i]!);
    kept.to.push(units.to[i]!);
  }
  return kept;
}

/**
 * Rewrites table keys; a replacement's characters all point at the words they replace. With `absorb` (English and
 * pinyin), a space between the word and Chinese is the word's own spacing, not punctuation (明天就 cut off 你家的电), so
 * it goes with the word.
 */
function rewrite(units: Units, { pattern, to }: Rewrites, absorb = false): Units {
  const text = units.chars.join('');
  pattern.lastIndex = 0;
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return units;
  const out: Units = { chars: [], from: [], to: [] };
  const copy = (i: number) => {
    out.chars.push(units.chars[i]!);
    out.from.push(units.from[i]!);
    out.to.push(units.to[i]!);
  };
  let at = 0;
  for (const match of matches) {
    const start = match.index;
    for (; at < start; at += 1) copy(at);
    const end = start + match[0].length;
    const replacement = to.get(match[0]) ?? match[0];
    const last = out.chars.length - 1;
    if (absorb && out.chars[last] === ' ' && isCjk(out.chars[last - 1]) && isCjk(replacement[0])) {
      out.chars.pop();
      out.from.pop();
      out.to.pop();
    }
    for (const ch of replacement) {
      out.chars.push(ch);
      out.from.push(units.from[start]!);
      out.to.push(units.to[end - 1]!);
    }
    at = end;
    if (absorb && units.chars[at] === ' ' && isCjk(units.chars[at + 1]) && isCjk(replacement[replacement.length - 1])) at += 1;
  }
  for (; at < units.chars.length; at += 1) copy(at);
  return out;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';

/** Letters spelled out one by one (s h u i, s b) are read as one word: the spaces between them go. */
function joinSpelledLetters(units: Units): Units {
  const { chars } = units;
  const spelled = (i: number) => isLetter(chars[i]) && !isLetter(chars[i - 1]) && !isLetter(chars[i + 1]);
  const kept: Units = { chars: [], from: [], to: [] };
  for (let i = 0; i < chars.length; i += 1) {
    if (chars[i] === ' ' && spelled(i - 1) && spelled(i + 1)) continue;
    kept.chars.push(chars[i]!);
    kept.from.push(units.from[i]!);
    kept.to.push(units.to[i]!);
  }
  return kept;
}

const LEET: Record<string, string> = { '1': 'i', '!': 'i', '0': 'o', '3': 'e', '4': 'a', '@': 'a', $: 's' };
let latinKeys: Set<string> | undefined;
/** A Latin word with digits for letters or marks inside it (t1ng, d!an): read as the key it spells, if it spells one. */
const DISGUISED = /(?<![a-z0-9])[a-z][a-z0-9!@$*]*[a-z0-9](?![a-z0-9])/g;

function undisguise(units: Units): Units {
  const text = units.chars.join('');
  latinKeys ??= new Set(latinWords.map(([from]) => from).filter((key) => /^[a-z]+$/.test(key)));
  const out: Units = { chars: [], from: [], to: [] };
  let at = 0;
  for (const match of text.matchAll(DISGUISED)) {
    if (/^[a-z]+$/.test(match[0])) continue;
    const spelled = [...match[0]].map((ch) => LEET[ch] ?? ch).filter((ch) => /[a-z]/.test(ch));
    if (!latinKeys.has(spelled.join(''))) continue;
    for (; at < match.index; at += 1) {
      out.chars.push(units.chars[at]!);
      out.from.push(units.from[at]!);
      out.to.push(units.to[at]!);
    }
    const end = match.index + match[0].length;
    for (const ch of spelled) {
      out.chars.push(ch);
      out.from.push(units.from[match.index]!);
      out.to.push(units.to[end - 1]!);
    }
    at = end;
  }
  if (at === 0) return units;
  for (; at < units.chars.length; at += 1) {
    out.chars.push(units.chars[at]!);
    out.from.push(units.from[at]!);
    out.to.push(units.to[at]!);
  }
  return out;
}

export function normaliseText(original: string): NormalisedText {
  let units = foldCharacters(original);
  const folded = units.chars.join('');
  if (/[a-z]/.test(folded)) {
    if (/(?<![a-z])[a-z] [a-z](?![a-z])/.test(folded)) units = joinSpelledLetters(units);
    if (/[a-z][0-9!@$*]|[0-9!@$*][a-z]/.test(folded)) units = undisguise(units);
    units = rewrite(units, latinPattern(), true);
  }
  units = rewrite(dropSeparators(units), regionalPattern());
  return { text: units.chars.join(''), from: units.from, to: units.to };
}

/** A lexicon or custom term, normalised the same way as the text. */
export const normaliseTerm = (term: string): string => normaliseText(term.trim()).text;

/** The original span behind a span of the normalised text. */
export function originalSpan(normalised: NormalisedText, start: number, end: number): { index: number; end: number } {
  const index = normalised.from[start] ?? 0;
  return { index, end: Math.max(index, normalised.to[Math.max(start, end - 1)] ?? index) };
}
