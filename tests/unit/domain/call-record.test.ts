/** recordCall: the record a finished call leaves, or why it is refused — one pure function, as the backend uses it. */
import { describe, expect, it } from 'vitest';
import { recordCall, type CallInput, type CallRecordContext } from '../../../domain/call-record';
import { fixedDayClock } from '../../../domain/clock';
import type { CallStart } from '../../../electron/contract';

const TODAY = '2026-11-26';
const started: CallStart = { callId: 'call-1', householdId: '观山水|1-1', startedAt: `${TODAY}T09:58:00+08:00`, purpose: 'collection', followUpId: null, overridden: null, ownerType: { type: 'A', because: '' } };

function context(extra: Partial<CallRecordContext> = {}): CallRecordContext {
  let n = 0;
  return { clock: fixedDayClock(() => TODAY), signer: { steward: '王敏', stewardId: 'local' }, ids: (prefix) => `${prefix}-${++n}`, started, horizonDays: 30, owedFen: 100_000, ...extra };
}

const call = (extra: Partial<CallInput> = {}): CallInput => ({ householdId: started.householdId, callId: started.callId, outcome: 'no-answer', notes: '', promises: [], grievances: [], refusalReason: null, objection: null, ...extra });

describe('recordCall', () => {
  it('records a promise with its check follow-up, signed and stamped by the clock, from the start to now', () => {
    const result = recordCall(call({ outcome: 'promised', promises: [{ date: '2026-11-28', amountFen: 50_000, channel: '微信' }] }), context());
    if (!result.ok) throw new Error(result.message);
    const { contact, promises, followUps } = result.record;
    expect(contact).toMatchObject({ id: 'call-1', at: started.startedAt, steward: '王敏', stewardId: 'local', outcome: '承诺缴费', outcomeId: 'promised', channel: '电话' });
    expect(contact.endedAt!.startsWith(TODAY)).toBe(true);
    expect(promises).toEqual([expect.objectContaining({ id: 'promise-1', date: '2026-11-28', amountFen: 50_000, contactId: 'call-1', status: 'pending' })]);
    expect(followUps).toEqual([expect.objectContaining({ kind: 'promise-check', dueDate: '2026-11-28', sourceId: 'promise-1', title: '核对承诺：微信缴 ¥500.00' })]);
  });

  it('a 约好回电 without a time is tomorrow, owned by the caller; with one, checked against the horizon', () => {
    const tomorrow = recordCall(call({ outcome: 'callback' }), context());
    if (!tomorrow.ok) throw new Error(tomorrow.message);
    expect(tomorrow.record.followUps[0]).toMatchObject({ kind: 'callback', dueDate: '2026-11-27', owner: '王敏', ownerId: 'local', dueTime: null });
    expect(recordCall(call({ outcome: 'callback', callback: { date: '2027-01-30', time: null, owner: null } }), context())).toMatchObject({ ok: false, issues: [{ path: 'callback.date' }] });
    expect(recordCall(call({ outcome: 'no-answer', callback: { date: '2026-11-27', time: null, owner: null } }), context())).toMatchObject({ ok: false, issues: [{ path: 'callback' }] });
  });

  it.each([
    ['a promise beyond what is owed', { outcome: 'promised' as const, promises: [{ date: '2026-11-28', amountFen: 100_001, channel: '微信' as const }] }, 'promises'],
    ['a promise in the past', { outcome: 'promised' as const, promises: [{ date: '2026-11-25', amountFen: 100, channel: '微信' as const }] }, 'promises'],
    ['a revisit answer on a collection call', { revisitResult: 'fixed' as const }, 'revisitResult'],
  ])('refuses %s, naming the field', (_label, extra, path) => {
    const result = recordCall(call(extra), context());
    expect(result).toMatchObject({ ok: false, issues: [expect.objectContaining({ path })] });
  });

  it('masks full phone numbers in the notes and counts them; a revisit answer closes its follow-up', () => {
    const revisit: CallStart = { ...started, purpose: 'revisit', followUpId: 'follow-9' };
    const result = recordCall(call({ outcome: 'revisit-fixed', notes: '业主说打 13812345678 找他', revisitResult: 'fixed' }), context({ started: revisit }));
    if (!result.ok) throw new Error(result.message);
    expect(result.maskedNumbers).toBe(1);
    expect(result.record.contact.notes).not.toContain('13812345678');
    expect(result.record.revisit).toMatchObject({ followUpId: 'follow-9', fixed: true, nextDue: '2026-11-28' });
  });

  it('a repair becomes a ticket with its revisit date', () => {
    const result = recordCall(call({ outcome: 'grievance', grievances: [{ kind: 'repair', ticket: { category: '漏水渗水', location: '主卧', words: '楼上漏水', urgency: '一般' } }] }), context());
    if (!result.ok) throw new Error(result.message);
    expect(result.record.grievances[0]).toMatchObject({ kind: 'repair', title: '漏水渗水（主卧）', status: 'open' });
    expect(result.record.followUps[0]).toMatchObject({ kind: 'repair-revisit', title: '维修回访：漏水渗水（主卧）' });
  });
});
