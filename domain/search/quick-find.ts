/**
 * Quick-find over households: by owner name, full pinyin or initials (张三 from `zhangsan` or `zs`),
 * any written form of a room (`8-2-1203`, `8栋2单元1203`, `8-2`), a shop however its number is typed
 * (`C-21`, `c21`, `商铺C21` for 商铺C-21), or the last 4 digits of a phone. Among equally good matches,
 * households that owe come first. A linear scan over pre-normalised keys: a few milliseconds for 50,000
 * households, no index to keep in sync. Pure.
 */
import { pinyin } from 'pinyin-pro';
import { compactRoomCode, parseRoom } from '../room';
import { toHalfWidth } from '../text';

export interface SearchableHousehold {
  id: string;
  community: string;
  roomKey: string;
  ownerName: string;
  payers: readonly string[];
  phones: readonly string[];
}

export type MatchKind = 'room' | 'name' | 'pinyin' | 'initials' | 'phone' | 'community';

export interface QuickFindOptions {
  /** What a household owes now; households that owe rank above paid-up ones among equal matches. */
  owedFenOf?(id: string): number;
}

export interface QuickFindHit {
  id: string;
  score: number;
  matched: MatchKind;
}

const SEP = '\u0001';

const pushTo = (map: Map<string, number[]>, key: string, index: number) => {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
};

/** Pinyin keys of a Chinese name; 曾/单/解 read as surnames. */
export function pinyinKeys(name: string): { full: string; initials: string } {
  if (!name) return { full: '', initials: '' };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' }) as string[];
  return {
    full: syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, ''),
    initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase(),
  };
}

/** Sorted keys that start with `prefix`, by binary search for the first. */
function* keysStartingWith(sorted: readonly string[], prefix: string): Generator<string> {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i += 1) yield sorted[i]!;
}

/** A shop-like code (商铺C-21 → C21): letters and a number. Plain residential keys (8-2-1203) have none. */
const isLetteredCode = (code: string): boolean => /[A-Z]/.test(code) && /\d/.test(code);

/** `\u0001a\u0001b\u0001`: one string per household, so a scan is one `includes` per household. */
const blob = (values: readonly string[]): string => `${SEP}${values.join(SEP)}${SEP}`;

type Offer = (index: number, score: number, matched: MatchKind) => void;

export class QuickFindIndex {
  private readonly ids: string[] = [];
  private readonly communities: string[] = [];
  private readonly nameBlobs: string[] = [];
  private readonly pinyinBlobs: string[] = [];
  private readonly initialBlobs: string[] = [];
  private readonly byRoom = new Map<string, number[]>();
  /** Room keys sorted, for prefix look-ups (8-2 → 8-2-101, 8-2-102 …). */
  private readonly sortedRooms: string[];
  /** The room number alone (1203 → every 1203). */
  private readonly byRoomNumber = new Map<string, number[]>();
  private readonly byLast4 = new Map<string, number[]>();
  /** Lettered room keys as compact codes (商铺C-21 → C21), and those codes sorted for prefix look-ups. */
  private readonly byCode = new Map<string, number[]>();
  private readonly sortedCodes: string[];
  /** 1 where the household owes. */
  private readonly owing: Uint8Array;

  constructor(households: Iterable<SearchableHousehold>, options: QuickFindOptions = {}) {
    const owes: number[] = [];
    for (const household of households) {
      const index = this.ids.push(household.id) - 1;
      owes.push(options.owedFenOf && options.owedFenOf(household.id) > 0 ? 1 : 0);
      this.communities.push(household.community);
      const names = [household.ownerName, ...household.payers].filter(Boolean);
      const keys = names.map(pinyinKeys);
      this.nameBlobs.push(blob(names));
      this.pinyinBlobs.push(blob(keys.map((k) => k.full)));
      this.initialBlobs.push(blob(keys.map((k) => k.initials)));
      const roomKey = household.roomKey.toUpperCase();
      pushTo(this.byRoom, roomKey, index);
      pushTo(this.byRoomNumber, roomKey.split('-').pop()!, index);
      if (/[A-Z]/.test(roomKey)) {
        const code = compactRoomCode(roomKey);
        if (isLetteredCode(code)) pushTo(this.byCode, code, index);
      }
      for (const phone of household.phones) pushTo(this.byLast4, phone.slice(-4), index);
    }
    this.sortedRooms = [...this.byRoom.keys()].sort();
    this.sortedCodes = [...this.byCode.keys()].sort();
    this.owing = Uint8Array.from(owes);
  }

