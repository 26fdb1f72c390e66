/**
 * Room addresses. Exports write the same room many ways — `8-2-1203`, `8栋2单元1203`, `8幢2单元1203室`,
 * `08-02-1203`, `8号楼2单元1203`, `8#2-1203` — and all of them are one key: `8-2-1203`
 * (building-unit-room, numeric parts without leading zeros; `8-1203` when there is no unit).
 * A community name in front (`观山水 8-2-1203`) is split off. Anything else (shops like `商铺A-12`)
 * keeps its cleaned text as the key, so it still matches itself.
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
