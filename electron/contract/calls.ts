/** Contract for calls: what a finished call writes, the promises, grievances and follow-ups it creates. */
import { z } from 'zod';
import { amountFenSchema, idSchema, isoDateSchema, timeOfDaySchema, timestampSchema } from './formats';
import { complaintSeverities, objectionTypes, repairCategories, urgencies } from '../../domain/grievance';
import { promiseChannels } from '../../domain/promise';
import { callOutcomes } from '../../state-machines/call-outcomes';

const outcomeIds = callOutcomes.map((outcome) => outcome.id) as [string, ...string[]];
const objectionIds = objectionTypes.map((objection) => objection.id) as [string, ...string[]];

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
  z.object({ kind: z.literal('complaint'), severity: z.enum(complaintSeverities), words: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('other'), objection: z.enum(objectionIds), words: z.string().trim().max(500) }),
]);

/** A callback agreed on the phone: when, and who calls back (a steward's name, or null for the team pool). */
export const callbackSchema = z.object({ date: isoDateSchema, time: timeOfDaySchema.nullable(), owner: z.string().trim().min(1).max(20).nullable() });
export type Callback = z.infer<typeof callbackSchema>;

/** What the call flow hands over at the end of a call. */
export const saveCallInput = z
  .object({
    householdId: idSchema,
    /** When the call began, by the steward's computer: kept as a claim beside the backend's own time. */
    startedAt: timestampSchema,
    outcome: z.enum(outcomeIds),
    notes: z.string().max(2000),
    promises: z.array(pinnedPromiseSchema).max(24),
    grievances: z.array(grievanceInputSchema).max(10),
    refusalReason: z.string().max(500).nullable(),
    objection: z.enum(objectionIds).nullable(),
    /** With the 约好回电 outcome: the agreed time and owner (default: tomorrow, this steward). */
    callback: callbackSchema.nullable().optional(),
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
  /** Set when done from the queue: why, and when. */
  doneReason: z.string().optional(),
  doneAt: z.string().optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

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