  get size(): number {
    return this.ids.length;
  }

  search(rawQuery: string, limit = 20): QuickFindHit[] {
    const query = toHalfWidth(rawQuery).trim().replace(/\s+/g, '');
    if (!query) return [];
    const best = new Map<number, { score: number; matched: MatchKind }>();
    const offer: Offer = (index, score, matched) => {
      const current = best.get(index);
      if (!current || score > current.score) best.set(index, { score, matched });
    };

    if (/\d/.test(query)) this.searchRooms(query, offer);
    if (/^\d{4}$/.test(query)) for (const index of this.byLast4.get(query) ?? []) offer(index, 90, 'phone');
    if (/[\u4e00-\u9fff]/.test(query) && !/\d/.test(query)) this.scan(this.nameBlobs, query, [95, 80, query.length >= 2 ? 60 : 0], 'name', offer);
    if (/^[a-z]+$/i.test(query)) {
      const letters = query.toLowerCase();
      this.scan(this.pinyinBlobs, letters, [92, letters.length >= 2 ? 75 : 0, 0], 'pinyin', offer);
      this.scan(this.initialBlobs, letters, [88, letters.length >= 2 ? 65 : 0, 0], 'initials', offer);
    }

    return [...best.entries()]
      .sort(([a, hitA], [b, hitB]) => hitB.score - hitA.score || this.owing[b]! - this.owing[a]! || this.ids[a]!.localeCompare(this.ids[b]!))
      .slice(0, limit)
      .map(([index, hit]) => ({ id: this.ids[index]!, ...hit }));
  }

  private searchRooms(query: string, offer: Offer): void {
    const room = parseRoom(query);
    if (!room) return;
    const key = room.key.toUpperCase();
    const inCommunity = (index: number) => !room.community || this.communities[index]!.includes(room.community);
    for (const index of this.byRoom.get(key) ?? []) if (inCommunity(index)) offer(index, 100, 'room');
    // Every room that starts with this one: 8-2 → 8-2-*
    for (const longer of keysStartingWith(this.sortedRooms, `${key}-`)) for (const index of this.byRoom.get(longer)!) if (inCommunity(index)) offer(index, 70, 'room');
    // Shops however their number is typed: C-21, c21, 商铺C21 → C21. A longer code (C-2 → C-21) ranks below the
    // exact one and below a unit's rooms (B3-1 → B3-1-*).
    const code = compactRoomCode(key);
    if (isLetteredCode(code)) {
      for (const index of this.byCode.get(code) ?? []) if (inCommunity(index)) offer(index, 100, 'room');
      for (const longer of keysStartingWith(this.sortedCodes, code)) {
        if (longer !== code) for (const index of this.byCode.get(longer)!) if (inCommunity(index)) offer(index, 60, 'room');
      }
    }
    if (/^\d+$/.test(query)) for (const index of this.byRoomNumber.get(String(Number(query))) ?? []) offer(index, 50, 'room');
  }

  /** One pass over the blobs with [exact, prefix, anywhere] scores; 0 turns a kind of match off. */
  private scan(blobs: readonly string[], needle: string, [exact, prefix, anywhere]: [number, number, number], matched: MatchKind, offer: Offer): void {
    const startsAt = SEP + needle;
    const whole = startsAt + SEP;
    const probe = anywhere ? needle : startsAt;
    for (let index = 0; index < blobs.length; index += 1) {
      const text = blobs[index]!;
      if (!text.includes(probe)) continue;
      if (text.includes(whole)) offer(index, exact, matched);
      else if (prefix && text.includes(startsAt)) offer(index, prefix, matched);
      else if (anywhere) offer(index, anywhere, matched);
    }
  }
}
