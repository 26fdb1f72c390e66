/** Contract types and input schemas for the ledger: households, the arrears record, import, payments. */
import { z } from 'zod';
import { amountFenSchema, idSchema, isoDateSchema } from './formats';
import { importFieldIds, type ImportFieldId } from '../../domain/import/fields';
import type { MergeStats } from '../../domain/import/merge';
import type { RowError } from '../../domain/import/rows';
import type { ArrearsItem, ArrearsSummary, Household, Payment } from '../../domain/ledger';
import { callOverrideSchema, ownerTypeSchema, type FollowUp, type GrievanceRecord, type ownerTypeGuessSchema, type PromiseRecord } from './calls';
import { callPurposes } from '../../domain/follow-up-rules';
import type { QueueAction } from './follow-ups';

// ── households ─────────────────────────────────────────────────────────────

export const householdSorts = ['owed', 'months', 'lastContact', 'room'] as const;

export const householdListInput = z
  .object({
    community: z.string().max(100).optional(),
    building: z.string().max(100).optional(),
    ageing: z.enum(['1-3', '4-6', '7-12', '12+']).optional(),
    kind: z.enum(['住宅', '商铺']).optional(),
    /** Only households that owe something (default). */
    owingOnly: z.boolean().default(true),
    sort: z.enum(householdSorts).default('owed'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict();
export type HouseholdListInput = z.input<typeof householdListInput>;

export interface HouseholdRow {
  id: string;
  community: string;
  roomLabel: string;
  kind: Household['kind'];
  custody: boolean;
  occupied: boolean | null;
  ownerName: string;
  phoneMasked: string | null;
  owedFen: number;
  lateFeeFen: number;
  monthsOverdue: number;
  earliestUnpaid: string | null;
  lastContactAt: string | null;
}

export interface HouseholdList {
  total: number;
  totalOwedFen: number;
  rows: HouseholdRow[];
}

export interface CommunityFacet {
  name: string;
  buildings: string[];
  households: number;
  owingHouseholds: number;
  owedFen: number;
}

export interface HouseholdFacets {
  communities: CommunityFacet[];
  households: number;
  owingHouseholds: number;
  owedFen: number;
}

export const householdSearchInput = z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(12) }).strict();

export interface HouseholdHit {
  id: string;
  community: string;
  roomLabel: string;
  ownerName: string;
  owedFen: number;
  monthsOverdue: number;
  matched: 'room' | 'name' | 'pinyin' | 'initials' | 'phone' | 'community';
  /** Set when a phone matched: the masked number. */
  phoneMasked: string | null;
}

export const householdIdInput = z.object({ id: idSchema }).strict();

export const phoneAccessSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  at: z.string(),
  action: z.enum(['reveal', 'dial']),
  phoneMasked: z.string(),
  steward: z.string(),
  /** The user id beside the name (local mode: the desk's user; absent on records from before ids). */
  stewardId: z.string().max(100).optional(),
});
export type PhoneAccess = z.infer<typeof phoneAccessSchema>;

export const contactChannels = ['电话', '短信', '微信', '上门', '书面通知', 'EMS'] as const;

/** One reminder attempt (催缴记录): legal evidence that the reminder reached the owner. */
export const contactRecordSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  at: z.string(),
  channel: z.enum(contactChannels),
  steward: z.string(),
  /** The user id beside the name (local mode: the desk's user; absent on records from before ids). */
  stewardId: z.string().max(100).optional(),
  /** The outcome as it reads (a call's label, 已发提醒 for a message), kept for people reading the log. */
  outcome: z.string(),
  /** A call's outcome id (state-machines/call-outcomes), what the rules read; null or absent for other contacts. */
  outcomeId: z.string().max(40).nullable().optional(),
  notes: z.string(),
  /** Calls: when the call ended (`at` is when calls.start began it), both by the backend's clock. */
  endedAt: z.string().optional(),
  refusalReason: z.string().nullable().optional(),
  /** Calls since calls.start (absent on older records): why the call was made, and the follow-up a revisit was for. */
  purpose: z.enum(callPurposes).optional(),
  followUpId: z.string().nullable().optional(),
  /** Started against the call rules: the steward's reason and the rules it overrode; null when none were. */
  override: callOverrideSchema.nullable().optional(),
  /** The owner type the call ended with, and the objection the owner raised (an objection id). */
  ownerType: ownerTypeSchema.nullable().optional(),
  objection: z.string().max(40).nullable().optional(),
});
export type ContactRecord = z.infer<typeof contactRecordSchema>;

