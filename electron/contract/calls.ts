/** Contract for calls: what a finished call writes, the promises, grievances and follow-ups it creates. */
import { z } from 'zod';
import { amountFenSchema, idSchema, isoDateSchema, timeOfDaySchema } from './formats';
import { callPurposes } from '../../domain/follow-up-rules';
import { complaintSeverities, objectionTypes, repairCategories, urgencies } from '../../domain/grievance';
import { promiseChannels } from '../../domain/promise';
import { ownerTypes } from '../../scripts-library/stages';
import { callOutcomes, type CallOutcome } from '../../state-machines/call-outcomes';

const outcomeIds = callOutcomes.map((outcome) => outcome.id) as [CallOutcome, ...CallOutcome[]];
const objectionIds = objectionTypes.map((objection) => objection.id) as [string, ...string[]];
export const ownerTypeIds = ownerTypes.map((type) => type.id) as ['A', 'B', 'C', 'D', 'E'];
export const ownerTypeSchema = z.enum(ownerTypeIds);

/** The owner type a call starts with, and why (ownerTypeFor in domain/owner-type.ts). */
export const ownerTypeGuessSchema = z.object({ type: ownerTypeSchema, because: z.string().max(200) });

/** Starting anyway, against the call rules: the steward's reason, kept on the contact record with what it overrode. */
export const callOverrideSchema = z.object({ reason: z.string().max(200), problems: z.array(z.string().max(200)).max(20) });
export type CallOverride = z.infer<typeof callOverrideSchema>;

/** What a steward asks to start: a collection call, or a revisit that names its open follow-up; with a reason to call anyway. */
export const startCallInput = z
  .object({
    householdId: idSchema,
    purpose: z.enum(callPurposes),
    /** For a revisit: the household's open 维修回访 or 投诉答复 follow-up the call is for. */
    followUpId: idSchema.optional(),
    /** Starting although the rules say not now: why (kept on the contact record). */
    override: z.object({ reason: z.string().trim().min(4, '请写明仍要拨打的原因（至少 4 个字）').max(200, '原因不超过 200 字') }).strict().optional(),
  })
  .strict()
  .refine((input) => input.purpose !== 'revisit' || input.followUpId !== undefined, { message: '回访通话要指明是哪一条维修回访或投诉答复', path: ['followUpId'] })
  .refine((input) => input.purpose === 'revisit' || input.followUpId === undefined, { message: '只有回访通话才关联跟进任务', path: ['followUpId'] });

/** Whether a call may start now, without starting it. */
export const checkCallInput = z.object({ householdId: idSchema, purpose: z.enum(callPurposes) }).strict();

/**
 * A started call, kept by the backend until it is saved or given up (in call-draft.json, so a crash and restart
 * can still save it): its id, the backend's start time, why it is made, and what it overrode.
 */
export const startedCallSchema = z.object({
  callId: idSchema,
  householdId: idSchema,
  /** The backend's clock, +08:00, on the backend's day. */
  startedAt: z.string().max(40),
  purpose: z.enum(callPurposes),
  followUpId: idSchema.nullable(),
  overridden: callOverrideSchema.nullable(),
  ownerType: ownerTypeGuessSchema,
});
/** What calls.start answers (and calls.draft keeps). */
export type CallStart = z.infer<typeof startedCallSchema>;

export const pinnedPromiseSchema = z.object({ date: isoDateSchema, amountFen: amountFenSchema, channel: z.enum(promiseChannels) });

export const grievanceInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('repair'),
    ticket: z.object({
      category: z.enum(repairCategories),
      location: z.string().trim().max(60),
      urgency: z.enum(urgencies),
      words: z.string().trim().min(1, '请记下业主的原话').max(500),
      leakTestDate: isoDateSchema.optional(),
    }),
  }),
  /** A minor complaint may carry the deadline the owner asked for. */
  z.object({ kind: z.literal('complaint'), severity: z.enum(complaintSeverities), words: z.string().trim().min(1).max(500), ownerDeadline: isoDateSchema.optional() }),
  z.object({ kind: z.literal('other'), objection: z.enum(objectionIds), words: z.string().trim().max(500) }),
]);

/** A callback agreed on the phone: when, and who calls back (a steward's name, or null for the team pool). */
export const callbackSchema = z.object({ date: isoDateSchema, time: timeOfDaySchema.nullable(), owner: z.string().trim().min(1).max(20).nullable() });
export type Callback = z.infer<typeof callbackSchema>;

