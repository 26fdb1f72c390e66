/** The one definition of "may this call start now": the queue's 暂不可拨 and calls.start both use it. */
import { describe, expect, it } from 'vitest';
import { callStartProblems, collectionPauseOf, defaultTeamSettings, type CallStartFacts } from '../../../domain/follow-up-rules';

const TODAY = '2026-11-26';
const base: CallStartFacts = {
  purpose: 'collection',
  today: TODAY,
  time: '10:00',
  contactDays: [],
  collectionPause: null,
  openDispute: false,
  pendingPromiseUntil: null,
  settings: defaultTeamSettings,
};
const pause = { until: '2026-11-28', reason: '维修回访未完成（电梯（8 号楼））' };

const OUTSIDE = '现在不在通话时段（09:00–12:00、14:00–20:00）';
const DAY_CAP = '今天已联系 1 次（每天最多 1 次）';
const PAUSED = '暂停催缴：维修回访未完成（电梯（8 号楼）），回访日 2026-11-28';
const DISPUTE = '有未处理完的诉求或维修，处理完再催缴';
const PROMISED = '业主已承诺 2026-11-28 缴费，到期前不再催';

describe('callStartProblems', () => {
  it.each<[string, Partial<CallStartFacts>, string[]]>([
    ['nothing against it', {}, []],
    ['at 03:31, outside the call windows', { time: '03:31' }, [OUTSIDE]],
    ['at 12:30, between the windows', { time: '12:30' }, [OUTSIDE]],
    ['at 20:00, the evening window has closed', { time: '20:00' }, [OUTSIDE]],
    ['a second call the same day (cap 1)', { contactDays: [TODAY] }, [DAY_CAP]],
    ['a call yesterday', { contactDays: ['2026-11-25'] }, []],
    ['three contacts this week (cap 3)', { contactDays: ['2026-11-20', '2026-11-22', '2026-11-24'] }, ['近 7 天已联系 3 次（每周最多 3 次）']],
    ['a promise not yet due', { pendingPromiseUntil: '2026-11-28' }, [PROMISED]],
    ['a promise due today', { pendingPromiseUntil: TODAY }, []],
    ['an open complaint', { openDispute: true }, [DISPUTE]],
    ['the collection pause', { collectionPause: pause }, [PAUSED]],
    ['a pause without a revisit day', { collectionPause: { until: null, reason: '维修回访未完成（门窗）' } }, ['暂停催缴：维修回访未完成（门窗）']],
    ['everything at once, the window first', { time: '21:00', contactDays: [TODAY], pendingPromiseUntil: '2026-11-28', collectionPause: pause }, [OUTSIDE, PAUSED, DAY_CAP, PROMISED]],
    ['a revisit inside the windows, whatever else stands', { purpose: 'revisit', contactDays: [TODAY], collectionPause: pause, openDispute: true, pendingPromiseUntil: '2026-11-28' }, []],
    ['a revisit outside the windows', { purpose: 'revisit', time: '07:59', collectionPause: pause }, [OUTSIDE]],
    ['the team’s own windows', { time: '10:00', settings: { ...defaultTeamSettings, callWindows: [{ start: '14:00', end: '18:00' }] } }, ['现在不在通话时段（14:00–18:00）']],
    ['the team’s own cap', { contactDays: [TODAY], settings: { ...defaultTeamSettings, maxCallsPerDay: 2 } }, []],
  ])('%s', (_label, facts, problems) => {
    expect(callStartProblems({ ...base, ...facts })).toEqual(problems);
  });
});

describe('collectionPauseOf', () => {
  const repair = { kind: 'repair', status: 'open', title: '电梯', dueDate: '2026-11-28' };
  it.each<[string, { kind: string; status: string; title: string; dueDate: string | null }[], ReturnType<typeof collectionPauseOf>]>([
    ['no grievances', [], null],
    ['an open repair', [repair], { until: '2026-11-28', reason: '维修回访未完成（电梯）' }],
    ['a done repair', [{ ...repair, status: 'done' }], null],
    ['an open complaint only (a dispute, not the pause)', [{ ...repair, kind: 'complaint' }], null],
    ['two open repairs: the later revisit', [repair, { ...repair, title: '门窗', dueDate: '2026-12-01' }], { until: '2026-12-01', reason: '维修回访未完成（电梯、门窗）' }],
  ])('%s', (_label, grievances, pause) => {
    expect(collectionPauseOf(grievances)).toEqual(pause);
  });
});