export interface HouseholdRecord {
  household: Omit<Household, 'phones'> & { phones: { index: number; masked: string }[] };
  /** The share of the full fee this household is billed, in percent: 100, or the 托管 share. */
  billedPercent: number;
  summary: ArrearsSummary;
  items: ArrearsItem[];
  payments: Payment[];
  contacts: ContactRecord[];
  phoneAccess: PhoneAccess[];
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  /** What stewards did with this household's follow-ups (done, snoozed, handed over), newest first. */
  queueActions: QueueAction[];
  /** Set while collection calls to this household are paused (an open repair revisit). */
  collectionPause: { until: string | null; reason: string } | null;
  /** The owner type a call starts with, and why: the last call's, or what the history says (ownerTypeFor). */
  ownerType: z.infer<typeof ownerTypeGuessSchema>;
  /** The same owner's other units (same name and a shared phone). */
  otherUnits: { id: string; community: string; roomLabel: string; owedFen: number }[];
}

export const revealPhoneInput = z
  .object({ id: idSchema, phoneIndex: z.number().int().min(0).max(50), purpose: z.enum(['reveal', 'dial']) })
  .strict();

export const paymentChannels = ['转账', '微信', '支付宝', '前台', '上门收取', '其他'] as const;

export const recordPaymentInput = z
  .object({
    householdId: idSchema,
    amountFen: amountFenSchema,
    paidOn: isoDateSchema,
    channel: z.enum(paymentChannels),
    note: z.string().max(200).default(''),
  })
  .strict();

// ── import ─────────────────────────────────────────────────────────────────

/** A mapping by header text: field → the header of the column that holds it. */
export const headerMappingSchema = z.partialRecord(z.enum(importFieldIds), z.string().max(100));
export type HeaderMapping = Partial<Record<ImportFieldId, string>>;

/** The largest ledger file an import takes (bytes): a whole city's billing export is well under it. */
export const IMPORT_MAX_FILE_BYTES = 150 * 1024 * 1024;
/** Raw bytes per upload chunk (sent as base64, so about 5.6 MB of request body). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** Characters of base64 for `bytes` raw bytes. */
export const base64LengthOf = (bytes: number): number => Math.ceil(bytes / 3) * 4;
/** Browser mode's body limit for one chunk: the base64 plus room for the rest of the JSON. */
export const UPLOAD_CHUNK_BODY_BYTES = base64LengthOf(UPLOAD_CHUNK_BYTES) + 64 * 1024;

export const uploadStartInput = z
  .object({
    fileName: z.string().min(1).max(255),
    /** Declared up front: the backend allocates the file's buffer once, from this (bounded) size. */
    sizeBytes: z.number().int().min(1, '文件是空的'),
  })
  .strict();

export const uploadIdInput = z.object({ uploadId: z.string().min(1).max(64) }).strict();

export const uploadChunkInput = z
  .object({
    uploadId: z.string().min(1).max(64),
    /** Must equal the bytes received so far: a repeated or out-of-order chunk is refused. */
    offset: z.number().int().min(0),
    contentBase64: z
      .string()
      .min(1, '分块是空的')
      .max(base64LengthOf(UPLOAD_CHUNK_BYTES), '分块太大')
      // A plain character class: a grouped pattern overflows the regex stack on megabytes of input.
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '分块不是有效的 base64')
      .refine((text) => text.length % 4 === 0, '分块不是有效的 base64'),
  })
  .strict();

