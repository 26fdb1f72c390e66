/**
 * The one contract between the renderer and the backend: method name → zod input schema → output type.
 * The preload exposes one function per method, the web server exposes `POST /api/<method>`, the
 * backend's handler map must implement exactly these, and the renderer's client is typed from here.
 * Pure: imports nothing from Node or the DOM.
 */
import { z } from 'zod';
import './zod-locale';
import type { Envelope } from './errors';
import {
  commitImportInput,
  householdIdInput,
  householdListInput,
  householdSearchInput,
  exportArrearsInput,
  importIdInput,
  seedDemoInput,
  type ArrearsExport,
  jobIdInput,
  mappingNameInput,
  previewImportInput,
  UPLOAD_CHUNK_BODY_BYTES,
  uploadChunkInput,
  uploadIdInput,
  uploadStartInput,
  recordPaymentInput,
  revealPhoneInput,
  saveMappingInput,
  type HouseholdFacets,
  type HouseholdHit,
  type HouseholdList,
  type HouseholdRecord,
  type ImportEntry,
  type ImportHistory,
  type ImportJobStatus,
  type SavedMapping,
  type UploadProgress,
  type UploadStarted,
} from './ledger';
import { checkCallInput, repairDoneInput, saveCallDraftInput, saveCallInput, startCallInput, type CallDraft, type CallStart, type ContactRecordOut, type FollowUp, type GrievanceRecord } from './calls';
import { logMessageInput, nextHouseholdInput, queueActInput, teamSettingsInput, todayQueueInput, undoQueueActionInput, type Assignees, type QueueAction, type QueueRow, type TodayQueue } from './follow-ups';
import type { TeamSettings } from '../../domain/follow-up-rules';
import { ADMINS, ANYONE, BOOKKEEPERS, CALLERS, LEADS, type Access } from '../../domain/roles';
import {
  archiveScriptInput,
  importScriptsInput,
  restoreScriptInput,
  saveScriptInput,
  scriptIdInput,
  SCRIPTS_IMPORT_MAX_CHARS,
  type ScriptEntry,
  type ScriptSaved,
  type ScriptsImportResult,
} from './scripts';
import { settingsPatchSchema, type Settings } from './settings';
import { forgetMissingFileInput, type AppStatus } from './status';

export * from './errors';
export * from './calls';
export * from './follow-ups';
export * from './ledger';
export * from './scripts';
export * from './settings';
export * from './status';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Who may call it; anyone else gets FORBIDDEN (checked by dispatch). */
  readonly access: Access;
  /** Browser mode reads at most this many bytes of request body for the method (DEFAULT_MAX_BODY_BYTES if absent). */
  readonly maxBodyBytes?: number;
  /**
   * The input field naming the one household the method reads or writes: dispatch refuses it, as
   * not found, to an actor whose communities do not include the household's.
   */
  readonly household?: string;
  /** Phantom: carries the output type only (boxed, so a nullable output survives NonNullable). */
  readonly output?: { type: O };
}

/** `method<Output>()(inputSchema, access)`: the output type is given, the input type is inferred. */
function method<O>() {
  return <I extends z.ZodType>(input: I, access: Access, options: { maxBodyBytes?: number; household?: string } = {}): MethodSpec<I, O> => ({ input, access, ...options });
}

