/**
 * The storage seam. Handlers and the backend's services see only these ports; a storage (today the JSON files of
 * one data folder, `json-storage/`) implements them. The rules every implementation keeps:
 * - a write resolves only once it is durable, and a failed write changes nothing;
 * - every check of a write (versions, "already done", amounts) runs inside it, against the data as it is then, so two
 *   requests racing each other cannot both pass (the `write…` functions of contacts/contact-records.ts and the change
 *   callbacks below are run inside the write);
 * - reads are synchronous views of data kept current by the store's own writes, and each store's change feed says
 *   which households changed, so caches (search, lists, the queue) refresh only those.
 * The storage contract suite (tests/integration/storage-contract.test.ts) holds any implementation to these.
 */
import type { ApiError, CallDraft, CallStart, ContactRecord, DataFileHealth, FollowUp, GrievanceRecord, ImportEntry, PhoneAccess, QueueAction, SavedMapping, Settings } from '../contract';
import type { MergePlan } from '../../domain/import/merge';
import type { ArrearsItem, ArrearsSummary, Household, Payment } from '../../domain/ledger';
import type { TeamSettings } from '../../domain/follow-up-rules';
import type { ClaimHolder } from '../../domain/claims';
import type { UserRecord } from '../../domain/roles';
import type { ScriptLibrary } from '../../scripts-library/schema';
import type { CallWrite, HouseholdContacts, RepairDone } from './contacts/contact-records';

/** Which households a store changed, by revision. */
export interface ChangeFeed {
  readonly revision: number;
  /** Households changed after `revision`; null when the feed no longer reaches back that far (rebuild everything). */
  since(revision: number): Set<string> | null;
}

/** What can be wrong with a store: nothing readable at all (`error`), or parts of it (`problems`). */
export interface StoreHealth {
  readonly error: ApiError | undefined;
  readonly problems: ApiError[];
  health(): Promise<DataFileHealth>;
}

/** A household change computed inside the write from the household's current items: the new items and added payments. */
export type HouseholdChange = (items: readonly ArrearsItem[]) => { items: ArrearsItem[]; payments: Payment[] };

/** An import computed inside the write, against the ledger as it is then. */
export type ImportChange = () => { plan: MergePlan; entry: Omit<ImportEntry, 'undone'> };

/** The arrears ledger: households, their items and payments, and the import history with the last import's undo. */
export interface LedgerRepository extends StoreHealth {
  readonly changes: ChangeFeed;
  /** Why a household cannot be shown (its part of the ledger could not be read). */
  unavailable(id: string): ApiError | undefined;
  readonly householdCount: number;
  allHouseholds(): IterableIterator<Household>;
  household(id: string): Household | undefined;
  /** One shared empty list for a household without items, so callers can tell "unchanged" by identity. */
  itemsOf(id: string): readonly ArrearsItem[];
  paymentsOf(id: string): readonly Payment[];
  summaryOf(id: string): ArrearsSummary | undefined;
  householdIdsIn(community: string): Iterable<string>;
  communityNames(): string[];
  imports(): ImportEntry[];
  /** The import that can still be undone: the last change to the ledger, or null. */
  undoableImportId(): string | null;
  /** Applies an import all-or-nothing and records it for undo. */
  applyImport(change: ImportChange): Promise<ImportEntry>;
  /** Changes one household's items and adds payments (a payment by hand); ends the last import's undo. */
  applyHouseholdChange(householdId: string, change: HouseholdChange): Promise<void>;
  /** Undoes the last import, if it is still the last change (STORAGE_INVALID otherwise). */
  undoImport(importId: string): Promise<void>;
}

/** The contact log (催缴记录, evidence in court) with the calls' promises, grievances and follow-ups, and phone access. */
export interface ContactLog extends StoreHealth {
  readonly changes: ChangeFeed;
  /** One household's records, contacts newest first. */
  of(householdId: string): HouseholdContacts;
  byHousehold(): ReadonlyMap<string, HouseholdContacts>;
  phoneAccessOf(householdId: string): PhoneAccess[];
  saveCall(write: CallWrite): Promise<void>;
  addContact(contact: ContactRecord, completes?: QueueAction): Promise<void>;
  addQueueAction(action: QueueAction, doneAt: string): Promise<void>;
  recordRepairDone(
    householdId: string,
    grievanceId: string,
    done: RepairDone,
    check: (repair: GrievanceRecord) => { revisitOn: string },
  ): Promise<{ grievance: GrievanceRecord; followUp: FollowUp | null }>;
  removeQueueAction(householdId: string, actionId: string): Promise<void>;
  addPhoneAccess(entry: PhoneAccess): Promise<void>;
}

/** One document (team settings, the script library, saved mappings, the desk's settings). */
export interface Doc<T> {
  readonly error: ApiError | undefined;
  read(): Readonly<T>;
  /** Runs `recipe` on a draft of the document as it is inside the write, and resolves with the saved document. */
  update(recipe: (draft: T) => void): Promise<T>;
}

/** A user's call in progress: the machine's draft and the started call (either may be there without the other). */
export interface CallSlot {
  draft: CallDraft | null;
  started: CallStart | null;
}

/** Calls in progress, one slot per user. */
export interface CallDrafts {
  readonly error: ApiError | undefined;
  read(userId: string): CallSlot;
  update(userId: string, recipe: (slot: CallSlot) => void): Promise<CallSlot>;
}

/** Who is on a call with which household (domain/claims.ts). */
export interface Claims {
  /** Claims a household for `user`, or renews their claim; the holder when someone else holds it. */
  claim(householdId: string, user: { id: string; name: string }, seconds: number): Promise<{ claimed: true } | { claimed: false; holder: ClaimHolder }>;
  /** Claims the first of `householdIds` (in order) that nobody else holds, atomically; null when every one is held. */
  claimFirst(householdIds: readonly string[], user: { id: string; name: string }, seconds: number): Promise<string | null>;
  /** Ends `userId`'s claim on a household (nothing if it is not theirs). */
  release(householdId: string, userId: string): Promise<void>;
  /** Who holds a household, as this server last heard (expired claims included: check claimHolds). */
  holderOf(householdId: string): ClaimHolder | null;
}

/** The team's accounts; empty in local mode (the desk's one user holds every role). */
export interface UserDirectory {
  list(): readonly UserRecord[];
}

export interface Storage {
  /** Where the data is, for 关于 and the logs (a folder, or a server). */
  readonly location: string;
  /** Never held any data: demo data may be seeded (a lost ledger is reported, never seeded over). */
  readonly isNew: boolean;
  readonly ledger: LedgerRepository;
  readonly contacts: ContactLog;
  readonly teamSettings: Doc<TeamSettings>;
  readonly scripts: Doc<ScriptLibrary>;
  readonly mappings: Doc<{ mappings: SavedMapping[] }>;
  /** This desk's own settings (its steward's name, …). */
  readonly settings: Doc<Settings>;
  readonly drafts: CallDrafts;
  readonly claims: Claims;
  readonly users: UserDirectory;
  /** Everything that could not be read when the storage opened. */
  readonly problems: ApiError[];
  /** Every store's health, for 关于 and `doctor`. */
  health(): Promise<DataFileHealth[]>;
  /** What the storage held that is gone (a file of the data folder), reported and never recreated with defaults. */
  missingFiles(): Promise<string[]>;
  /** A person confirmed a missing part is gone for good: it starts from its defaults on the next open. */
  forgetMissingFile(name: string): Promise<boolean>;
  close(): void;
}
