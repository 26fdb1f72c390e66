import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates';
import {
  monthsOverdueOn,
  noticeDeadline,
  noticeDeadlineProblem,
  noticesDue,
  type DueNotice,
  type IssuedNotice,
  type LadderFacts,
} from '../../../domain/notice-ladder';
import { defaultTeamSettings } from '../../../domain/follow-up-rules';
import { monthlyBills } from '../../helpers/bills';

const residential = (overrides: Partial<LadderFacts>): LadderFacts => ({
  kind: '住宅',
  today: '2026-11-10',
  unpaid: [],
  reachedPhoneDays: [],
  issued: [],
  held: null,
  ladder: defaultTeamSettings.ladder,
  ...overrides,
});

const notices = (due: DueNotice[]) => due.map((entry) => entry.notice);

/** Issues whatever is due, day by day, as a diligent steward would; returns what was issued when. */
function issueDaily(facts: LadderFacts, from: string, to: string): IssuedNotice[] {
  const issued: IssuedNotice[] = [...facts.issued];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const due of noticesDue({ ...facts, today: day, issued })) {
      issued.push({ notice: due.notice, day, step: due.step, deadline: due.notice === '限期缴费通知书' ? addDays(day, noticeDeadline.defaultDays) : null });
    }
  }
  return issued;
}

