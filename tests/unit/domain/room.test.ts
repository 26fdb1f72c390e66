import { describe, expect, it } from 'vitest';
import { parseRoom } from '../../../domain/room';

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
