import { describe, expect, it } from 'vitest';
import { compactRoomCode, parseRoom, parseRoomParts } from '../../../domain/room';

describe('parseRoom', () => {
  it.each(['8-2-1203', '8栋2单元1203', '8幢2单元1203室', '08-02-1203', '8号楼2单元1203', '8#2-1203', '８－２－１２０３', '8座2单元1203号', '八栋二单元1203', ' 8 栋 2 单元 1203 '])(
    '%s is room 8-2-1203',
    (text) => {
      expect(parseRoom(text)).toMatchObject({ key: '8-2-1203', building: '8', unit: '2', room: '1203', label: '8栋2单元1203', structured: true });
    },
  );

  it('splits off a community written in front', () => {
    expect(parseRoom('观山水 8-2-1203')).toMatchObject({ community: '观山水', key: '8-2-1203' });
    expect(parseRoom('观山水8栋2单元1203室')).toMatchObject({ community: '观山水', key: '8-2-1203' });
  });

  it('handles rooms without a unit and lettered buildings', () => {
    expect(parseRoom('8栋1203')).toMatchObject({ key: '8-1203', unit: '' });
    expect(parseRoom('8-1203')).toMatchObject({ key: '8-1203' });
    expect(parseRoom('A座1203')).toMatchObject({ key: 'A-1203' });
    expect(parseRoom('b3栋1单元0801室')).toMatchObject({ key: 'B3-1-801' });
  });

  it('keeps free-form shop and parking names as their own key', () => {
    expect(parseRoom('商铺A-12')).toMatchObject({ key: '商铺A-12', structured: false, community: '' });
    expect(parseRoom('商铺 a-12')?.key).toBe('商铺A-12');
  });

  it('returns null for an empty cell', () => {
    expect(parseRoom('')).toBeNull();
    expect(parseRoom(null)).toBeNull();
  });

  it('keeps different rooms apart', () => {
    const keys = ['8-2-1203', '8-2-1204', '8-3-1203', '9-2-1203', '8-1203'].map((text) => parseRoom(text)!.key);
    expect(new Set(keys).size).toBe(5);
  });
});

describe('parseRoom with a community in front of a shop', () => {
  it('splits the community off a shop name', () => {
    expect(parseRoom('观山水 商铺A-12')).toMatchObject({ community: '观山水', key: '商铺A-12', structured: false });
    expect(parseRoom('观山水商铺A-12')).toMatchObject({ community: '观山水', key: '商铺A-12' });
  });
});

describe('parseRoomParts: separate 楼栋 / 单元 / 房号 cells', () => {
  const buildings = ['7栋', '7幢', '7号楼', '07', '7', '七栋', ' 7 栋 ', '７栋'];
  const units = ['3单元', '03', '3', '三单元', '3 单元'];
  const rooms = ['1504', '1504室', '1504号', ' 1504 '];
  const oneColumn = ['7-3-1504', '7栋3单元1504', '07-03-1504', '7幢3单元1504室', '7号楼3单元1504'];
  const seven = { key: '7-3-1504', label: '7栋3单元1504', building: '7', unit: '3', room: '1504', structured: true, community: '' };

  it('every one-column form is the same room', () => {
    for (const text of oneColumn) expect(parseRoom(text)).toMatchObject(seven);
  });

  const combinations = buildings.flatMap((building) => units.flatMap((unit) => rooms.map((room) => [building, unit, room] as const)));
  it.each(combinations)('%j %j %j is the same room as 7-3-1504', (building, unit, room) => {
    expect(parseRoomParts({ building, unit, room })).toEqual(parseRoom('7-3-1504'));
  });

  const withoutUnit = buildings.flatMap((building) => rooms.map((room) => [building, room] as const));
  it.each(withoutUnit)('%j with room %j and no unit is 7-1504', (building, room) => {
    expect(parseRoomParts({ building, unit: '', room })).toEqual(parseRoom('7栋1504'));
  });

  it.each([
    ['A座', '', '1203', 'A-1203', 'A栋1203'],
    ['a座', '', '1203室', 'A-1203', 'A栋1203'],
    ['A', '2单元', '1203', 'A-2-1203', 'A栋2单元1203'],
    ['B栋', '02', '0801', 'B-2-801', 'B栋2单元801'],
    ['b3栋', '1单元', '0801室', 'B3-1-801', 'B3栋1单元801'],
  ])('lettered building %j %j %j is %s', (building, unit, room, key, label) => {
    expect(parseRoomParts({ building, unit, room })).toMatchObject({ key, label, structured: true });
    expect(parseRoomParts({ building, unit, room })!.key).toBe(parseRoom(label)!.key);
  });

  it('a room cell holding the whole address is read on its own', () => {
    expect(parseRoomParts({ building: '7栋', unit: '3单元', room: '7-3-1504' })).toEqual(parseRoom('7-3-1504'));
    expect(parseRoomParts({ building: '7', unit: '', room: '观山水7栋3单元1504室' })).toMatchObject({ community: '观山水', key: '7-3-1504' });
  });

  it.each([
    ['', '', '商铺C-21', '商铺C-21'],
    ['商业', '', '商铺C-21', '商铺C-21'],
    ['C栋', '', '商铺c-21', '商铺C-21'],
    ['', '', 'C-21', 'C-21'],
    ['', '', '观山水 商铺A-12', '商铺A-12'],
  ])('a shop %j %j %j keeps its own key %s', (building, unit, room, key) => {
    expect(parseRoomParts({ building, unit, room })!.key).toBe(key);
    expect(parseRoomParts({ building, unit, room })!.key).toBe(parseRoom(room)!.key);
  });

  it('keeps the keys of the separate-column forms that already worked', () => {
    // Stored ledgers hold these: the merge on re-import depends on them staying as they were.
    expect(parseRoomParts({ building: '3', unit: '1', room: '502' })!.key).toBe('3-1-502');
    expect(parseRoomParts({ building: '5', unit: '1', room: '0301' })!.key).toBe('5-1-301');
    expect(parseRoomParts({ building: '8', unit: '', room: '1203' })!.key).toBe('8-1203');
    expect(parseRoomParts({ building: '', unit: '', room: '8-2-1203' })!.key).toBe('8-2-1203');
    expect(parseRoomParts({ building: '', unit: '2', room: '1203' })!.key).toBe('2单元1203');
    expect(parseRoomParts({ building: '商业街', unit: '', room: 'C-21' })!.key).toBe('C-21');
    expect(parseRoomParts({ building: '商业街', unit: '', room: '21' })!.key).toBe('商业街栋21');
  });

  it('keeps different rooms apart and an empty room cell empty', () => {
    const keys = [
      { building: '7栋', unit: '3单元', room: '1504' },
      { building: '7栋', unit: '2单元', room: '1504' },
      { building: '17栋', unit: '3单元', room: '1504' },
      { building: '7栋', unit: '', room: '1504' },
      { building: '7栋', unit: '3单元', room: '504' },
    ].map((parts) => parseRoomParts(parts)!.key);
    expect(new Set(keys).size).toBe(5);
    expect(parseRoomParts({ building: '7栋', unit: '3单元', room: '' })).toBeNull();
  });
});

describe('compactRoomCode', () => {
  it.each([
    ['商铺C-21', 'C21'],
    ['C-21', 'C21'],
    ['c21', 'C21'],
    ['商铺C21', 'C21'],
    ['商铺C-02', 'C2'],
    ['C-2', 'C2'],
    ['车位B2-015', 'B215'],
    ['8-2-1203', '821203'],
  ])('%s is %s', (key, code) => {
    expect(compactRoomCode(key)).toBe(code);
  });
});
