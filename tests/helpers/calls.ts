/** A call as the app makes one: calls.start (the backend judges the rules), then calls.save with its callId. */
import type { Backend } from '../../electron/backend';
import type { CallStart, ContactRecordOut } from '../../electron/contract';
import { call } from './ledger';
import type { CallOutcome } from '../../state-machines/call-outcomes';

export interface StartOptions {
  purpose?: 'collection' | 'revisit';
  followUpId?: string;
  /** Start even where the rules say not now, with this reason. */
  override?: string;
}

export const startCall = (backend: Backend, householdId: string, options: StartOptions = {}): Promise<CallStart> =>
  call(backend, 'calls.start', {
    householdId,
    purpose: options.purpose ?? 'collection',
    ...(options.followUpId ? { followUpId: options.followUpId } : {}),
    ...(options.override ? { override: { reason: options.override } } : {}),
  });

/** What calls.save takes besides the callId, with the usual empties. */
export type CallInputs = { householdId: string; outcome: CallOutcome } & Record<string, unknown>;

export const saveCall = (backend: Backend, callId: string, input: CallInputs): Promise<ContactRecordOut> =>
  call(backend, 'calls.save', { notes: '', promises: [], grievances: [], refusalReason: null, objection: null, ...input, callId });

/** A whole call: started (with `override` where the rules would refuse it) and saved. */
export async function makeCall(backend: Backend, input: CallInputs, options: StartOptions = {}): Promise<ContactRecordOut> {
  const started = await startCall(backend, input.householdId, options);
  return saveCall(backend, started.callId, input);
}

/** For tests that call one household more than the team's caps allow: the reason a steward would give. */
export const AGAIN = '测试：同一户再打一次';
