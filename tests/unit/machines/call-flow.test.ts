import { createActor, fromPromise, initialTransition, transition, waitFor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { callFlowMachine, stagesFor, type CallEvent, type CallInput, type CallRecord, type Callback } from '../../../state-machines/call-flow';
import { outcomeForKey } from '../../../state-machines/call-outcomes';

const INPUT: CallInput = {
  callId: 'call-1',
  householdId: '观山水|8-2-1203',
  ownerType: 'A',
  kind: '住宅',
  owedFen: 261_900,
  monthsOverdue: 2,
  brokenPromise: null,
  revisit: null,
  today: '2026-11-26',
  horizonDays: 30,
  startedAt: '2026-11-26T10:00:00+08:00',
};

const PROMISE = { date: '2026-11-28', amountFen: 100_000, channel: '微信' as const };
const BROKEN = { date: '2026-11-20', amountFen: 50_000 };
const REVISIT = { followUpId: 'follow-1', kind: 'repair-revisit' as const, subject: '漏水渗水（主卧顶棚）' };
const CALLBACK: Callback = { date: '2026-11-27', time: '19:30', owner: '王敏' };

/** The snapshot once the save has finished, one way or the other: awaited, not timed. */
const afterSave = (actor: AnyActorRef) => waitFor(actor, (snapshot) => snapshot.value !== 'saving');

/** Every kind of event the steward can send, with sample payloads, for graph traversal. */
const EVENTS: CallEvent[] = [
  { type: 'ANSWERED' },
  { type: 'NO_ANSWER' },
  { type: 'BUSY' },
  { type: 'OWNER_CONFIRMED' },
  { type: 'WRONG_PERSON' },
  { type: 'EXPLAIN' },
  { type: 'AGREES' },
  { type: 'VAGUE' },
  { type: 'AWAY' },
  { type: 'OBJECTION', objection: 'repair' },
  { type: 'HARDSHIP' },
  { type: 'REFUSES' },
  { type: 'GRIEVANCE_RECORDED', grievance: { kind: 'repair', ticket: { category: '漏水渗水', location: '主卧顶棚', urgency: '一般', words: '楼上漏水两个月了' } } },
  { type: 'BACK_TO_PROMISE' },
  { type: 'PROMISE_PINNED', promise: PROMISE },
  { type: 'PAID_NOW' },
  { type: 'PLAN_PINNED', totalFen: 200_000, promises: [PROMISE, { ...PROMISE, date: '2026-12-28' }] },
  { type: 'REASON_RECORDED', reason: '对物业服务不满' },
  { type: 'CLOSE' },
  { type: 'OUTCOME', outcome: 'callback' },
  { type: 'CALLBACK_SET', callback: CALLBACK },
  { type: 'THIRD_PARTY' },
  { type: 'OWNER_TAKES_PHONE' },
  { type: 'HUNG_UP' },
  { type: 'FIXED' },
  { type: 'NOT_FIXED' },
  { type: 'RESUME_COLLECTION' },
  { type: 'ACCOUNT_SENT', callback: { ...CALLBACK, date: '2026-11-26', time: '10:30' } },
  { type: 'END' },
];

const start = (input: Partial<CallInput> = {}) => initialTransition(callFlowMachine, { ...INPUT, ...input })[0];
const run = (events: CallEvent[], input: Partial<CallInput> = {}) => events.reduce((snapshot, event) => transition(callFlowMachine, snapshot, event)[0], start(input));

describe('call flow transitions', () => {
  it('turns a vague answer into a pinned date, amount and channel', () => {
    const snapshot = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'VAGUE' }]);
    expect(snapshot.value).toBe('pin');
    expect(stagesFor('pin', snapshot.context)).toEqual(['pin', 'channel']);
    const pinned = transition(callFlowMachine, snapshot, { type: 'PROMISE_PINNED', promise: PROMISE })[0];
    expect(pinned.value).toBe('close');
    expect(pinned.context).toMatchObject({ promises: [PROMISE], outcome: 'promised' });
  });

  it.each([
    ['a past date', { ...PROMISE, date: '2026-11-25' }],
    ['a date past the horizon', { ...PROMISE, date: '2027-01-30' }],
    ['zero', { ...PROMISE, amountFen: 0 }],
    ['more than owed', { ...PROMISE, amountFen: 999_999_99 }],
  ])('refuses a promise with %s', (_label, promise) => {
    const snapshot = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'VAGUE' }, { type: 'PROMISE_PINNED', promise }]);
    expect(snapshot.value).toBe('pin');
    expect(snapshot.context.promises).toEqual([]);
  });

  it('starts in the broken-promise branch when an earlier promise broke', () => {
    expect(run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }], { brokenPromise: BROKEN }).value).toBe('brokenPromise');
  });

  it('records a repair grievance, suggests the objection’s scripts, and can close with it', () => {
    const snapshot = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'OBJECTION', objection: 'repair' }, EVENTS[12]!, { type: 'CLOSE' }]);
    expect(snapshot.value).toBe('close');
    expect(snapshot.context.grievances).toHaveLength(1);
    expect(snapshot.context.outcome).toBe('grievance');
    expect(stagesFor('objection', { objection: 'repair', outcome: null, revisitResult: null })).toEqual(['objection-repair', 'pin']);
  });

  it('needs an outcome to end, and a pinned promise before the 承诺缴费 outcome', () => {
    const atClose = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'REFUSES' }, { type: 'REASON_RECORDED', reason: '不满' }]);
    expect(atClose.context.outcome).toBe('refused');
    const wrapUp = run([{ type: 'ANSWERED' }, { type: 'WRONG_PERSON' }]);
    expect(wrapUp.context.outcome).toBe('wrong-person');
    const noOutcome = { ...atClose, context: { ...atClose.context, outcome: null } } as SnapshotFrom<typeof callFlowMachine>;
    expect(transition(callFlowMachine, noOutcome, { type: 'END' })[0].value).toBe('close');
    expect(transition(callFlowMachine, noOutcome, { type: 'OUTCOME', outcome: 'promised' })[0].value).toBe('pin');
    expect(transition(callFlowMachine, noOutcome, { type: 'OUTCOME', outcome: 'instalment' })[0].value).toBe('instalment');
    expect(outcomeForKey('1')).toBe('promised');
  });

  it('accepts an instalment plan only when it adds up and is in order', () => {
    const atPlan = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'HARDSHIP' }]);
    const bad = transition(callFlowMachine, atPlan, { type: 'PLAN_PINNED', totalFen: 300_000, promises: [PROMISE, { ...PROMISE, date: '2026-12-28' }] })[0];
    expect(bad.value).toBe('instalment');
    const good = transition(callFlowMachine, atPlan, EVENTS[16]!)[0];
    expect(good.value).toBe('close');
    expect(good.context.promises).toHaveLength(2);
  });
});

