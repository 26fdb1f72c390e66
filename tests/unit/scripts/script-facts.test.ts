/** The facts a call's scripts draw from the household's record: here, the written notice a call follows up. */
import { describe, expect, it } from 'vitest';
import type { QueueAction } from '../../../electron/contract';
import { valuesFor } from '../../../scripts-library/render';
import { recentNotice } from '../../../renderer/src/pages/call/script-facts';

const issued = (entryKey: string, at: string, deadline: string | null = null): QueueAction => ({
  id: `q-${at}`,
  householdId: '观山水|8-2-1203',
  action: 'complete',
  entryKey,
  reason: '已发出',
  until: null,
  assignee: null,
  at,
  steward: '王敏',
  closedFollowUpId: null,
  closedGrievanceId: null,
  deadline,
});
const summary = { owedFen: 261_900, monthsOverdue: 8, earliestUnpaid: '2026-04-01', lateFeeFen: 0 } as never;

describe('recentNotice', () => {
  it('is the latest notice issued in the last 30 days of this arrears spell, with a deadline still ahead', () => {
    const queueActions = [
      issued('notice:催费通知书:2026-10', '2026-10-20T10:00:00+08:00'),
      issued('notice:限期缴费通知书:2026-11', '2026-11-10T10:00:00+08:00', '2026-11-30'),
      issued('monthly-round:2026-11', '2026-11-12T10:00:00+08:00'),
    ];
    expect(recentNotice({ queueActions, summary }, '2026-11-26')).toEqual({ kind: '限期缴费通知书', date: '2026-11-10', deadline: '2026-11-30' });
    // Its deadline passed: still the notice, but no deadline to pin a date before.
    expect(recentNotice({ queueActions, summary }, '2026-12-02')).toEqual({ kind: '限期缴费通知书', date: '2026-11-10', deadline: null });
    // Over 30 days ago: the call no longer follows it up.
    expect(recentNotice({ queueActions, summary }, '2026-12-15')).toBeNull();
  });

  it('is none once everything is paid, or for a notice from an earlier arrears spell', () => {
    const queueActions = [issued('notice:律师函:2026-03', '2026-03-20T10:00:00+08:00')];
    expect(recentNotice({ queueActions, summary }, '2026-04-10')).toBeNull();
    const paid = { owedFen: 0, monthsOverdue: 0, earliestUnpaid: null, lateFeeFen: 0 } as never;
    expect(recentNotice({ queueActions: [issued('notice:律师函:2026-11', '2026-11-20T10:00:00+08:00')], summary: paid }, '2026-11-26')).toBeNull();
  });

  it('reads to the owner as the notice and its day', () => {
    expect(valuesFor({ today: '2026-11-26', noticeIssued: { kind: 'EMS书面催告', date: '2026-11-20', deadline: null } })).toEqual({ 通知名称: '书面催缴函', 通知日期: '11月20日周五' });
    expect(valuesFor({ today: '2026-11-26', noticeIssued: { kind: '限期缴费通知书', date: '2026-11-24', deadline: '2026-12-09' } })).toMatchObject({ 通知期限: '12月9日周三' });
  });
});
