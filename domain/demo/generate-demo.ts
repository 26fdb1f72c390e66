/**
 * Generated demo ledgers: realistic shapes, no real people. Names are random combinations of common
 * characters; phone numbers start with 100, which no Chinese mobile or landline number does.
 * Deterministic for a seed and a "today". Pure.
 */
import { monthEnd, type IsoDate } from '../dates';
import { feeFor, householdIdOf, type ArrearsItem, type Household, type HouseholdKind } from '../ledger';
import { keyOf, labelOf } from '../room';

export interface DemoOptions {
  households: number;
  seed?: number;
  /** The demo's "today": 24 months of bills end in this month. */
  today: IsoDate;
  months?: number;
}

export interface DemoLedger {
  households: Household[];
  items: ArrearsItem[];
}

export const DEMO_COMMUNITIES = ['翠湖湾', '锦绣华庭', '观澜苑'] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣颖琳晨瑶婷雪慧佳怡子轩浩然梓涵一诺思远嘉欣雨桐';

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of the latest months a household owes: most pay, a long tail does not. */
const ARREARS_PROFILE: readonly [number, number, number][] = [
  // [share, fewest months, most months]
  [0.5, 0, 0],
  [0.17, 1, 3],
  [0.12, 4, 6],
  [0.11, 7, 12],
  [0.1, 13, 24],
];

export function generateDemo(options: DemoOptions): DemoLedger {
  const rand = random(options.seed ?? 20261126);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(rand() * list.length)]!;
  const between = (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));
  const months = options.months ?? 24;
  const todayYear = Number(options.today.slice(0, 4));
  const todayMonth = Number(options.today.slice(5, 7));
  const monthsBack = (back: number): { year: number; month: number } => {
    const index = todayYear * 12 + (todayMonth - 1) - back;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  };
  const name = (): string => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
  const phone = (): string => `100${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;

  const households: Household[] = [];
  const items: ArrearsItem[] = [];
  const perCommunity = Math.ceil(options.households / DEMO_COMMUNITIES.length);

  for (const [communityIndex, community] of DEMO_COMMUNITIES.entries()) {
    const target = Math.min(perCommunity, options.households - households.length);
    const pricePerM2 = [2.2, 2.8, 1.9][communityIndex]!;
    let building = 1;
    let made = 0;
    let shopNumber = 1;
    while (made < target) {
      const units = between(1, 3);
      const floors = between(6, 30);
      const perFloor = between(2, 4);
      for (let unit = 1; unit <= units && made < target; unit += 1) {
        for (let floor = 1; floor <= floors && made < target; floor += 1) {
          for (let door = 1; door <= perFloor && made < target; door += 1) {
            const shop = floor === 1 && rand() < 0.6;
            const kind: HouseholdKind = shop ? '商铺' : '住宅';
            const room = shop ? `商铺${String.fromCharCode(65 + (building % 6))}-${String(shopNumber++).padStart(2, '0')}` : String(floor * 100 + door);
            const roomKey = shop ? room : keyOf(String(building), String(unit), room);
            const household: Household = {
              id: householdIdOf(community, roomKey),
              community,
              building: shop ? '' : String(building),
              unit: shop ? '' : String(unit),
              room,
              roomKey,
              roomLabel: shop ? room : labelOf(String(building), String(unit), room),
              kind,
              occupied: shop ? true : rand() > 0.12,
              custody: !shop && rand() < 0.05,
              ownerName: name(),
              payers: shop || rand() < 0.08 ? [name()] : [],
              phones: rand() < 0.25 ? [phone(), phone()] : [phone()],
            };
            households.push(household);
            made += 1;
            addItems(household, shop ? between(30, 200) : between(60, 140), shop ? 6 : pricePerM2);
          }
        }
      }
      building += 1;
    }
  }

  function addItems(household: Household, area: number, price: number): void {
    let roll = rand();
    let owedMonths = 0;
    for (const [share, low, high] of ARREARS_PROFILE) {
      if (roll < share) {
        owedMonths = Math.min(months, between(low, high));
        break;
      }
      roll -= share;
    }
    const monthly = feeFor(Math.round(area * price * 100), household);
    const parking = household.kind === '住宅' && rand() < 0.1 ? between(150, 300) * 100 : 0;
    for (let back = months - 1; back >= 0; back -= 1) {
      const { year, month } = monthsBack(back);
      const start = `${year}-${String(month).padStart(2, '0')}-01`;
      const end = monthEnd(year, month);
      const next = monthsBack(back - 1);
      const dueDate = `${next.year}-${String(next.month).padStart(2, '0')}-15`;
      const owing = back < owedMonths;
      // The oldest unpaid month is sometimes part-paid.
      const paid = !owing ? monthly : back === owedMonths - 1 && rand() < 0.2 ? Math.round(monthly * 0.4) : 0;
      const overdueDays = Math.max(0, back * 30 - 15);
      const lateFee = owing && back >= 3 ? Math.min(Math.round((monthly - paid) * 0.0003 * overdueDays), Math.round((monthly - paid) * 0.2)) : 0;
      items.push({ householdId: household.id, feeType: '物业费', periodStart: start, periodEnd: end, dueFen: monthly, paidFen: paid, lateFeeFen: lateFee, dueDate });
      if (parking && back < 12) {
        items.push({ householdId: household.id, feeType: '停车费', periodStart: start, periodEnd: end, dueFen: parking, paidFen: owing ? 0 : parking, lateFeeFen: 0, dueDate });
      }
    }
  }

  return { households, items };
}
