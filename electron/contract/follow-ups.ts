/** Contract for 今日跟进 and the team lead's settings. */
import { z } from 'zod';
import { idSchema, isoDateSchema, timeOfDaySchema } from './formats';
import { queueKinds, type QueueKind, type RosterMember } from '../../domain/follow-up-rules';
import { LINT_TERM_CATEGORIES, type LintTermCategory } from '../../scripts-library/lint';

const lintTermCategories = LINT_TERM_CATEGORIES.map((entry) => entry.category) as [LintTermCategory, ...LintTermCategory[]];


const stewardName = z.string().trim().min(1, '管家姓名不能为空').max(20, '管家姓名不超过 20 个字');
/** A stored roster entry: the user id beside the name. */
export const rosterMemberSchema = z.object({ id: z.string().min(1).max(100), name: stewardName }).strict();
/** A roster entry as the lead saves it: a new name has no id yet (the backend mints one). */
const rosterEntryInput = z.object({ id: z.string().min(1).max(100).optional(), name: stewardName }).strict();

/** Team settings with the roster's entries of `member`: stored (ids) or as saved (ids optional). */
function teamSettingsOf<Member extends z.ZodType<{ id?: string; name: string }>>(member: Member) {
  return z
    .object({
      graceDays: z.number().int().min(0, '宽限天数不能为负').max(30, '宽限天数不超过 30 天'),
      callWindows: z
        .array(z.object({ start: timeOfDaySchema, end: timeOfDaySchema }).refine((window) => window.start < window.end, { message: '时段的开始要早于结束' }))
        .min(1, '至少要有一个通话时段')
        .max(4),
      maxCallsPerDay: z.number().int().min(1).max(5),
      maxCallsPerWeek: z.number().int().min(1).max(20),
      horizonDays: z.number().int().min(1).max(90),
      ladder: z.object({ residential: z.boolean(), shops: z.boolean(), writtenDemand: z.boolean() }),
      /** The team's stewards: whom a household's follow-ups can be handed to. */
      stewards: z.array(member).max(50),
      /** 收款账户: read to owners who pay by transfer (filled into {收款账户}). */
      paymentAccount: z.string().trim().max(120, '收款账户不超过 120 个字'),
      /** 托管 units: the share of the full fee billed, in percent. */
      custodyPercent: z.number().int().min(1, '托管收费比例在 1%–100% 之间').max(100, '托管收费比例在 1%–100% 之间'),
      /** Words the lead adds to the compliance lint, by category. */
      lintTerms: z
        .array(z.object({ category: z.enum(lintTermCategories), term: z.string().trim().min(1, '合规词不能为空').max(20, '合规词不超过 20 个字') }).strict())
        .max(200, '合规词最多 200 个'),
    })
    .refine((settings) => settings.maxCallsPerWeek >= settings.maxCallsPerDay, { message: '每周上限不能小于每天上限', path: ['maxCallsPerWeek'] })
    .refine((settings) => distinct(settings.stewards.map((entry) => entry.name)), { message: '管家名单有重名', path: ['stewards'] })
    .refine((settings) => distinct(settings.stewards.flatMap((entry) => (entry.id ? [entry.id] : []))), { message: '管家名单有重复的编号', path: ['stewards'] })
    .refine((settings) => distinct(settings.lintTerms.map((entry) => `${entry.category}|${entry.term}`)), { message: '合规词有重复', path: ['lintTerms'] });
}

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

/** Team settings as stored (each roster entry has its id). */
export const teamSettingsSchema = teamSettingsOf(rosterMemberSchema);
/** Team settings as the lead saves them (teamSettings.update). */
export const teamSettingsInput = teamSettingsOf(rosterEntryInput);
export type TeamSettingsInput = z.input<typeof teamSettingsInput>;

/** Who the acting steward may hand a household to (themselves first), as the backend judges it. */
export interface Assignees {
  me: RosterMember;
  assignable: RosterMember[];
}

const queueKindIds = queueKinds.map((kind) => kind.id) as [QueueKind, ...QueueKind[]];

/**
 * One page of a day's list (today by default), filtered: by kind, community, and owner — a steward's name, or
 * null for the team pool (absent: everyone's). The answer stays small however long the list is.
 */
