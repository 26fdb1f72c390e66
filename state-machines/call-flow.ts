/**
 * The call flow: what the steward is doing now, and so which scripts to suggest. XState v5, pure: the
 * one side effect (writing the contact record) is the `saveContact` actor, injected with
 * `machine.provide(...)`, so tests run the machine without a backend.
 *
 *   dialling → opening → reminder ⇄ explain → (agrees → channel | vague → pin | away/objection → objection
 *   | hardship → instalment | refuses → refusal) → close → saving → ended
 *   An earlier broken promise starts the conversation in brokenPromise. Unreached calls go to wrapUp, and so does
 *   the owner hanging up at any step. A relative or tenant on the phone (thirdParty) hears no arrears detail.
 *   A revisit call (维修回访 / 投诉答复) asks whether the problem is solved first; only then, if the steward
 *   chooses, does the collection conversation follow.
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
export const CALL_FLOW_VERSION = 3;

export type { Callback };

export type Grievance =
  | { kind: 'repair'; ticket: RepairTicketDraft }
  | { kind: 'complaint'; severity: ComplaintSeverity; words: string; ownerDeadline?: string }
  | { kind: 'other'; objection: ObjectionType; words: string };

/** A revisit call: the follow-up it answers and what it is about. */
export interface RevisitOf {
  followUpId: string;
  kind: 'repair-revisit' | 'complaint-reply';
  /** The repair ticket's or complaint's title, e.g. 漏水渗水（主卧顶棚）. */
  subject: string;
}

export interface CallInput {
  /** The started call (calls.start) this conversation belongs to. */
  callId: string;
  householdId: string;
  ownerType: OwnerType;
  kind: '住宅' | '商铺';
  owedFen: number;
  monthsOverdue: number;
  /** An earlier promise that was broken: the conversation starts in the 失约 branch, and its scripts read it back. */
  brokenPromise: { date: IsoDate; amountFen: number } | null;
  /** A revisit call (维修回访 / 投诉答复) rather than a collection call. */
  revisit: RevisitOf | null;
  today: IsoDate;
  horizonDays: number;
  startedAt: string;
}

export type RevisitResult = 'fixed' | 'not-fixed';

export interface CallContext extends CallInput {
  objection: ObjectionType | null;
  promises: PinnedPromise[];
  grievances: Grievance[];
  refusalReason: string | null;
  outcome: CallOutcome | null;
  /** Set only with the 约好回电 outcome; null there means the backend's default (tomorrow, this steward). */
  callback: Callback | null;
  /** A revisit call's answer: solved or not. */
  revisitResult: RevisitResult | null;
  notes: string;
  saveError: string | null;
}

/** What the saveContact actor receives: everything the contact record needs. */
export type CallRecord = Pick<
  CallContext,
  'callId' | 'householdId' | 'startedAt' | 'outcome' | 'notes' | 'promises' | 'grievances' | 'refusalReason' | 'objection' | 'callback' | 'revisit' | 'revisitResult'
>;

export type CallEvent =
  | { type: 'ANSWERED' }
  | { type: 'NO_ANSWER' }
  | { type: 'BUSY' }
  | { type: 'OWNER_CONFIRMED' }
  | { type: 'WRONG_PERSON' }
  | { type: 'THIRD_PARTY' }
  | { type: 'OWNER_TAKES_PHONE' }
  | { type: 'HUNG_UP' }
  | { type: 'FIXED' }
  | { type: 'NOT_FIXED' }
  | { type: 'RESUME_COLLECTION' }
  /** 发了账户，半小时后再联系: the account was sent, a callback in about half an hour. */
  | { type: 'ACCOUNT_SENT'; callback: Callback }
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
  thirdParty: ['third-party'],
  revisit: ['revisit'],
  revisitDone: ['revisit', 'close'],
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

/** The owner hangs up: whatever was recorded is kept, the call is wrapped up. */
const hangUp = { HUNG_UP: { target: 'wrapUp', actions: 'noteHungUp' } } as const;

