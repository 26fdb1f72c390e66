/** Quick-find over the demo ledger: shops however their number is typed, and households that owe first. */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../domain/demo/generate-demo';
import { householdIdOf, owedOf, type Household } from '../../../domain/ledger';
import { compactRoomCode } from '../../../domain/room';
import { QuickFindIndex, type QuickFindHit } from '../../../domain/search/quick-find';

const demo = generateDemo({ households: 3000, today: '2026-11-26' });
const owed = new Map<string, number>();
for (const item of demo.items) owed.set(item.householdId, (owed.get(item.householdId) ?? 0) + owedOf(item));

function household(community: string, roomKey: string, ownerName: string): Household {
  return { id: householdIdOf(community, roomKey), community, building: '', unit: '', room: roomKey, roomKey, roomLabel: roomKey, kind: '商铺', occupied: true, custody: false, ownerName, payers: [], phones: ['10000000000'] };
}

const index = new QuickFindIndex(demo.households, { owedFenOf: (id) => owed.get(id) ?? 0 });
const owes = (id: string) => (owed.get(id) ?? 0) > 0;
const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);
/** Within each run of equal scores, owing households come before paid-up ones. */
const owingFirst = (hits: QuickFindHit[]) => hits.every((hit, i) => i === 0 || hits[i - 1]!.score > hit.score || owes(hits[i - 1]!.id) || !owes(hit.id));

describe('quick-find: shops however their number is typed', () => {
  const shops = demo.households.filter((h) => h.kind === '商铺');

  it('the demo has shops to find', () => {
    expect(shops.length).toBeGreaterThan(50);
    expect(ids(shops.filter((h) => h.roomKey === '商铺C-21'))).toEqual(['翠湖湾|商铺C-21', '锦绣华庭|商铺C-21']);
  });

  it.each(['C-21', 'c21', 'C21', '商铺C21', '商铺C-21', 'c-21', 'Ｃ－２１'])('%s finds both 商铺C-21 first', (query) => {
    const hits = index.search(query, 12);
    expect(ids(hits.slice(0, 2)).sort()).toEqual(['翠湖湾|商铺C-21', '锦绣华庭|商铺C-21']);
    expect(hits[0]).toMatchObject({ score: 100, matched: 'room' });
    expect(hits.slice(2).every((hit) => hit.score < 100)).toBe(true);
  });

  it('a community in front narrows it to that community', () => {
    expect(ids(index.search('锦绣华庭 c21', 12))).toEqual(['锦绣华庭|商铺C-21']);
  });

  it('every demo shop is found exactly by its letter and number, in each written form', () => {
    for (const shop of shops) {
      const [, letter, number] = /^商铺([A-Z])-(\d+)$/.exec(shop.roomKey)!;
      for (const query of [`${letter}-${number}`, `${letter!.toLowerCase()}${number}`, `${letter}${Number(number)}`, `商铺${letter}${number}`]) {
        const exact = index.search(query, 50).filter((hit) => hit.score === 100);
        expect(ids(exact), query).toContain(shop.id);
        for (const hit of exact) expect(compactRoomCode(hit.id.split('|')[1]!), query).toBe(compactRoomCode(shop.roomKey));
      }
    }
  });

  it.each(['C-2', 'c2', 'C-02', '商铺C2'])('%s finds 商铺C-02 before C-20 … C-22, though they owe and C-02 does not', (query) => {
    expect(owes('锦绣华庭|商铺C-21')).toBe(true);
    expect(owes('观澜苑|商铺C-02')).toBe(false);
    const hits = index.search(query, 12);
    expect(hits[0]).toMatchObject({ id: '观澜苑|商铺C-02', score: 100 });
    expect(ids(hits)).toEqual(expect.arrayContaining(['翠湖湾|商铺C-20', '翠湖湾|商铺C-21', '锦绣华庭|商铺C-21', '翠湖湾|商铺C-22']));
    expect(hits.slice(1).every((hit) => hit.score < 100)).toBe(true);
    // Among the longer numbers (C-20 … C-29), those that owe come first.
    expect(owingFirst(hits)).toBe(true);
    expect(owes(hits[1]!.id)).toBe(true);
  });

  it('residential rooms are found as before', () => {
    const room = demo.households.find((h) => h.kind === '住宅' && h.building === '2' && h.unit === '1')!;
    for (const query of [room.roomKey, `${room.building}栋${room.unit}单元${room.room}`, `0${room.building}-0${room.unit}-${room.room}`]) {
      expect(index.search(query, 12).filter((hit) => hit.score === 100).map((hit) => hit.id)).toContain(room.id);
    }
  });
});

describe('quick-find: among equally good matches, households that owe first', () => {
  it.each(['101', '1-1', '王', 'wang', 'zh', '1203', 'B-1'])('%s: owing households lead each score', (query) => {
    const hits = index.search(query, 200);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.some((hit) => owes(hit.id)) && hits.some((hit) => !owes(hit.id))).toBe(true);
    expect(owingFirst(hits)).toBe(true);
  });

  it('a better match still ranks above one that owes', () => {
    const paid = demo.households.find((h) => h.kind === '住宅' && !owes(h.id))!;
    const hits = index.search(paid.roomKey, 50);
    expect(hits[0]).toMatchObject({ id: paid.id, score: 100 });
  });

  it('puts the owing namesake first, whatever the ids', () => {
    const both = [household('观澜苑', '商铺A-01', '司徒静'), household('观澜苑', '商铺Z-99', '司徒静')];
    const owing = new QuickFindIndex(both, { owedFenOf: (id) => (id.endsWith('Z-99') ? 12_000 : 0) });
    expect(ids(owing.search('司徒静'))).toEqual(['观澜苑|商铺Z-99', '观澜苑|商铺A-01']);
    expect(ids(owing.search('stj'))).toEqual(['观澜苑|商铺Z-99', '观澜苑|商铺A-01']);
    // Without amounts, by id as before.
    expect(ids(new QuickFindIndex(both).search('司徒静'))).toEqual(['观澜苑|商铺A-01', '观澜苑|商铺Z-99']);
  });
});
