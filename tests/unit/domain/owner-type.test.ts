/** The owner type a call starts with: the last call's, else what the history says — never A for everyone. */
import { describe, expect, it } from 'vitest';
import { outcomeIdOfLabel } from '../../../state-machines/call-outcomes';
import { ownerTypeFor, type OwnerTypeGuess, type OwnerTypeHistory } from '../../../domain/owner-type';

type Contact = OwnerTypeHistory['contacts'][number];
let n = 0;
/** A call, by its outcome's label as the steward reads it (the record keeps the id). */
const phone = (label: string, extra: Partial<Contact> = {}): Contact => ({ id: `c${++n}`, channel: '电话', at: `2026-11-${String(10 + n).padStart(2, '0')}T10:00:00+08:00`, outcomeId: outcomeIdOfLabel(label), ...extra });
const history = (extra: Partial<OwnerTypeHistory> = {}): OwnerTypeHistory => ({ monthsOverdue: 2, contacts: [], grievances: [], promises: [], ...extra });

describe('ownerTypeFor', () => {
  it.each<[string, Partial<OwnerTypeHistory>, OwnerTypeGuess]>([
    ['no history, 2 months owed', {}, { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' }],
    ['nothing owed, no history', { monthsOverdue: 0 }, { type: 'A', because: '没有拒缴、异议或困难的记录' }],
    ['a 24-month debtor with no other record', { monthsOverdue: 24 }, { type: 'D', because: '欠费 24 个月' }],
    ['6 months owed', { monthsOverdue: 6 }, { type: 'D', because: '欠费 6 个月' }],
    ['5 months owed', { monthsOverdue: 5 }, { type: 'A', because: '欠费 5 个月，没有拒缴、异议或困难的记录' }],
    ['two refusals', { contacts: [phone('拒缴', { refusalReason: '不想交' }), phone('拒缴', { refusalReason: '物业不作为' })] }, { type: 'D', because: '有 2 次明确拒缴记录' }],
    ['“邻居也没交”', { contacts: [phone('承诺缴费', { objection: 'neighbours' })] }, { type: 'D', because: '业主说过“邻居也没交”' }],
    [
      'an open repair',
      { grievances: [{ kind: 'repair', status: 'open', title: '漏水渗水（主卧顶棚）' }] },
      { type: 'B', because: '有未处理完的报修（漏水渗水（主卧顶棚））' },
    ],
    ['an open complaint', { grievances: [{ kind: 'complaint', status: 'open', title: '重大投诉' }] }, { type: 'B', because: '有未处理完的投诉（重大投诉）' }],
    ['a grievance that is done', { grievances: [{ kind: 'repair', status: 'done', title: '电梯' }] }, { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' }],
    ['an instalment plan (outcome)', { contacts: [phone('分期约定')] }, { type: 'E', because: '有分期约定（业主说过有困难）' }],
    [
      'an instalment plan (two promises on one call)',
      { contacts: [{ ...phone('承诺缴费'), id: 'plan' }], promises: [{ contactId: 'plan', status: 'pending' }, { contactId: 'plan', status: 'pending' }] },
      { type: 'E', because: '有分期约定（业主说过有困难）' },
    ],
    ['busy / away', { contacts: [phone('约好回电', { objection: 'busy' })] }, { type: 'C', because: '业主说过忙 / 在外地' }],
    ['mostly unreachable', { contacts: [phone('未接通'), phone('占线'), phone('承诺缴费')] }, { type: 'C', because: '3 次通话中 2 次未接通' }],
    ['unreached once', { contacts: [phone('未接通'), phone('承诺缴费')] }, { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' }],
    ['unreached twice of five', { contacts: [phone('未接通'), phone('未接通'), phone('承诺缴费'), phone('承诺缴费'), phone('承诺缴费')] }, { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' }],
    ['messages are not calls', { contacts: [phone('未接通', { channel: '短信' }), phone('未接通', { channel: '微信' })] }, { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' }],
    [
      'the last call’s type wins over everything',
      { monthsOverdue: 24, contacts: [phone('拒缴', { refusalReason: 'x', ownerType: 'D' }), phone('承诺缴费', { ownerType: 'C' })] },
      { type: 'C', because: '上次通话选的是 C 类' },
    ],
    [
      'the latest call that recorded a type (older records have none)',
      { contacts: [phone('承诺缴费', { ownerType: 'E' }), phone('未接通')] },
      { type: 'E', because: '上次通话选的是 E 类' },
    ],
    [
      'a refusal comes before an open grievance',
      { contacts: [phone('拒缴', { refusalReason: '不交' })], grievances: [{ kind: 'repair', status: 'open', title: '电梯' }] },
      { type: 'D', because: '有 1 次明确拒缴记录' },
    ],
    [
      'an open grievance comes before a plan and long arrears',
      { monthsOverdue: 24, contacts: [phone('分期约定')], grievances: [{ kind: 'complaint', status: 'open', title: '服务失误投诉' }] },
      { type: 'B', because: '有未处理完的投诉（服务失误投诉）' },
    ],
  ])('%s', (_label, extra, guess) => {
    expect(ownerTypeFor(history(extra))).toEqual(guess);
  });
});