describe('约好回电 (CALLBACK_SET)', () => {
  /** The owner is busy and asks to be called back: close through the objection step. */
  const atClose = () => run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'AWAY' }, { type: 'CLOSE' }]);

  it.each([
    ['close', atClose],
    ['wrapUp', () => run([{ type: 'NO_ANSWER' }])],
  ])('in %s, sets the callback and the 约好回电 outcome', (state, at) => {
    const snapshot = transition(callFlowMachine, at(), { type: 'CALLBACK_SET', callback: CALLBACK })[0];
    expect(snapshot.value).toBe(state);
    expect(snapshot.context).toMatchObject({ outcome: 'callback', callback: CALLBACK });
    expect(snapshot.can({ type: 'END' })).toBe(true);
  });

  it('keeps the 约好回电 outcome without a callback (the backend default applies)', () => {
    const snapshot = transition(callFlowMachine, atClose(), { type: 'OUTCOME', outcome: 'callback' })[0];
    expect(snapshot.context).toMatchObject({ outcome: 'callback', callback: null });
    expect(snapshot.can({ type: 'END' })).toBe(true);
  });

  it.each([
    ['a past day', { ...CALLBACK, date: '2026-11-25' }],
    ['a day past the horizon', { ...CALLBACK, date: '2026-12-27' }],
    ['a time that is not HH:mm', { ...CALLBACK, time: '19点半' }],
  ])('refuses %s', (_label, callback) => {
    const snapshot = atClose();
    expect(snapshot.can({ type: 'CALLBACK_SET', callback })).toBe(false);
    expect(transition(callFlowMachine, snapshot, { type: 'CALLBACK_SET', callback })[0].context.callback).toBeNull();
  });

  it('is not accepted before the close', () => {
    const talking = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }]);
    expect(talking.can({ type: 'CALLBACK_SET', callback: CALLBACK })).toBe(false);
  });

  it('drops the callback when another outcome is chosen, and keeps it when 约好回电 is chosen again', () => {
    const set = transition(callFlowMachine, atClose(), { type: 'CALLBACK_SET', callback: CALLBACK })[0];
    expect(transition(callFlowMachine, set, { type: 'OUTCOME', outcome: 'callback' })[0].context.callback).toEqual(CALLBACK);
    expect(transition(callFlowMachine, set, { type: 'OUTCOME', outcome: 'refused' })[0].context).toMatchObject({ outcome: 'refused', callback: null });
    const toPin = transition(callFlowMachine, set, { type: 'OUTCOME', outcome: 'promised' })[0];
    expect(toPin.value).toBe('pin');
    expect(toPin.context.callback).toBeNull();
  });

  it('hands the callback to saveContact', async () => {
    const saved: CallRecord[] = [];
    const actor = createActor(callFlowMachine.provide({ actors: { saveContact: fromPromise<void, CallRecord>(async ({ input }) => void saved.push(input)) } }), { input: INPUT }).start();
    for (const event of [{ type: 'NO_ANSWER' }, { type: 'CALLBACK_SET', callback: CALLBACK }, { type: 'END' }] as CallEvent[]) actor.send(event);
    expect((await afterSave(actor)).value).toBe('ended');
    expect(saved).toEqual([expect.objectContaining({ outcome: 'callback', callback: CALLBACK })]);
  });
});