/** The account was sent (微信 / 短信), a callback agreed for about half an hour later. */
const accountSent = { ACCOUNT_SENT: { guard: 'validCallback', target: 'close', actions: 'setCallback' } } as const;

/** Where the conversation goes once the owner is on the line. */
const afterIdentity = [{ guard: 'isRevisit', target: 'revisit' }, { guard: 'hasBrokenPromise', target: 'brokenPromise' }, { target: 'reminder' }] as const;

export const callFlowMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
  },
  actions: {
    noteBusy: assign({ objection: 'busy' as ObjectionType }),
    // A callback agreed before the hang-up (with a relative, say) belongs to the 约好回电 outcome: it goes.
    noteHungUp: assign({ outcome: 'hung-up' as CallOutcome, callback: null }),
    noteObjection: assign({ objection: ({ event }) => (event.type === 'OBJECTION' ? event.objection : null) }),
    /** A callback belongs to the 约好回电 outcome only: choosing another outcome drops it. */
    chooseOutcome: assign(({ context, event }) =>
      event.type === 'OUTCOME' ? { outcome: event.outcome, callback: event.outcome === 'callback' ? context.callback : null } : {},
    ),
    dropCallback: assign({ callback: null }),
    setCallback: assign(({ event }) => (event.type === 'CALLBACK_SET' || event.type === 'ACCOUNT_SENT' ? { callback: event.callback, outcome: 'callback' as CallOutcome } : {})),
  },
  actors: {
    /** Injected: writes the one contact record of this call. */
    saveContact: fromPromise<void, CallRecord>(async () => {
      throw new Error('saveContact was not provided');
    }),
  },
  guards: {
    hasBrokenPromise: ({ context }) => context.brokenPromise !== null,
    isRevisit: ({ context }) => context.revisit !== null,
    validPromise: ({ context, event }) =>
      event.type === 'PROMISE_PINNED' && validatePromise(event.promise, { today: context.today, horizonDays: context.horizonDays, owedFen: context.owedFen }).ok,
    validPlan: ({ context, event }) =>
      event.type === 'PLAN_PINNED' &&
      event.promises.length >= 2 &&
      event.totalFen <= context.owedFen &&
      validatePlan(event.promises, event.totalFen, { today: context.today, horizonDays: context.horizonDays, owedFen: context.owedFen }).length === 0,
    hasOutcome: ({ context }) => context.outcome !== null,
    validCallback: ({ context, event }) =>
      (event.type === 'CALLBACK_SET' || event.type === 'ACCOUNT_SENT') && callbackProblem(event.callback, { today: context.today, horizonDays: context.horizonDays }) === null,
    needsPromiseFirst: ({ context, event }) => event.type === 'OUTCOME' && outcomesNeedingPromises.includes(event.outcome) && context.promises.length === 0,
    needsPlanFirst: ({ context, event }) => event.type === 'OUTCOME' && event.outcome === 'instalment' && context.promises.length < 2,
  },
}).createMachine({
  id: 'callFlow',
  initial: 'dialling',
  context: ({ input }) => ({ ...input, objection: null, promises: [], grievances: [], refusalReason: null, outcome: null, callback: null, revisitResult: null, notes: '', saveError: null }),
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
        OWNER_CONFIRMED: afterIdentity,
        WRONG_PERSON: { target: 'wrapUp', actions: assign({ outcome: 'wrong-person' as CallOutcome }) },
        THIRD_PARTY: { target: 'thirdParty', actions: assign({ outcome: 'third-party' as CallOutcome }) },
        ...hangUp,
      },
    },
    /** A relative or tenant answered: no arrears detail; ask when the owner can be reached, or hand the phone over. */
    thirdParty: {
      on: {
        OWNER_TAKES_PHONE: { target: 'opening', actions: assign({ outcome: null, callback: null }) },
        OUTCOME: { actions: 'chooseOutcome' },
        CALLBACK_SET: { guard: 'validCallback', actions: 'setCallback' },
        END: { guard: 'hasOutcome', target: 'saving' },
        ...hangUp,
      },
    },
    /** 维修回访 / 投诉答复: is it solved? The answer decides whether the follow-up closes. */
    revisit: {
      on: {
        FIXED: { target: 'revisitDone', actions: assign({ revisitResult: 'fixed' as RevisitResult, outcome: 'revisit-fixed' as CallOutcome }) },
        NOT_FIXED: { target: 'close', actions: assign({ revisitResult: 'not-fixed' as RevisitResult, outcome: 'revisit-not-fixed' as CallOutcome }) },
        ...hangUp,
      },
    },
    /** Solved: end here, or — the steward's choice — go on to the fees. */
    revisitDone: {
      on: {
        RESUME_COLLECTION: [{ guard: 'hasBrokenPromise', target: 'brokenPromise' }, { target: 'reminder' }],
        CLOSE: 'close',
        ...hangUp,
      },
    },
    reminder: { on: { EXPLAIN: 'explain', ...responses, ...hangUp } },
    explain: { on: { ...responses, ...hangUp } },
    brokenPromise: { on: { ...responses, ...hangUp } },
    objection: {
      on: {
        GRIEVANCE_RECORDED: { actions: assign({ grievances: ({ context, event }) => [...context.grievances, event.grievance] }) },
        BACK_TO_PROMISE: 'pin',
        OBJECTION: { actions: 'noteObjection' },
        HARDSHIP: 'instalment',
        REFUSES: 'refusal',
        CLOSE: { target: 'close', actions: assign({ outcome: ({ context }) => (context.grievances.length > 0 ? 'grievance' : context.outcome) }) },
        ...accountSent,
        ...hangUp,
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
        ...accountSent,
        ...hangUp,
      },
    },
    channel: {
      on: {
        PROMISE_PINNED: { guard: 'validPromise', target: 'close', actions: assign({ promises: ({ event }) => [event.promise], outcome: 'promised' as CallOutcome }) },
        PAID_NOW: { target: 'close', actions: assign({ outcome: 'paid' as CallOutcome }) },
        VAGUE: 'pin',
        OBJECTION: responses.OBJECTION,
        ...accountSent,
        ...hangUp,
      },
    },
    instalment: {
      on: {
        PLAN_PINNED: { guard: 'validPlan', target: 'close', actions: assign({ promises: ({ event }) => event.promises, outcome: 'instalment' as CallOutcome }) },
        PROMISE_PINNED: { guard: 'validPromise', target: 'close', actions: assign({ promises: ({ event }) => [event.promise], outcome: 'promised' as CallOutcome }) },
        REFUSES: 'refusal',
        ...hangUp,
      },
    },
    refusal: {
      on: {
        REASON_RECORDED: { target: 'close', actions: assign({ refusalReason: ({ event }) => event.reason, outcome: 'refused' as CallOutcome }) },
        ...hangUp,
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
          callId: context.callId,
          householdId: context.householdId,
          startedAt: context.startedAt,
          outcome: context.outcome,
          notes: context.notes,
          promises: context.promises,
          grievances: context.grievances,
          refusalReason: context.refusalReason,
          objection: context.objection,
          callback: context.callback,
          revisit: context.revisit,
          revisitResult: context.revisitResult,
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
export function stagesFor(state: string, context: Pick<CallContext, 'objection' | 'outcome' | 'revisitResult'>): StageId[] {
  // After a hang-up there is nobody to say anything to.
  if (state === 'wrapUp' && context.outcome === 'hung-up') return [];
  // A wrong number: apologise and end; never read out whose arrears these are.
  if (state === 'wrapUp' && context.outcome === 'wrong-person') return ['objection-wrong-person'];
  if (state === 'close' && context.revisitResult === 'not-fixed') return ['revisit'];
  if (state === 'objection' && context.objection) {
    const stage = objectionTypes.find((objection) => objection.id === context.objection)!.stage;
    return [stage, 'pin'];
  }
  return stagesByState[state] ?? [];
}
