/**
 * The call flow: what the steward is doing now, and so which scripts to suggest. XState v5, pure: the
 * one side effect (writing the contact record) is the `saveContact` actor, injected with
 * `machine.provide(...)`, so tests run the machine without a backend.
 *
 *   dialling → opening → reminder ⇄ explain → (agrees → channel | vague → pin | away/objection → objection
 *   | hardship → instalment | refuses → refusal) → close → saving → ended
 *   An earlier broken promise starts the conversation in brokenPromise. Unreached calls go to wrapUp.
 *   Every way to `ended` passes through `saving` exactly once, and `END` needs an outcome.
 *   At the close (or wrap-up), 约好回电 may carry the agreed callback: a day, a time or none, and its owner.
 */
import { assign, fromPromise, setup } from 'xstate';
import { callbackProblem, type Callback } from '../domain/callback';
import { validatePlan, validatePromise, type PinnedPromise } from '../domain/promise';
import { objectionTypes, type ComplaintSeverity, type ObjectionType, type RepairTicketDraft } from '../domain/grievance';
import type { IsoDate } from '../domain/dates';
import type { OwnerType, StageId } from '../scripts-library/stages';
import { outcomesNeedingPromises, type CallOutcome } from './call-outcomes';

/** Bump when states or context change shape: a persisted snapshot of another version is not resumed. */
export const CALL_FLOW_VERSION = 2;

export type { Callback };

export type Grievance =
  | { kind: 'repair'; ticket: RepairTicketDraft }
  | { kind: 'complaint'; severity: ComplaintSeverity; words: string }
  | { kind: 'other'; objection: ObjectionType; words: string };

export interface CallInput {
  householdId: string;
  ownerType: OwnerType;
  kind: '住宅' | '商铺';
  owedFen: number;
  monthsOverdue: number;
  /** An earlier promise was broken: the conversation starts in the 失约 branch. */
  brokenPromise: boolean;
  today: IsoDate;
  horizonDays: number;
  startedAt: string;
}

export interface CallContext extends CallInput {
  objection: ObjectionType | null;
  promises: PinnedPromise[];
  grievances: Grievance[];
  refusalReason: string | null;
  outcome: CallOutcome | null;
  /** Set only with the 约好回电 outcome; null there means the backend's default (tomorrow, this steward). */
  callback: Callback | null;
  notes: string;
  saveError: string | null;
}

/** What the saveContact actor receives: everything the contact record needs. */
export type CallRecord = Pick<CallContext, 'householdId' | 'startedAt' | 'outcome' | 'notes' | 'promises' | 'grievances' | 'refusalReason' | 'objection' | 'callback'>;

export type CallEvent =
  | { type: 'ANSWERED' }
  | { type: 'NO_ANSWER' }
  | { type: 'BUSY' }
  | { type: 'OWNER_CONFIRMED' }
  | { type: 'WRONG_PERSON' }
  | { type: 'EXPLAIN' }
  | { type: 'AGREES' }
  | { type: 'VAGUE' }
  | { type: 'AWAY' }
  | { type: 'OBJECTION'; objection: ObjectionType }
  | { type: 'HARDSHIP' }
  | { type: 'REFUSES' }
  | { type: 'GRIEVANCE_RECORDED'; grievance: Grievance }
  | { type: 'BACK_TO_PROMISE' }
  | { type: 'PROMISE_PINNED'; promise: PinnedPromise }
  | { type: 'PAID_NOW' }
  | { type: 'PLAN_PINNED'; promises: PinnedPromise[]; totalFen: number }
  | { type: 'REASON_RECORDED'; reason: string }
  | { type: 'CLOSE' }
  | { type: 'NOTE'; text: string }
  | { type: 'OUTCOME'; outcome: CallOutcome }
  | { type: 'CALLBACK_SET'; callback: Callback }
  | { type: 'END' }
  | { type: 'RETRY_SAVE' };