/**
 * Two snapshots are the same node of the graph when the state and everything its guards read are the same
 * (the objection only changes which scripts are suggested).
 */
const serializeState = (snapshot: SnapshotFrom<typeof callFlowMachine>) =>
  JSON.stringify([snapshot.value, snapshot.context.outcome, snapshot.context.promises.length, snapshot.context.grievances.length > 0, snapshot.context.callback !== null, snapshot.context.revisitResult]);

/** A plain call, one after a broken promise, and a revisit call. */
const variants: Partial<CallInput>[] = [{}, { brokenPromise: BROKEN }, { revisit: REVISIT }];

describe('path coverage (xstate/graph)', () => {
  const reached = new Set<string>();
  for (const input of variants) {
    for (const path of getShortestPaths(callFlowMachine, { events: EVENTS, input: { ...INPUT, ...input }, serializeState })) reached.add(String(path.state.value));
  }

  it('reaches every state the steward drives', () => {
    const all = Object.keys(callFlowMachine.config.states ?? {});
    const drivenByActor = ['ended', 'saveFailed'];
    expect([...reached].sort()).toEqual(all.filter((state) => !drivenByActor.includes(state)).sort());
  });

  it('writes exactly one contact record, with an outcome, on every path to the end', { timeout: 60_000 }, async () => {
    const paths = variants.flatMap((variant) =>
      getSimplePaths(callFlowMachine, { events: EVENTS, input: { ...INPUT, ...variant }, serializeState, toState: (state) => state.value === 'saving' }).map((path) => ({ path, variant })),
    );
    expect(paths.length).toBeGreaterThan(20);
    for (const { path, variant } of paths) {
      const saved: CallRecord[] = [];
      const actor = createActor(callFlowMachine.provide({ actors: { saveContact: fromPromise<void, CallRecord>(async ({ input }) => void saved.push(input)) } }), {
        input: { ...INPUT, ...variant },
      }).start();
      for (const step of path.steps.slice(1)) actor.send(step.event as CallEvent);
      expect((await afterSave(actor)).value).toBe('ended');
      expect(saved).toHaveLength(1);
      expect(saved[0]!.outcome).not.toBeNull();
      // A callback is only ever saved with the 约好回电 outcome; a revisit result only on a revisit call.
      if (saved[0]!.callback) expect(saved[0]!.outcome).toBe('callback');
      if (saved[0]!.revisitResult) expect(variant.revisit).toBeTruthy();
    }
  });

  it('keeps the call when saving fails, and retries', async () => {
    let attempts = 0;
    const actor = createActor(
      callFlowMachine.provide({
        actors: {
          saveContact: fromPromise<void, CallRecord>(async () => {
            attempts += 1;
            if (attempts === 1) throw new Error('磁盘已满');
          }),
        },
      }),
      { input: INPUT },
    ).start();
    for (const event of [{ type: 'NO_ANSWER' }, { type: 'END' }] as CallEvent[]) actor.send(event);
    expect((await afterSave(actor)).value).toBe('saveFailed');
    expect(actor.getSnapshot().context.saveError).toBe('磁盘已满');
    actor.send({ type: 'RETRY_SAVE' });
    expect((await afterSave(actor)).value).toBe('ended');
  });
});