/** What the call flow hands over at the end of a call. */
export const saveCallInput = z
  .object({
    householdId: idSchema,
    /** The started call (calls.start) this saves: it must be that household's, and is saved once. */
    callId: idSchema,
    outcome: z.enum(outcomeIds),
    notes: z.string().max(2000),
    promises: z.array(pinnedPromiseSchema).max(24),
    grievances: z.array(grievanceInputSchema).max(10),
    refusalReason: z.string().max(500).nullable(),
    objection: z.enum(objectionIds).nullable(),
    /** With the 约好回电 outcome: the agreed time and owner (default: tomorrow, this steward). */
    callback: callbackSchema.nullable().optional(),
    /** The owner type the call ended with (the steward's judgement; the next call starts with it). */
    ownerType: ownerTypeSchema.optional(),
    /** A revisit call's answer: is the repair or complaint solved? (Only for a call started as a revisit.) */
    revisitResult: z.enum(['fixed', 'not-fixed']).nullable().optional(),
  })
  .strict();

export const promiseRecordSchema = pinnedPromiseSchema.extend({
  id: z.string(),
  householdId: z.string(),
  contactId: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'kept', 'broken', 'cancelled']),
});
export type PromiseRecord = z.infer<typeof promiseRecordSchema>;

export const grievanceRecordSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  contactId: z.string(),
  createdAt: z.string(),
  kind: z.enum(['repair', 'complaint', 'other']),
  title: z.string(),
  words: z.string(),
  /** Revisit (repair) or reply (complaint) date. */
  dueDate: isoDateSchema.nullable(),
  status: z.enum(['open', 'done']),
  /** Repairs (absent on older records): the category, and when the repair (and a leak's test) was done. */
  category: z.enum(repairCategories).optional(),
  completedOn: isoDateSchema.nullable().optional(),
  leakTestOn: isoDateSchema.nullable().optional(),
  /** Complaints (absent on older records): severity and the 规程's deadlines. */
  severity: z.enum(complaintSeverities).optional(),
  escalateTo: z.enum(['管理处主任', '部门主管']).nullable().optional(),
  escalateBy: z.string().nullable().optional(),
  resolveBy: isoDateSchema.nullable().optional(),
});
export type GrievanceRecord = z.infer<typeof grievanceRecordSchema>;

export const followUpKinds = ['promise-check', 'repair-revisit', 'complaint-reply', 'callback'] as const;

export const followUpSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  kind: z.enum(followUpKinds),
  dueDate: isoDateSchema,
  sourceId: z.string(),
  title: z.string(),
  status: z.enum(['open', 'done']),
  createdAt: z.string(),
  /** Callbacks: the agreed time of day. */
  dueTime: timeOfDaySchema.nullable().optional(),
  /** Who does it: a steward's name; null or absent for the team pool. */
  owner: z.string().nullable().optional(),
  /** The owner's user id, when the owner is a user (the steward who agreed the callback). */
  ownerId: z.string().max(100).nullable().optional(),
  /** Set when done from the queue: why, and when. */
  doneReason: z.string().optional(),
  doneAt: z.string().optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** 维修已完成: the repair was done on a day (a leak: its leak test, maybe booked ahead); the revisit counts from it. */
export const repairDoneInput = z.object({ householdId: idSchema, grievanceId: idSchema, completedOn: isoDateSchema, leakTestOn: isoDateSchema.nullable() }).strict();

/** A call draft is a machine snapshot of a few KB; anything far larger is not one. */
export const MAX_DRAFT_CHARS = 200_000;

export const callDraftSchema = z.object({
  machineVersion: z.number().int().min(0).max(1_000_000),
  householdId: idSchema,
  savedAt: z.string().max(40),
  /** The XState persisted snapshot. */
  snapshot: z.unknown().refine((snapshot) => snapshot !== undefined && (JSON.stringify(snapshot)?.length ?? 0) <= MAX_DRAFT_CHARS, {
    message: `通话草稿过大（超过 ${MAX_DRAFT_CHARS / 1000} KB），不是本程序保存的草稿`,
  }),
});
export type CallDraft = z.infer<typeof callDraftSchema>;

export const saveCallDraftInput = callDraftSchema.omit({ savedAt: true }).strict();

/** What calls.save answers: the contact record and what it created. */
export interface ContactRecordOut {
  contactId: string;
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  /** Full phone or ID numbers found in the notes (or the owner's words) and masked before saving. */
  maskedNumbers: number;
}
