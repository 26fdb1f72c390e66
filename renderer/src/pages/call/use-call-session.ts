/**
 * One call in progress: the call-flow machine (saving the contact record through calls.save), its draft kept while
 * the call goes on and cleared once it has ended, the clock the timer shows, and the moves the panel and its keys
 * share.
 */
import { useMachine } from '@xstate/react';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fromPromise, type Snapshot, type SnapshotFrom } from 'xstate';
import type { CallStart, HouseholdRecord } from '../../../../electron/contract';
import { callbackInHalfAnHour } from '../../../../domain/callback';
import { shanghaiTimeOfDay } from '../../../../domain/clock';
import type { CallPurpose, TeamSettings } from '../../../../domain/follow-up-rules';
import type { OwnerType } from '../../../../scripts-library/stages';
import { CALL_FLOW_VERSION, callFlowMachine, type CallEvent, type CallRecord } from '../../../../state-machines/call-flow';
import { useApi } from '../../api/api-context';
import { useToday } from '../../hooks/use-today';
import type { Branch } from './call-steps';
import { callInputOf } from './call-input';
import { useDraftSaver } from './use-draft-saver';

export type CallSnapshot = SnapshotFrom<typeof callFlowMachine>;
export type SendCallEvent = (event: CallEvent) => void;

interface Options {
  record: HouseholdRecord;
  start: Pick<CallStart, 'callId' | 'startedAt' | 'ownerType'>;
  purpose: CallPurpose;
  followUpId: string | null;
  /** A persisted snapshot to resume. */
  resume?: Snapshot<unknown>;
  team: Pick<TeamSettings, 'horizonDays' | 'callWindows'>;
  stewardName: string;
  /** The owner type chosen now: the call is saved with the one it ends with. */
  ownerType: OwnerType;
  onSaved?(): void;
}

export function useCallSession({ record, start, purpose, followUpId, resume, team, stewardName, ownerType, onSaved }: Options) {
  const api = useApi();
  const { message } = App.useApp();
  const [now, setNow] = useState(() => Date.now());
  // The backend's day (fixed in test mode); CallPage starts the call only once it is known.
  const today = useToday();
  const input = useMemo(
    () => callInputOf({ record, start, purpose, followUpId, today, horizonDays: team.horizonDays }),
    // The call's facts are fixed when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [record.household.id],
  );
  // The owner type the call ends with goes with the save (the next call starts with it).
  const endOwnerType = useRef(ownerType);
  useEffect(() => {
    endOwnerType.current = ownerType;
  }, [ownerType]);
  const machine = useMemo(
    () =>
      callFlowMachine.provide({
        actors: {
          // The record goes to calls.save (callback included), type-checked against the contract; the backend keeps
          // its own start time. A snapshot of an older app has no callId: the start's.
          // The owner-type ref is read when the call is saved, never while rendering.
          // eslint-disable-next-line react-hooks/refs
          saveContact: fromPromise<void, CallRecord>(async ({ input: { outcome, startedAt: _startedAt, revisit: _revisit, callId, ...call } }) => {
            if (!outcome) throw new Error('请先选择通话结果'); // END's guard already asks for one
            const saved = await api['calls.save']({ ...call, callId: callId || start.callId, outcome, ownerType: endOwnerType.current });
            // The backend masks full numbers in the notes: say so, the steward typed them.
            if (saved.maskedNumbers > 0) message.info(`备注中的 ${saved.maskedNumbers} 个完整电话或证件号码已打码后保存（个人信息不完整记录）。`);
          }),
        },
      }),
    [api, message, start.callId],
  );
  const [snapshot, send, actorRef] = useMachine(machine, resume ? { input, snapshot: resume } : { input });
  const state = String(snapshot.value);
  const { context } = snapshot;
  const savedOnce = useRef(false);

  // The call in progress is kept as a draft, so a crash or restart can pick it up again: each step at once, typing
  // once it pauses. Not while saving: a draft written then could land after the save cleared it and offer a
  // finished call back.
  useEffect(() => {
    if (state !== 'ended' || savedOnce.current) return;
    savedOnce.current = true;
    void api['calls.clearDraft']({}).catch(() => undefined);
    onSaved?.();
  }, [api, state, onSaved]);
  const saveDraft = useCallback(() => {
    void api['calls.saveDraft']({ machineVersion: CALL_FLOW_VERSION, householdId: record.household.id, snapshot: actorRef.getPersistedSnapshot() }).catch(() => undefined);
  }, [api, actorRef, record.household.id]);
  useDraftSaver({ state, revision: snapshot, active: state !== 'saving' && state !== 'ended', save: saveDraft });

  // The call timer ticks once a second.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const canTake = useCallback((branch: Pick<Branch, 'event'>) => snapshot.can({ type: branch.event } as CallEvent), [snapshot]);
  // 发了账户，半小时后再联系: a callback in the next half-hour slot of the team's call windows, owned by this steward.
  const accountSent = useCallback(
    () => send({ type: 'ACCOUNT_SENT', callback: callbackInHalfAnHour({ today: context.today, time: shanghaiTimeOfDay() }, team.callWindows, stewardName || null) }),
    [send, context.today, team.callWindows, stewardName],
  );
  const canSendAccount = snapshot.can({ type: 'ACCOUNT_SENT', callback: callbackInHalfAnHour({ today: context.today, time: '09:00' }, team.callWindows, null) });

  return { snapshot, send, state, context, today, now, canTake, canSendAccount, accountSent };
}