describe('the branches a real call needs', () => {
  it('a relative or tenant answers: no arrears talk; the owner may take the phone, or a callback is arranged', () => {
    const relative = run([{ type: 'ANSWERED' }, { type: 'THIRD_PARTY' }]);
    expect(relative.value).toBe('thirdParty');
    expect(relative.context.outcome).toBe('third-party');
    expect(stagesFor('thirdParty', relative.context)).toEqual(['third-party']);
    expect(relative.can({ type: 'END' })).toBe(true);
    expect(relative.can({ type: 'VAGUE' })).toBe(false);
    const handedOver = transition(callFlowMachine, relative, { type: 'OWNER_TAKES_PHONE' })[0];
    expect(handedOver.value).toBe('opening');
    expect(handedOver.context.outcome).toBeNull();
    const callback = transition(callFlowMachine, relative, { type: 'CALLBACK_SET', callback: CALLBACK })[0];
    expect(callback.context).toMatchObject({ outcome: 'callback', callback: CALLBACK });
  });

  it.each([
    ['opening', [{ type: 'ANSWERED' }]],
    ['reminder', [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }]],
    ['pin', [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'VAGUE' }]],
    ['objection', [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'OBJECTION', objection: 'service' }]],
    ['instalment', [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'HARDSHIP' }]],
    ['refusal', [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'REFUSES' }]],
  ] as [string, CallEvent[]][])('the owner hangs up in %s: wrapped up as 业主中途挂断, nothing more to say', (_state, events) => {
    const hungUp = transition(callFlowMachine, run(events), { type: 'HUNG_UP' })[0];
    expect(hungUp.value).toBe('wrapUp');
    expect(hungUp.context.outcome).toBe('hung-up');
    expect(stagesFor('wrapUp', hungUp.context)).toEqual([]);
    expect(hungUp.can({ type: 'END' })).toBe(true);
  });

  it('发了账户，半小时后再联系: one event sets the callback and closes', () => {
    const away = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'AWAY' }]);
    const soon = { date: '2026-11-26', time: '10:30', owner: '王敏' };
    const closed = transition(callFlowMachine, away, { type: 'ACCOUNT_SENT', callback: soon })[0];
    expect(closed.value).toBe('close');
    expect(closed.context).toMatchObject({ outcome: 'callback', callback: soon });
    expect(away.can({ type: 'ACCOUNT_SENT', callback: { ...soon, date: '2026-11-25' } })).toBe(false);
  });

  it('a revisit call asks whether it is solved first; solved may go on to the fees, unsolved closes', () => {
    const revisit = run([{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }], { revisit: REVISIT, brokenPromise: BROKEN });
    expect(revisit.value).toBe('revisit');
    expect(revisit.can({ type: 'VAGUE' })).toBe(false);
    const fixed = transition(callFlowMachine, revisit, { type: 'FIXED' })[0];
    expect(fixed.value).toBe('revisitDone');
    expect(fixed.context).toMatchObject({ revisitResult: 'fixed', outcome: 'revisit-fixed' });
    expect(transition(callFlowMachine, fixed, { type: 'RESUME_COLLECTION' })[0].value).toBe('brokenPromise');
    expect(transition(callFlowMachine, fixed, { type: 'CLOSE' })[0].value).toBe('close');
    const notFixed = transition(callFlowMachine, revisit, { type: 'NOT_FIXED' })[0];
    expect(notFixed.value).toBe('close');
    expect(notFixed.context).toMatchObject({ revisitResult: 'not-fixed', outcome: 'revisit-not-fixed' });
    expect(stagesFor('close', notFixed.context)).toEqual(['revisit']);
    expect(notFixed.can({ type: 'RESUME_COLLECTION' })).toBe(false);
  });

  it('hands the revisit result to saveContact', async () => {
    const saved: CallRecord[] = [];
    const actor = createActor(callFlowMachine.provide({ actors: { saveContact: fromPromise<void, CallRecord>(async ({ input }) => void saved.push(input)) } }), { input: { ...INPUT, revisit: REVISIT } }).start();
    for (const event of [{ type: 'ANSWERED' }, { type: 'OWNER_CONFIRMED' }, { type: 'FIXED' }, { type: 'CLOSE' }, { type: 'END' }] as CallEvent[]) actor.send(event);
    expect((await afterSave(actor)).value).toBe('ended');
    expect(saved).toEqual([expect.objectContaining({ callId: 'call-1', outcome: 'revisit-fixed', revisitResult: 'fixed', revisit: REVISIT })]);
  });
});
