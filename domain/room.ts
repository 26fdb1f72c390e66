/**
 * Room addresses. Exports write the same room many ways — `8-2-1203`, `8栋2单元1203`, `8幢2单元1203室`,
 * `08-02-1203`, `8号楼2单元1203`, `8#2-1203` — and all of them are one key: `8-2-1203`
 * (building-unit-room, numeric parts without leading zeros; `8-1203` when there is no unit).
 * A community name in front (`观山水 8-2-1203`) is split off. Anything else (shops like `商铺A-12`)
 * keeps its cleaned text as the key, so it still matches itself. Separate 楼栋 / 单元 / 房号 cells
 * (`7栋` `3单元` `1504室`) give the same address as the one-column forms (parseRoomParts).
 */
import { chineseNumeralToDigits, cleanCell } from './text';

export interface RoomAddress {
  /** Community written in front of the room, if any. */
  community: string;
  building: string;
  unit: string;
  room: string;
  /** Normalised key: equal for every written form of the same room. */
  key: string;
  /** How the app writes it: 8栋2单元1203. */
  label: string;
  /** False when the text did not look like building/unit/room and its cleaned text is the key. */
  structured: boolean;
}

/** Shops, parking and storage are written freely (`商铺A-12`, `车位B2-015`): their text is their key. */
const NON_RESIDENTIAL_PREFIX = /^(商铺|商业|底商|门面|铺面|车位|车库|储藏室|地下室)/;

const stripZeros = (part: string): string => (/^\d+$/.test(part) ? String(Number(part)) : part.toUpperCase());

const BUILDING = String.raw`([0-9A-Za-z]+)\s*(?:号楼|栋|幢|座|楼|#|号|-)`;
const UNIT = String.raw`(?:([0-9A-Za-z]+)\s*(?:单元|门|-))?`;
const ROOM = String.raw`([0-9A-Za-z]+?)\s*(?:室|号房|号|房)?`;
const STRUCTURED = new RegExp(`^${BUILDING}\\s*${UNIT}\\s*${ROOM}$`);

export function labelOf(building: string, unit: string, room: string): string {
  return `${building}栋${unit ? `${unit}单元` : ''}${room}`;
}

export function keyOf(building: string, unit: string, room: string): string {
  return [building, unit, room].filter(Boolean).join('-');
}

export function parseRoom(value: unknown): RoomAddress | null {
  const text = chineseNumeralToDigits(cleanCell(value));
  if (!text) return null;
  if (NON_RESIDENTIAL_PREFIX.test(text)) return unstructured('', text);
  // A leading community name: CJK text before the first digit or latin letter that starts the address.
  const split = /^([\u4e00-\u9fff·]{2,}?)\s*((?:商铺|商业|底商|门面|铺面|车位|车库|储藏室|地下室)?[0-9A-Za-z].*)$/.exec(text);
  const community = split && !/(号楼|栋|幢|座|单元)$/.test(split[1]!) ? split[1]! : '';
  const address = community ? split![2]! : text;
  if (NON_RESIDENTIAL_PREFIX.test(address)) return unstructured(community, address);
  const match = STRUCTURED.exec(address.replace(/\s+/g, ''));
  if (match) {
    const building = stripZeros(match[1]!);
    const unit = match[2] ? stripZeros(match[2]) : '';
    const room = stripZeros(match[3]!);
    return { community, building, unit, room, key: keyOf(building, unit, room), label: labelOf(building, unit, room), structured: true };
  }
  return unstructured(community, address);
}

function unstructured(community: string, address: string): RoomAddress {
  const key = address.replace(/\s+/g, '').toUpperCase();
  return { community, building: '', unit: '', room: key, key, label: address, structured: false };
}

/** What a building or unit cell may carry after its number: 7栋, 7幢, 7号楼, A座, 3单元. */
const BUILDING_SUFFIX = /\s*(?:号楼|栋|幢|座|楼|#|号)$/;
const UNIT_SUFFIX = /\s*(?:单元|门)$/;

export interface RoomParts {
  building: unknown;
  unit: unknown;
  room: unknown;
}

/**
 * A room written in separate 楼栋 / 单元 / 房号 cells — `7栋` `3单元` `1504`, `07` `03` `1504室`, `7号楼` `3` `1504`,
 * `A座` `` `1203` — as the same address (key, label, building, unit) as its one-column forms. A room cell that
 * holds the whole address (`7-3-1504`) or names a shop (`商铺C-21`) is read on its own, as is one with neither a
 * building nor a unit beside it. `parse` lets a caller memoise parseRoom.
 */
export function parseRoomParts(parts: RoomParts, parse: (text: string) => RoomAddress | null = parseRoom): RoomAddress | null {
  const room = cleanCell(parts.room);
  const direct = parse(room);
  const building = cleanCell(parts.building).replace(BUILDING_SUFFIX, '');
  const unit = cleanCell(parts.unit).replace(UNIT_SUFFIX, '');
  if (!direct || (!building && !unit)) return direct;
  if (direct.structured ? direct.building !== '' : NON_RESIDENTIAL_PREFIX.test(direct.key)) return direct;
  return parse(`${building ? `${building}栋` : ''}${unit ? `${unit}单元` : ''}${room}`);
}

/**
 * A room key as one code for look-ups typed loosely: without the shop or parking word and the separators,
 * letters in upper case, numbers without leading zeros. 商铺C-21, C-21, c21 and 商铺C21 are all `C21`;
 * 商铺C-02 is `C2`.
 */
export function compactRoomCode(key: string): string {
  const runs = key.replace(NON_RESIDENTIAL_PREFIX, '').toUpperCase().match(/[A-Z]+|\d+/g) ?? [];
  return runs.map((run) => run.replace(/^0+(?=\d)/, '')).join('');
}