/** The body limit of every method that does not set its own: far above any valid input. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const noInput = z.object({}).strict();

export const contract = {
  'app.status': method<AppStatus>()(noInput, ANYONE),
  'settings.get': method<Settings>()(noInput, ANYONE),
  'settings.update': method<Settings>()(settingsPatchSchema, ANYONE),

  'households.facets': method<HouseholdFacets>()(noInput, ANYONE),
  'households.list': method<HouseholdList>()(householdListInput, ANYONE),
  'households.search': method<{ hits: HouseholdHit[] }>()(householdSearchInput, ANYONE),
  'households.get': method<HouseholdRecord>()(householdIdInput, ANYONE, { household: 'id' }),
  /** Shows one whole phone number; every call is logged on the household's record. */
  'households.revealPhone': method<{ phone: string }>()(revealPhoneInput, CALLERS, { household: 'id' }),
  'payments.record': method<HouseholdRecord>()(recordPaymentInput, BOOKKEEPERS, { household: 'householdId' }),

  /** A ledger file is sent in chunks (the same over IPC and HTTP): start, chunks in order, then previewImport. */
  'ledger.uploadStart': method<UploadStarted>()(uploadStartInput, LEADS),
  'ledger.uploadChunk': method<UploadProgress>()(uploadChunkInput, LEADS, { maxBodyBytes: UPLOAD_CHUNK_BODY_BYTES }),
  'ledger.cancelUpload': method<{ cancelled: boolean }>()(uploadIdInput, LEADS),
  /** Analyses a complete upload (which is then gone); poll importStatus. */
  'ledger.previewImport': method<{ jobId: string }>()(previewImportInput, LEADS),
  'ledger.importStatus': method<ImportJobStatus>()(jobIdInput, LEADS),
  'ledger.commitImport': method<ImportEntry>()(commitImportInput, LEADS),
  'ledger.cancelImport': method<{ cancelled: boolean }>()(jobIdInput, LEADS),
  'ledger.imports': method<ImportHistory>()(noInput, ANYONE),
  'ledger.undoImport': method<ImportHistory>()(importIdInput, LEADS),
  /** 欠费明细, every unpaid item as text (phones masked), for a spreadsheet. */
  'ledger.exportArrears': method<ArrearsExport>()(exportArrearsInput, LEADS),
  /** Generated demo households into an empty ledger (CONFLICT otherwise); undone like an import. */
  'ledger.seedDemo': method<ImportEntry>()(seedDemoInput, ADMINS),
  /** Confirms a data file that went missing is gone for good (NOT_FOUND for a file that is not missing). */
  'storage.forgetMissingFile': method<{ forgotten: string }>()(forgetMissingFileInput, ADMINS),

  'mappings.list': method<{ mappings: SavedMapping[] }>()(noInput, ANYONE),
  'mappings.save': method<{ mappings: SavedMapping[] }>()(saveMappingInput, LEADS),
  'mappings.delete': method<{ mappings: SavedMapping[] }>()(mappingNameInput, LEADS),

  'scripts.list': method<{ entries: ScriptEntry[] }>()(noInput, ANYONE),
  /** Lint errors are refused (VALIDATION); warnings need confirmWarnings (NEEDS_CONFIRMATION). */
  'scripts.save': method<ScriptSaved>()(saveScriptInput, LEADS),
  'scripts.duplicate': method<ScriptSaved>()(scriptIdInput, LEADS),
  'scripts.archive': method<ScriptSaved>()(archiveScriptInput, LEADS),
  'scripts.restore': method<ScriptSaved>()(restoreScriptInput, LEADS),
  'scripts.export': method<{ fileName: string; content: string }>()(noInput, ANYONE),
  /** With apply: false, only the report of what would happen. */
  // In the JSON body a Chinese character takes 3 bytes, an escaped quote or newline 2: room for the whole content.
  'scripts.import': method<ScriptsImportResult>()(importScriptsInput, LEADS, { maxBodyBytes: 3 * SCRIPTS_IMPORT_MAX_CHARS + DEFAULT_MAX_BODY_BYTES }),

  /**
   * The start of a call, judged by the backend's clock and records: outside the call windows, over the caps, during
   * the collection pause, a dispute or a pending promise it is refused (CONFLICT, one issue per reason) unless an
   * override gives a reason. One started call at a time (kept across a restart); again for its household: the same.
   */
  'calls.start': method<CallStart>()(startCallInput, CALLERS, { household: 'householdId' }),
  /** Why a call should not start now (the same rules as calls.start), without starting it. */
  'calls.check': method<{ problems: string[] }>()(checkCallInput, CALLERS, { household: 'householdId' }),
  /** The end of a started call: one contact record with its promises, grievances and follow-ups, in one durable write. */
  'calls.save': method<ContactRecordOut>()(saveCallInput, CALLERS, { household: 'householdId' }),
  /** The call in progress, so a crash or restart can resume it. */
  'calls.saveDraft': method<{ saved: true }>()(saveCallDraftInput, CALLERS, { household: 'householdId' }),
  /** The call in progress: the machine's draft and the started call (either may be there without the other). */
  'calls.draft': method<{ draft: CallDraft | null; started: CallStart | null }>()(noInput, CALLERS),
  /** 放弃: gives up the call in progress (its draft and its start). */
  'calls.clearDraft': method<{ cleared: true }>()(noInput, CALLERS),

  /** 今日跟进: who to contact on a day (today by default) and why. */
  'followups.today': method<TodayQueue>()(todayQueueInput, ANYONE),
  /**
   * 下一户: claims the next callable household of today's list (under the filters) that no other steward is on,
   * atomically — under any race one household goes to one steward — and answers its row (null: none left).
   */
  'followups.next': method<{ row: QueueRow | null }>()(nextHouseholdInput, CALLERS),
  /** Complete one entry, snooze or reassign a household, with a reason. */
  'followups.act': method<{ action: QueueAction }>()(queueActInput, CALLERS, { household: 'householdId' }),
  'followups.undo': method<{ undone: true }>()(undoQueueActionInput, CALLERS, { household: 'householdId' }),
  /** Whom the acting steward may hand a household to: themselves first, then the team's roster. */
  'followups.assignees': method<Assignees>()(noInput, CALLERS),
  /** 维修已完成: when a repair (and a leak's test) was done; its open revisit moves to the 规程's day after it. */
  'grievances.repairDone': method<{ grievance: GrievanceRecord; followUp: FollowUp | null }>()(repairDoneInput, CALLERS, { household: 'householdId' }),
  /** A reminder sent as 短信 / 微信 outside the app: logged on the contact record. */
  'contacts.logMessage': method<{ contactId: string }>()(logMessageInput, CALLERS, { household: 'householdId' }),
  'teamSettings.get': method<TeamSettings>()(noInput, ANYONE),
  /** A roster entry without an id is someone new: the backend gives them one. */
  'teamSettings.update': method<TeamSettings>()(teamSettingsInput, LEADS),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes. */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation. */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = NonNullable<Contract[M]['output']>['type'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** How much request body browser mode reads for a method name (known or not) before answering TOO_LARGE. */
export function maxBodyBytesOf(name: string): number {
  const spec: { maxBodyBytes?: number } | undefined = isMethodName(name) ? contract[name] : undefined;
  return spec?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

/** The typed client surface: one function per method, resolving to the output or rejecting with ApiError. */
export type Api = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/** What the Electron preload exposes: the same functions, returning envelopes (errors do not cross IPC intact). */
export type BridgeApi = {
  [M in MethodName]: (input: InputOf<M>) => Promise<Envelope<OutputOf<M>>>;
};

/** HTTP path of a method in browser mode. */
export const httpPathOf = (name: MethodName): string => `/api/${name}`;
/** IPC channel of a method in the desktop app. */
export const ipcChannelOf = (name: MethodName): string => `api:${name}`;
/** Header that carries the per-launch token in browser mode. */
export const TOKEN_HEADER = 'x-call-coach-token';