describe('months overdue count months past their due date, not months billed', () => {
  it.each([
    ['monthly bills Aug–Oct, on Nov 10', monthlyBills('2026-08', 3), '2026-11-10', 3],
    ['monthly bills Aug–Nov, on Nov 10 (November not yet due)', monthlyBills('2026-08', 4), '2026-11-10', 3],
    ['monthly bills Aug–Nov due on the 5th, on Nov 10', monthlyBills('2026-08', 4, 5), '2026-11-10', 4],
    ['an annual bill without a due date, in February', [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: null }], '2026-02-10', 0],
    ['an annual bill due Jan 31, in February (January and February used)', [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2026-01-31' }], '2026-02-10', 2],
    ['an annual bill due Jan 31, in June', [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2026-01-31' }], '2026-06-10', 6],
    ['two fee types for the same months count once', [...monthlyBills('2026-08', 3), ...monthlyBills('2026-08', 3)], '2026-11-10', 3],
  ])('%s → %i', (_, bills, today, expected) => {
    expect(monthsOverdueOn(bills, today)).toBe(expected);
  });
});

describe('住宅: the date-based steps', () => {
  const facts = residential({ unpaid: monthlyBills('2026-11', 1) });

  it.each([
    ['2026-11-24', []],
    ['2026-11-25', ['催费通知书']],
    ['2026-12-24', ['催费通知书']],
    ['2026-12-25', ['限期缴费通知书']],
  ])('a November bill unpaid, nothing issued, on %s → %j', (today, expected) => {
    expect(notices(noticesDue({ ...facts, today }))).toEqual(expected);
  });

  it('issues the next month’s 限期缴费通知书 at 2 months owed (the step that was missing)', () => {
    const twoMonths = residential({ unpaid: monthlyBills('2026-10', 2), issued: [{ notice: '催费通知书', day: '2026-10-25', step: 'r25-2026-10', deadline: null }] });
    expect(noticesDue({ ...twoMonths, today: '2026-11-25' })).toEqual([{ notice: '限期缴费通知书', step: 'rn25-2026-10', why: '10 月的费用到次月 25 日仍未缴' }]);
  });

  it('waits for a 缴费限期 later than the 25th', () => {
    const late = residential({ unpaid: [{ periodStart: '2026-11-01', periodEnd: '2026-11-30', dueDate: '2026-11-28' }] });
    expect(noticesDue({ ...late, today: '2026-11-28' })).toEqual([]);
    expect(notices(noticesDue({ ...late, today: '2026-11-29' }))).toEqual(['催费通知书']);
  });

  it('does not treat an annual bill imported in February as a year overdue', () => {
    const annual = residential({ unpaid: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: null }], today: '2026-02-10' });
    expect(noticesDue(annual)).toEqual([]);
    const annualDue = residential({ unpaid: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2026-01-31' }], today: '2026-02-10' });
    expect(notices(noticesDue(annualDue))).toEqual(['催费通知书']);
  });
});

describe('住宅: the steps by months overdue', () => {
  const issued = (notice: IssuedNotice['notice'], day: string, step: string, deadline: string | null = null): IssuedNotice => ({ notice, day, step, deadline });
  // Both date-based steps done in October: only the months-based ones remain.
  const dated = [issued('催费通知书', '2026-06-25', 'r25-2026-06'), issued('限期缴费通知书', '2026-07-25', 'rn25-2026-06', '2026-08-09')];

  it.each([
    [3, '2026-09-10', []],
    [4, '2026-10-10', []],
    [6, '2026-12-10', ['限期缴费通知书']],
  ])('after the date-based 限期, at %i months on %s → %j (the ladder never goes back)', (_, today, expected) => {
    expect(notices(noticesDue(residential({ unpaid: monthlyBills('2026-06', 12), issued: dated, today })))).toEqual(expected);
  });

  it('after a 25th 催费通知书 alone, months 3 and 4 still bring a notice (its own step, not swallowed), and a heavier one, never a 收费通知书', () => {
    const onlyFirst = [issued('催费通知书', '2026-06-25', 'r25-2026-06')];
    for (const today of ['2026-09-10', '2026-10-10']) {
      expect(notices(noticesDue(residential({ unpaid: monthlyBills('2026-06', 12), issued: onlyFirst, today })))).toEqual(['限期缴费通知书']);
    }
  });

  it('sends a 律师函 at 12 months (a year included) only after a 限期缴费通知书’s deadline has passed', () => {
    const year = monthlyBills('2025-11', 12);
    expect(notices(noticesDue(residential({ unpaid: year, today: '2026-11-10' })))).toEqual(['限期缴费通知书']);
    const withDeadline = [issued('限期缴费通知书', '2026-11-10', 'r6m-2025-11', '2026-11-25')];
    expect(noticesDue(residential({ unpaid: year, issued: withDeadline, today: '2026-11-25' }))).toEqual([]);
    expect(noticesDue(residential({ unpaid: year, issued: withDeadline, today: '2026-11-26' }))).toEqual([
      { notice: '律师函', step: 'r12m-2025-11', why: '欠费 12 个月，限期缴费通知书的期限 2026-11-25 已过' },
    ]);
    // Eleven months is not a year.
    expect(notices(noticesDue(residential({ unpaid: monthlyBills('2025-12', 11), issued: withDeadline, today: '2026-11-26' })))).toEqual([]);
  });

  it('runs a whole year in order: 25th, next 25th, 6 months, a year — no lighter notice in between', () => {
    const issuedAll = issueDaily(residential({ unpaid: monthlyBills('2026-01', 12) }), '2026-01-01', '2027-01-31');
    expect(issuedAll.map((entry) => [entry.day, entry.notice])).toEqual([
      ['2026-01-25', '催费通知书'],
      ['2026-02-25', '限期缴费通知书'],
      ['2026-07-01', '限期缴费通知书'],
      ['2027-01-01', '律师函'],
    ]);
  });

  it('adds the EMS written demand 3 months after the first call that reached someone', () => {
    const issuedAll = issueDaily(residential({ unpaid: monthlyBills('2026-01', 6), reachedPhoneDays: ['2026-02-10', '2026-03-02'] }), '2026-01-01', '2026-07-31');
    expect(issuedAll.filter((entry) => entry.notice === 'EMS书面催告').map((entry) => entry.day)).toEqual(['2026-05-10']);
  });

  it('counts notices recorded before steps had ids, once each', () => {
    const legacy: IssuedNotice[] = [{ notice: '催费通知书', day: '2026-01-25', step: null, deadline: null }];
    expect(notices(noticesDue(residential({ unpaid: monthlyBills('2026-01', 1), issued: legacy, today: '2026-01-30' })))).toEqual([]);
  });

  it('can be switched off', () => {
    expect(noticesDue(residential({ unpaid: monthlyBills('2025-01', 14), ladder: { ...defaultTeamSettings.ladder, residential: false, writtenDemand: false } }))).toEqual([]);
  });
});

describe('商铺: every month’s bill has its own cycle', () => {
  const shop = (overrides: Partial<LadderFacts>) => residential({ kind: '商铺', ...overrides });

  it.each([
    ['2026-11-01', ['收费通知书']],
    ['2026-11-25', ['催费通知书']],
    ['2026-12-05', ['催费通知书']],
    ['2026-12-13', ['限期缴费通知书']],
  ])('a November bill with nothing issued, on %s → %j', (today, expected) => {
    expect(notices(noticesDue(shop({ unpaid: monthlyBills('2026-11', 1, 10), today })))).toEqual(expected);
  });

  it('runs three months of bills, each through 收费 → 25th → next 5th → next 13th', () => {
    const issuedAll = issueDaily(shop({ unpaid: monthlyBills('2026-10', 3, 10), ladder: { ...defaultTeamSettings.ladder, writtenDemand: false } }), '2026-10-01', '2027-01-31');
    expect(issuedAll.map((entry) => `${entry.day} ${entry.notice} ${entry.step}`)).toEqual([
      '2026-10-01 收费通知书 s1-2026-10',
      '2026-10-25 催费通知书 s25-2026-10',
      '2026-11-01 收费通知书 s1-2026-11',
      '2026-11-05 催费通知书 sn5-2026-10',
      '2026-11-13 限期缴费通知书 sn13-2026-10',
      '2026-11-25 催费通知书 s25-2026-11',
      '2026-12-01 收费通知书 s1-2026-12',
      '2026-12-05 催费通知书 sn5-2026-11',
      '2026-12-13 限期缴费通知书 sn13-2026-11',
      '2026-12-25 催费通知书 s25-2026-12',
      '2027-01-05 催费通知书 sn5-2026-12',
      '2027-01-13 限期缴费通知书 sn13-2026-12',
    ]);
  });

  it('does not go back within a month’s cycle when notices were issued late', () => {
    // Nothing was issued for October until 12-20: the 限期 is due at once, and after it nothing lighter.
    const late = shop({ unpaid: monthlyBills('2026-10', 1, 10), today: '2026-12-20' });
    expect(noticesDue(late)).toEqual([{ notice: '限期缴费通知书', step: 'sn13-2026-10', why: '10 月账单到次月 13 日仍未缴' }]);
    const after = { ...late, issued: [{ notice: '限期缴费通知书' as const, day: '2026-12-20', step: 'sn13-2026-10', deadline: '2027-01-04' }] };
    expect(noticesDue({ ...after, today: '2026-12-21' })).toEqual([]);
  });
});

describe('特别情况除外', () => {
  it('queues no notice while held, and resumes where the ladder stands', () => {
    const facts = residential({ unpaid: monthlyBills('2026-01', 8), reachedPhoneDays: ['2026-02-10'] });
    expect(noticesDue({ ...facts, held: '有未处理完的报修或投诉' })).toEqual([]);
    expect(notices(noticesDue(facts))).toEqual(['EMS书面催告', '限期缴费通知书']);
  });
});

describe('a 限期缴费通知书’s deadline', () => {
  it.each([
    ['2026-11-16', '缴费期限至少在发出后 7 天'],
    ['2026-11-17', null],
    ['2027-01-09', null],
    ['2027-01-10', '缴费期限最多在发出后 60 天'],
    ['2026-02-30', '缴费期限不是有效日期'],
  ])('issued 2026-11-10 with deadline %s → %s', (deadline, expected) => {
    expect(noticeDeadlineProblem(deadline, '2026-11-10')).toBe(expected);
  });
});