export interface UploadStarted {
  uploadId: string;
  /** Raw bytes per chunk (the last may be shorter). */
  chunkBytes: number;
}

export interface UploadProgress {
  received: number;
  sizeBytes: number;
  complete: boolean;
}

export const previewImportInput = z
  .object({
    /** A complete upload (ledger.uploadStart / uploadChunk); the preview consumes it. */
    uploadId: z.string().min(1).max(64),
    /** Overrides what was recognised. */
    mapping: headerMappingSchema.optional(),
    /** Apply a saved mapping. */
    mappingName: z.string().max(40).optional(),
    defaultCommunity: z.string().trim().min(1, '请填写小区名称').max(40),
    scope: z.enum(['community', 'household']).default('community'),
  })
  .strict();

export const jobIdInput = z.object({ jobId: z.string().min(1).max(64) }).strict();

export const commitImportInput = z.object({ jobId: z.string().min(1).max(64), skipErrorRows: z.boolean().default(false) }).strict();

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: HeaderMapping;
  missing: string[];
  notes: string[];
  /**
   * The community a title row above the header names ("翠湖天地 业主欠费台账…"), when the file has no 小区
   * column; the dialog proposes it instead of the file name. Null when there is no such title.
   */
  suggestedCommunity: string | null;
  rows: number;
  skipped: { blank: number; totals: number; repeatedHeaders: number; duplicates: number };
  errorCount: number;
  /** The first 500 errors. */
  errors: (RowError & { sheet: string })[];
  households: number;
  items: number;
  owedFen: number;
  merge: MergeStats;
  sample: { row: number; community: string; roomLabel: string; ownerName: string; feeType: string; period: string; dueFen: number; paidFen: number }[];
}

export type ImportJobStatus =
  | { state: 'running'; phase: string; done: number; total: number }
  | { state: 'ready'; preview: ImportPreview }
  | { state: 'failed'; message: string };

const count = z.number().int();

export const importStatsSchema = z.object({
  householdsInFile: count,
  itemsInFile: count,
  owedInFileFen: count,
  newHouseholds: count,
  updatedHouseholds: count,
  newItems: count,
  changedItems: count,
  unchangedItems: count,
  settledItems: count,
  payments: count,
  paymentsFen: count,
}) satisfies z.ZodType<MergeStats>;

/** One entry of the import history (also the demo load). */
export const importEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['import', 'demo']),
  fileName: z.string(),
  skippedErrorRows: count,
  stats: importStatsSchema,
  undone: z.boolean(),
});
export type ImportEntry = z.infer<typeof importEntrySchema>;

export interface ImportHistory {
  entries: ImportEntry[];
  undoableId: string | null;
}

export const importIdInput = z.object({ importId: idSchema }).strict();

/** 欠费明细 for export (the CLI's `export arrears`), optionally one community's. */
export const exportArrearsInput = z.object({ community: z.string().trim().min(1).max(40).optional() }).strict();

export interface ArrearsExport {
  headers: string[];
  /** One row per unpaid item, text as it is; phones masked. */
  rows: string[][];
}

/** The most demo households one call generates. */
export const DEMO_HOUSEHOLDS_MAX = 500_000;

/** Generated demo households, into an empty ledger only. */
export const seedDemoInput = z
  .object({
    households: z.number().int().min(1, '至少 1 户').max(DEMO_HOUSEHOLDS_MAX, `最多 ${DEMO_HOUSEHOLDS_MAX} 户`),
    seed: z.number().int().min(0).max(2 ** 31).optional(),
  })
  .strict();

export interface SavedMapping {
  name: string;
  fields: HeaderMapping;
  savedAt: string;
}

export const saveMappingInput = z.object({ name: z.string().trim().min(1, '请填写名称').max(40), fields: headerMappingSchema }).strict();
export const mappingNameInput = z.object({ name: z.string().min(1).max(40) }).strict();