/** Scripts to suggest in each state (the objection state adds the objection's own stage). */
export const stagesByState: Record<string, StageId[]> = {
  dialling: ['opening'],
  opening: ['opening', 'identity'],
  reminder: ['reminder', 'explain'],
  explain: ['explain'],
  brokenPromise: ['broken-promise'],
  objection: [],
  pin: ['pin', 'channel'],
  channel: ['channel', 'pin'],
  instalment: ['instalment', 'objection-hardship'],
  refusal: ['refusal'],
  close: ['close'],
  wrapUp: ['no-answer'],
  saving: [],
  saveFailed: [],
  ended: [],
};

/** How the owner answers the reminder: the same branches from every conversational state. */
const responses = {
  AGREES: { target: 'channel' },
  VAGUE: { target: 'pin' },
  AWAY: { target: 'objection', actions: 'noteBusy' },
  OBJECTION: { target: 'objection', actions: 'noteObjection' },
  HARDSHIP: { target: 'instalment' },
  REFUSES: { target: 'refusal' },
} as const;

export const callFlowMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
  },
  actions: {
    noteBusy: assign({ objection: 'busy' as ObjectionType }),
    noteObjection: assign({ objection: ({ event }) => (event.type === 'OBJECTION' ? event.objection : null) }),
    /** A callback belongs to the 约好回电 outcome only: choosing another outcome drops it. */
    chooseOutcome: assign(({ context, event }) =>
      event.type === 'OUTCOME' ? { outcome: event.outcome, callback: event.outcome === 'callback' ? context.callback : null } : {},
    ),
    dropCallback: assign({ callback: null }),
    setCallback: assign(({ event }) => (event.type === 'CALLBACK_SET' ? { callback: event.callback, outcome: 'callback' as CallOutcome } : {})),
  },
  actors: {
    /** Injected: writes the one contact record of this call. */
    saveContact: fromPromise<void, CallRecord>(async () => {
      throw new Error('saveContact was not provided');
    }),
  },
  guards: {
    hasBrokenPromise: ({ context }) => context.brokenPromise,
    validPromise: ({ context, event }) =>
      event.type === 'PROMISE_PINNED' && validatePromise(event.promise, { today: context.today, horizonDays: context.horizonDays, owedFen: context.owedFen }).ok,
    validPlan: ({ context, event }) =>
      event.type === 'PLAN_PINNED' &&
      event.promises.length >= 2 &&
      event.totalFen <= context.owedFen &&
      validatePlan(event.promises, event.totalFen, { today: context.today, horizonDays: context.horizonDays, owedFen: context.owedFen }).length === 0,
    hasOutcome: ({ context }) => context.outcome !== null,
    validCallback: ({ context, event }) => event.type === 'CALLBACK_SET' && callbackProblem(event.callback, { today: context.today, horizonDays: context.horizonDays }) === null,
    needsPromiseFirst: ({ context, event }) => event.type === 'OUTCOME' && outcomesNeedingPromises.includes(event.outcome) && context.promises.length === 0,
    needsPlanFirst: ({ context, event }) => event.type === 'OUTCOME' && event.outcome === 'instalment' && context.promises.length < 2,
  },
}).createMachine({
  id: 'callFlow',
  initial: 'dialling',
  context: ({ input }) => ({ ...input, objection: null, promises: [], grievances: [], refusalReason: null, outcome: null, callback: null, notes: '', saveError: null }),
  on: {
    NOTE: { actions: assign({ notes: ({ event }) => event.text }) },
  },
  states: {
    dialling: {
      on: {
        ANSWERED: 'opening',
        NO_ANSWER: { target: 'wrapUp', actions: assign({ outcome: 'no-answer' as CallOutcome }) },
        BUSY: { target: 'wrapUp', actions: assign({ outcome: 'busy' as CallOutcome }) },
      },
    },
    opening: {
      on: {
        OWNER_CONFIRMED: [{ guard: 'hasBrokenPromise', target: 'brokenPromise' }, { target: 'reminder' }],
        WRONG_PERSON: { target: 'wrapUp', actions: assign({ outcome: 'wrong-person' as CallOutcome }) },
      },
    },
    reminder: { on: { EXPLAIN: 'explain', ...responses } },
    explain: { on: responses },
    brokenPromise: { on: responses },
    objection: {
      on: {
        GRIEVANCE_RECORDED: { actions: assign({ grievances: ({ context, event }) => [...context.grievances, event.grievance] }) },
        BACK_TO_PROMISE: 'pin',
        OBJECTION: { actions: 'noteObjection' },
        HARDSHIP: 'instalment',
        REFUSES: 'refusal',
        CLOSE: { target: 'close', actions: assign({ outcome: ({ context }) => (context.grievances.length > 0 ? 'grievance' : context.outcome) }) },
      },
    },
    pin: {
      on: {
        PROMISE_PINNED: { guard: 'validPromise', target: 'close', actions: assign({ promises: ({ event }) => [event.promise], outcome: 'promised' as CallOutcome }) },
        PAID_NOW: { target: 'close', actions: assign({ outcome: 'paid' as CallOutcome }) },
        OBJECTION: responses.OBJECTION,
        AWAY: responses.AWAY,
        HARDSHIP: 'instalment',
        REFUSES: 'refusal',
      },
    },
    channel: {
      on: {
        PROMISE_PINNED: { guard: 'validPromise', target: 'close', actions: assign({ promises: ({ event }) => [event.promise], outcome: 'promised' as CallOutcome }) },
        PAID_NOW: { target: 'close', actions: assign({ outcome: 'paid' as CallOutcome }) },
        VAGUE: 'pin',
        OBJECTION: responses.OBJECTION,
      },
    },
    instalment: {
      on: {
        PLAN_PINNED: { guard: 'validPlan', target: 'close', actions: assign({ promises: ({ event }) => event.promises, outcome: 'instalment' as CallOutcome }) },
        PROMISE_PINNED: { guard: 'validPromise', target: 'close', actions: assign({ promises: ({ event }) => [event.promise], outcome: 'promised' as CallOutcome }) },
        REFUSES: 'refusal',
      },
    },
    refusal: {
      on: {
        REASON_RECORDED: { target: 'close', actions: assign({ refusalReason: ({ event }) => event.reason, outcome: 'refused' as CallOutcome }) },
      },
    },
    close: {
      on: {
        OUTCOME: [
          { guard: 'needsPlanFirst', target: 'instalment', actions: 'dropCallback' },
          { guard: 'needsPromiseFirst', target: 'pin', actions: 'dropCallback' },
          { actions: 'chooseOutcome' },
        ],
        CALLBACK_SET: { guard: 'validCallback', actions: 'setCallback' },
        END: { guard: 'hasOutcome', target: 'saving' },
      },
    },
    wrapUp: {
      on: {
        OUTCOME: { actions: 'chooseOutcome' },
        CALLBACK_SET: { guard: 'validCallback', actions: 'setCallback' },
        END: { guard: 'hasOutcome', target: 'saving' },
      },
    },
    saving: {
      invoke: {
        src: 'saveContact',
        input: ({ context }): CallRecord => ({
          householdId: context.householdId,
          startedAt: context.startedAt,
          outcome: context.outcome,
          notes: context.notes,
          promises: context.promises,
          grievances: context.grievances,
          refusalReason: context.refusalReason,
          objection: context.objection,
          callback: context.callback,
        }),
        onDone: { target: 'ended', actions: assign({ saveError: null }) },
        onError: { target: 'saveFailed', actions: assign({ saveError: ({ event }) => (event.error instanceof Error ? event.error.message : String(event.error)) }) },
      },
    },
    saveFailed: { on: { RETRY_SAVE: 'saving' } },
    ended: { type: 'final' },
  },
});

/** The stages whose scripts fit the current state (the objection state uses its objection's stage). */
export function stagesFor(state: string, context: Pick<CallContext, 'objection'>): StageId[] {
  if (state === 'objection' && context.objection) {
    const stage = objectionTypes.find((objection) => objection.id === context.objection)!.stage;
    return [stage, 'pin'];
  }
  return stagesByState[state] ?? [];
}