export const todayQueueInput = z
  .object({
    date: isoDateSchema.optional(),
    kind: z.enum(queueKindIds).optional(),
    community: z.string().min(1).max(100).optional(),
    owner: z.string().min(1).max(20).nullable().optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type TodayQueueInput = z.infer<typeof todayQueueInput>;

/** 下一户: the next callable row of the day's list under these filters that nobody else is on, claimed for the caller. */
export const nextHouseholdInput = todayQueueInput.pick({ kind: true, community: true, owner: true }).strict();

const householdId = idSchema;
const reason = z.string().trim().min(1, '请写明原因').max(200, '原因不超过 200 字');

/**
 * What a steward does with a row of the queue. complete: this one entry (its key) is handled — a callback
 * or revisit done, a notice issued, the month's reminder given; snooze: the household leaves the queue until
 * a later day; reassign: the household's follow-ups go to another steward, or to the team pool (null).
 */
export const queueActInput = z.discriminatedUnion('action', [
  /** Issuing a 限期缴费通知书 gives its deadline (and only then). */
  z.object({ action: z.literal('complete'), householdId, entryKey: z.string().min(1).max(120), reason, deadline: isoDateSchema.optional() }).strict(),
  z.object({ action: z.literal('snooze'), householdId, until: isoDateSchema, reason }).strict(),
  /** assigneeId: a roster member's (or the acting steward's) user id; null for the team pool. */
  z.object({ action: z.literal('reassign'), householdId, assigneeId: z.string().min(1).max(100).nullable(), reason: z.string().trim().max(200) }).strict(),
]);
export type QueueActInput = z.infer<typeof queueActInput>;

/** A recorded queue action: kept on the household's contact log; undoable. */
export const queueActionSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  action: z.enum(['complete', 'snooze', 'reassign']),
  entryKey: z.string().nullable(),
  reason: z.string(),
  until: isoDateSchema.nullable(),
  assignee: z.string().nullable(),
  /** The assignee's user id (absent on records from before ids). */
  assigneeId: z.string().max(100).nullable().optional(),
  at: z.string(),
  steward: z.string(),
  /** The user id beside the name (absent on records from before ids). */
  stewardId: z.string().max(100).optional(),
  /** The follow-up (and grievance) this completion closed, so undo can reopen them. */
  closedFollowUpId: z.string().nullable(),
  closedGrievanceId: z.string().nullable(),
  /** A 限期缴费通知书 issued: the deadline it gave (absent on other actions and older records). */
  deadline: isoDateSchema.nullable().optional(),
});
export type QueueAction = z.infer<typeof queueActionSchema>;

export const undoQueueActionInput = z.object({ householdId, actionId: idSchema }).strict();

/** A text message sent outside the app (短信 / 微信), logged as a contact; entryKey marks its queue entry done. */
export const logMessageInput = z
  .object({ householdId, channel: z.enum(['短信', '微信']), text: z.string().trim().min(1, '消息内容不能为空').max(500), entryKey: z.string().min(1).max(120).nullable() })
  .strict();

export interface QueueRow {
  householdId: string;
  community: string;
  roomLabel: string;
  ownerName: string;
  owedFen: number;
  monthsOverdue: number;
  kind: QueueKind;
  reason: string;
  /** Other reasons the household is on the list. */
  moreReasons: string[];
  priority: number;
  /** The shown entry's key, for completing it. */
  entryKey: string;
  /** Who works this household: a steward's name, or null for the team pool. */
  owner: string | null;
  /** That steward's user id, when known. */
  ownerId: string | null;
  /** Team mode: another steward on a call with this household right now (正在由 … 通话); absent or null otherwise. */
  claimedBy?: string | null;
  /** A callback's agreed time of day. */
  dueTime: string | null;
  /** The shown entry's follow-up (a 维修回访, 投诉答复 or 回电), for a revisit call; null for other kinds. */
  followUpId: string | null;
  /** Whether a collection call may start now (callStartProblems); if not, why. */
  callable: boolean;
  notCallableBecause: string[];
}

/** A day's whole list, most urgent first (what the backend keeps). */
export interface DayQueue {
  date: string;
  rows: QueueRow[];
}

/** What 今日跟进 shows: counts per kind under the community and owner filters, and one page of rows. */
export interface TodayQueue {
  date: string;
  /** Per kind, among the rows the community and owner filters leave (the kind filter aside). */
  counts: Record<QueueKind, number>;
  /** Rows matching every filter. */
  total: number;
  offset: number;
  rows: QueueRow[];
  /** Communities on the day's whole list, for the filter. */
  communities: string[];
  /** Repair revisits that fell due in the day's month: on time (within the 规程's days of completion), late, not done. */
  revisits: { month: string; due: number; onTime: number; late: number; missing: number };
}
