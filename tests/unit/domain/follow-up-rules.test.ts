import { describe, expect, it } from 'vitest';
import { monthlyBills } from '../../helpers/bills';
import {
  addMonths,
  callbackNotYetReason,
  contactLimitReasons,
  defaultTeamSettings,
  digestQueueActions,
  monthlyRoundDue,
  outsideWindowReason,
  parseEntryKey,
  queueEntries,
  queueOrder,
  settlePromises,
  type IssuedNotice,
} from '../../../domain/follow-up-rules';

describe('settlePromises', () => {
  const promises = [
    { id: 'p1', date: '2026-11-28', amountFen: 50_000, madeOn: '2026-11-20' },
    { id: 'p2', date: '2026-12-28', amountFen: 50_000, madeOn: '2026-11-20' },
  ];

  it.each([
    ['no payment, before the date', [], '2026-11-27', { p1: 'pending', p2: 'pending' }],
    ['no payment, on the grace day', [], '2026-11-29', { p1: 'pending', p2: 'pending' }],
    ['no payment, after the grace day', [], '2026-11-30', { p1: 'broken', p2: 'pending' }],
    ['one payment covering both promises', [{ paidOn: '2026-11-25', amountFen: 100_000 }], '2026-12-31', { p1: 'kept', p2: 'kept' }],
    ['two payments adding up to the first', [{ paidOn: '2026-11-21', amountFen: 20_000 }, { paidOn: '2026-11-28', amountFen: 30_000 }], '2026-11-30', { p1: 'kept', p2: 'pending' }],
    ['a part payment does not keep it', [{ paidOn: '2026-11-28', amountFen: 49_999 }], '2026-11-30', { p1: 'broken', p2: 'pending' }],
    ['payments before the promise was made do not count', [{ paidOn: '2026-11-19', amountFen: 100_000 }], '2026-11-30', { p1: 'broken', p2: 'pending' }],
    ['the second breaks too once its date has passed', [{ paidOn: '2026-11-28', amountFen: 50_000 }], '2026-12-30', { p1: 'kept', p2: 'broken' }],
  ])('%s', (_label, payments, today, expected) => {
    expect(Object.fromEntries(settlePromises(promises, payments, today, 1))).toEqual(expected);
  });

  it('respects a longer grace period and leaves cancelled promises alone', () => {
    const states = settlePromises([...promises, { id: 'p0', date: '2026-11-01', amountFen: 1, madeOn: '2026-10-01', cancelled: true }], [], '2026-12-01', 3);
    expect(Object.fromEntries(states)).toEqual({ p0: 'cancelled', p1: 'pending', p2: 'pending' });
    expect(settlePromises(promises, [], '2026-12-02', 3).get('p1')).toBe('broken');
  });
});

describe('monthlyRoundDue', () => {
  it.each([
    ['the 4th', '2026-11-04', 100, null, false],
    ['the 5th', '2026-11-05', 100, null, true],
    ['already reminded this month', '2026-11-20', 100, '2026-11-06', false],
    ['reminded last month', '2026-12-05', 100, '2026-11-30', true],
    ['nothing owed', '2026-11-20', 0, null, false],
  ])('%s', (_label, today, owed, last, due) => {
    expect(monthlyRoundDue(today, owed, last)).toBe(due);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('call windows and contact limits', () => {
  const limits = { today: '2026-11-26', contactDays: [] as string[], openDispute: false, pendingPromiseUntil: null, settings: defaultTeamSettings };

  it.each([
    ['08:59', false],
    ['09:00', true],
    ['11:59', true],
    ['12:00', false],
    ['13:59', false],
    ['14:00', true],
    ['19:59', true],
    ['20:00', false],
  ])('at %s inside a call window: %s', (time, inside) => {
    expect(outsideWindowReason(time, defaultTeamSettings)).toBe(inside ? null : '现在不在通话时段（09:00–12:00、14:00–20:00）');
  });

  it('caps contacts at one a day and three a week, across channels, and says why', () => {
    expect(contactLimitReasons({ ...limits, contactDays: ['2026-11-19', '2026-11-25'] })).toEqual([]);
    expect(contactLimitReasons({ ...limits, contactDays: ['2026-11-26'] })).toEqual(['今天已联系 1 次（每天最多 1 次）']);
    const week = ['2026-11-20', '2026-11-22', '2026-11-24'];
    expect(contactLimitReasons({ ...limits, contactDays: week })).toEqual(['近 7 天已联系 3 次（每周最多 3 次）']);
    expect(contactLimitReasons({ ...limits, contactDays: ['2026-11-19', ...week.slice(1)] })).toEqual([]);
  });

  it('pauses during a dispute and before a promised date', () => {
    expect(contactLimitReasons({ ...limits, openDispute: true })).toEqual(['有未处理完的诉求或维修，处理完再催缴']);
    expect(contactLimitReasons({ ...limits, pendingPromiseUntil: '2026-11-28' })).toEqual(['业主已承诺 2026-11-28 缴费，到期前不再催']);
    expect(contactLimitReasons({ ...limits, pendingPromiseUntil: '2026-11-26' })).toEqual([]);
  });
});

describe('queueEntries', () => {
  const facts = {
    householdId: 'h1',
    kind: '住宅' as const,
    owedFen: 100_000,
    unpaid: monthlyBills('2026-11', 1),
    promises: [],
    followUps: [],
    contactDays: [],
    openDispute: false,
    noticesIssued: [] as IssuedNotice[],
    reachedPhoneDays: [],
    lastReminderOn: null,
  };

  it('puts a broken promise first and says why', () => {
    const entries = queueEntries(
      { ...facts, promises: [{ id: 'p', date: '2026-11-20', amountFen: 50_000, madeOn: '2026-11-10', state: 'broken' }] },
      '2026-11-26',
      defaultTeamSettings,
    );
    expect(entries[0]).toMatchObject({ kind: 'broken-promise', reason: '约定 2026-11-20 缴 500.00 元，已过期未缴' });
  });

  it('lists a promise due today, and the day before as a message; not in between', () => {
    const promise = { id: 'p', date: '2026-11-18', amountFen: 50_000, madeOn: '2026-11-16', state: 'pending' as const };
    expect(queueEntries({ ...facts, promises: [promise] }, '2026-11-16', defaultTeamSettings)).toEqual([]);
    expect(queueEntries({ ...facts, promises: [promise] }, '2026-11-17', defaultTeamSettings).map((e) => e.kind)).toEqual(['promise-message']);
    expect(queueEntries({ ...facts, promises: [promise] }, '2026-11-18', defaultTeamSettings).map((e) => e.kind)).toEqual(['promise-due']);
  });

  it('brings due and overdue follow-ups, not future ones or done ones', () => {
    const followUps = [
      { id: 'f1', kind: 'repair-revisit' as const, dueDate: '2026-11-20', status: 'open' as const, title: '维修回访：漏水' },
      { id: 'f2', kind: 'callback' as const, dueDate: '2026-11-23', status: 'open' as const, title: '约好回电' },
      { id: 'f3', kind: 'complaint-reply' as const, dueDate: '2026-11-19', status: 'done' as const, title: '投诉答复' },
    ];
    const entries = queueEntries({ ...facts, followUps, openDispute: true }, '2026-11-22', defaultTeamSettings);
    expect(entries.map((e) => [e.kind, e.followUpId])).toEqual([['repair-revisit', 'f1']]);
    expect(entries[0]!.reason).toContain('已超期');
  });

  it('adds the monthly round from the 5th and due notices', () => {
    expect(queueEntries(facts, '2026-11-04', defaultTeamSettings)).toEqual([]);
    expect(queueEntries(facts, '2026-11-05', defaultTeamSettings).map((e) => e.kind)).toEqual(['monthly-round']);
    expect(queueEntries({ ...facts, unpaid: monthlyBills('2026-05', 6) }, '2026-11-05', defaultTeamSettings).map((e) => e.kind)).toEqual(['notice', 'monthly-round']);
  });
});

describe('queue handling', () => {
  const facts = {
    householdId: 'h1',
    kind: '住宅' as const,
    owedFen: 100_000,
    unpaid: monthlyBills('2026-08', 3),
    promises: [{ id: 'p', date: '2026-11-20', amountFen: 50_000, madeOn: '2026-11-10', state: 'broken' as const }],
    followUps: [{ id: 'f1', kind: 'callback' as const, dueDate: '2026-11-26', status: 'open' as const, title: '约好回电 19:30', dueTime: '19:30', owner: '李娜' }],
    contactDays: [],
    openDispute: false,
    noticesIssued: [] as IssuedNotice[],
    reachedPhoneDays: [],
    lastReminderOn: null,
  };
  const kinds = (entries: { kind: string }[]) => entries.map((entry) => entry.kind);
  const act = (action: 'complete' | 'snooze' | 'reassign', extra: Partial<{ entryKey: string; until: string; assignee: string | null; at: string; deadline: string }>) => ({
    action,
    entryKey: null,
    until: null,
    assignee: null,
    at: '2026-11-26T10:00:00+08:00',
    ...extra,
  });

  it('gives every entry a key that names what to do, and carries a callback’s time and owner', () => {
    const entries = queueEntries(facts, '2026-11-26', defaultTeamSettings);
    expect(entries.map((entry) => entry.key)).toEqual(['broken-promise:p', 'callback:f1', 'notice:限期缴费通知书:rn25-2026-08', 'monthly-round:2026-11']);
    expect(entries[1]).toMatchObject({ dueTime: '19:30', owner: '李娜', followUpId: 'f1' });
    for (const entry of entries) expect(parseEntryKey(entry.key)).toMatchObject({ kind: entry.kind });
  });

  it.each([
    ['broken-promise:p', 'broken-promise'],
    ['notice:律师函:2026-11', 'notice'],
    ['monthly-round:2026-11', 'monthly-round'],
  ])('parses %s', (key, kind) => expect(parseEntryKey(key)?.kind).toBe(kind));

  it.each(['', 'nonsense:x', 'notice:传单:2026-11', 'notice:律师函', 'monthly-round:11月', 'callback:f1:extra', 'callback:'])('refuses the key %j', (key) => {
    expect(parseEntryKey(key)).toBeNull();
  });

  it('leaves out entries marked done; the rest stay', () => {
    const handling = digestQueueActions([act('complete', { entryKey: 'broken-promise:p' }), act('complete', { entryKey: 'monthly-round:2026-11' })]);
    expect(kinds(queueEntries({ ...facts, handling }, '2026-11-26', defaultTeamSettings))).toEqual(['callback', 'notice']);
    // A month's round done does not excuse the next month.
    expect(kinds(queueEntries({ ...facts, handling }, '2026-12-05', defaultTeamSettings))).toContain('monthly-round');
  });

  it('keeps a snoozed household off the list until its day, the latest snooze counting', () => {
    const handling = digestQueueActions([
      act('snooze', { until: '2026-12-10', at: '2026-11-20T09:00:00+08:00' }),
      act('snooze', { until: '2026-11-28', at: '2026-11-25T09:00:00+08:00' }),
    ]);
    expect(handling.snoozedUntil).toBe('2026-11-28');
    expect(queueEntries({ ...facts, handling }, '2026-11-27', defaultTeamSettings)).toEqual([]);
    expect(kinds(queueEntries({ ...facts, handling }, '2026-11-28', defaultTeamSettings))[0]).toBe('broken-promise');
  });

  it('remembers the latest reassignment, including back to the team pool', () => {
    expect(digestQueueActions([]).assignee).toBeUndefined();
    expect(digestQueueActions([act('reassign', { assignee: '王敏', at: '2026-11-20T09:00:00+08:00' })]).assignee).toBe('王敏');
    expect(digestQueueActions([act('reassign', { assignee: '王敏', at: '2026-11-20T09:00:00+08:00' }), act('reassign', { assignee: null, at: '2026-11-21T09:00:00+08:00' })]).assignee).toBeNull();
  });

  it('records each issued notice with its ladder step and deadline; a key that named a month has no step', () => {
    const handling = digestQueueActions([
      act('complete', { entryKey: 'notice:催费通知书:2026-10', at: '2026-10-10T10:00:00+08:00' }),
      act('complete', { entryKey: 'notice:限期缴费通知书:rn25-2026-10', at: '2026-11-25T10:00:00+08:00', deadline: '2026-12-10' }),
    ]);
    expect(handling.notices).toEqual([
      { notice: '催费通知书', day: '2026-10-10', step: null, deadline: null },
      { notice: '限期缴费通知书', day: '2026-11-25', step: 'rn25-2026-10', deadline: '2026-12-10' },
    ]);
    expect(parseEntryKey('notice:限期缴费通知书:rn25-2026-10')).toEqual({ kind: 'notice', ref: '限期缴费通知书' });
    expect(parseEntryKey('notice:限期缴费通知书:../x')).toBeNull();
  });

  it('queues the ladder’s notice with its step as the key, and none while a repair, complaint or promise is open', () => {
    const due = queueEntries({ ...facts, promises: [], followUps: [] }, '2026-11-10', defaultTeamSettings).find((entry) => entry.kind === 'notice');
    expect(due).toMatchObject({ key: 'notice:限期缴费通知书:rn25-2026-08', reason: '应发限期缴费通知书（8 月的费用到次月 25 日仍未缴）' });
    expect(queueEntries({ ...facts, promises: [], followUps: [], openDispute: true }, '2026-11-10', defaultTeamSettings).map((entry) => entry.kind)).not.toContain('notice');
    const pending = { id: 'p2', date: '2026-11-20', amountFen: 10_000, madeOn: '2026-11-09', state: 'pending' as const };
    expect(queueEntries({ ...facts, promises: [pending], followUps: [] }, '2026-11-10', defaultTeamSettings).map((entry) => entry.kind)).not.toContain('notice');
  });
});

describe('the order of 今日跟进', () => {
  const row = (householdId: string, kind: 'monthly-round' | 'broken-promise', owedFen: number, monthsOverdue: number) => ({ householdId, kind, priority: kind === 'monthly-round' ? 8 : 1, dueTime: null, owedFen, monthsOverdue });

  it('puts normal payers first in the monthly round, and the largest debts first elsewhere', () => {
    const rows = [row('a', 'monthly-round', 900_000, 24), row('b', 'monthly-round', 30_000, 1), row('c', 'monthly-round', 20_000, 1), row('d', 'broken-promise', 10_000, 2), row('e', 'broken-promise', 50_000, 5)];
    expect([...rows].sort(queueOrder).map((entry) => entry.householdId)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});

describe('callbackNotYetReason', () => {
  it.each([
    [null, '10:00', null],
    ['19:30', '10:00', '约好 19:30 回电，还没到时间'],
    ['19:30', '19:30', null],
    ['19:30', '20:05', null],
  ])('agreed %s, now %s', (dueTime, time, reason) => expect(callbackNotYetReason(dueTime, time)).toBe(reason));
});

describe('callbacks in the queue', () => {
  const base = {
    householdId: 'h1',
    kind: '住宅' as const,
    owedFen: 0,
    unpaid: [],
    promises: [],
    contactDays: [],
    openDispute: false,
    noticesIssued: [] as IssuedNotice[],
    reachedPhoneDays: [],
    lastReminderOn: null,
  };
  const callback = { id: 'f1', kind: 'callback' as const, dueDate: '2026-11-26', status: 'open' as const, title: '约好回电 19:30', dueTime: '19:30', owner: '李娜', createdAt: '2026-11-25T10:00:00+08:00' };
  const reassign = (assignee: string | null, at: string) => digestQueueActions([{ action: 'reassign', entryKey: null, until: null, assignee, at }]);

  it('keeps the agreed time on its day only: once overdue, it is simply due', () => {
    expect(queueEntries({ ...base, followUps: [callback] }, '2026-11-26', defaultTeamSettings)[0]).toMatchObject({ dueTime: '19:30' });
    expect(queueEntries({ ...base, followUps: [callback] }, '2026-11-27', defaultTeamSettings)[0]).toMatchObject({ dueTime: null, reason: '约好回电 19:30（已超期，应于 2026-11-26）' });
  });

  it('belongs to whoever was named last: the callback’s owner, or a later reassignment', () => {
    const entry = (handling: ReturnType<typeof digestQueueActions>) => queueEntries({ ...base, followUps: [callback], handling }, '2026-11-26', defaultTeamSettings)[0]!;
    expect(entry(reassign('王敏', '2026-11-20T10:00:00+08:00')).owner).toBe('李娜');
    expect(entry(reassign('王敏', '2026-11-25T15:00:00+08:00')).owner).toBe('王敏');
    expect(entry(reassign(null, '2026-11-25T15:00:00+08:00')).owner).toBeNull();
  });
});
