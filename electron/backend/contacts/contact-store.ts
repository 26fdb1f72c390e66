/**
 * The contact log (催缴记录: legal evidence that reminders reached the owner) and the log of phone-number
 * access. Sharded by household like the ledger, so one entry rewrites a small file durably.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  ApiError,
  contactRecordSchema,
  followUpSchema,
  grievanceRecordSchema,
  phoneAccessSchema,
  promiseRecordSchema,
  queueActionSchema,
  type ContactRecord,
  type DataFileHealth,
  type FollowUp,
  type GrievanceRecord,
  type PhoneAccess,
  type PromiseRecord,
  type QueueAction,
} from '../../contract';
import { digestQueueActions, type QueueHandling } from '../../../domain/follow-up-rules';
import { reachedSomeone } from '../../../state-machines/call-outcomes';
import { DataFile, type DataFileSpec } from '../storage/data-file';
import type { FileRegistry } from '../storage/file-registry';
import { shardOf, SHARD_COUNT } from '../ledger/ledger-store';
import { ChangeLog } from '../change-log';

export const CONTACTS_DIR = 'contacts';

const shardSchema = z.object({
  contacts: z.array(contactRecordSchema),
  phoneAccess: z.array(phoneAccessSchema),
  promises: z.array(promiseRecordSchema),
  grievances: z.array(grievanceRecordSchema),
  followUps: z.array(followUpSchema),
  queueActions: z.array(queueActionSchema),
});
type ContactShard = z.infer<typeof shardSchema>;

const SCHEMA_VERSION = 3;

const specFor = (index: number): DataFileSpec<ContactShard> => ({
  id: `contacts-${index}`,
  label: '催缴记录',
  fileName: `shard-${String(index).padStart(3, '0')}.json`,
  version: SCHEMA_VERSION,
  schema: shardSchema,
  defaults: () => ({ contacts: [], phoneAccess: [], promises: [], grievances: [], followUps: [], queueActions: [] }),
  migrations: {
    // v2: a call also records its promises, grievances and follow-ups beside the contact.
    1: (data) => ({ ...(data as object), promises: [], grievances: [], followUps: [] }),
    // v3: what stewards did with the follow-up queue (done, snoozed, reassigned).
    2: (data) => ({ ...(data as object), queueActions: [] }),
  },
});


/** What a revisit call found: solved (the follow-up and its grievance close) or not (the revisit moves to `nextDue`). */
export interface RevisitWrite {
  followUpId: string;
  fixed: boolean;
  at: string;
  nextDue: string;
}

/** Everything one call writes, in one shard, in one durable write. */
export interface CallWrite {
  contact: ContactRecord;
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  revisit?: RevisitWrite;
}

/**
 * A revisit call's answer, against the shard being written: solved closes the follow-up and the repair or complaint
 * behind it (a repair's collection pause lifts); not solved keeps both open and moves the revisit to a new day.
 */
function applyRevisit(draft: ContactShard, revisit: RevisitWrite): void {
  const followUp = draft.followUps.find((entry) => entry.id === revisit.followUpId);
  if (!followUp || followUp.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条回访已经完成了（可能在另一个窗口），通话没有保存，请刷新后再记录。' });
  if (revisit.fixed) {
    Object.assign(followUp, { status: 'done', doneReason: '回访：问题已解决', doneAt: revisit.at });
    const grievance = draft.grievances.find((entry) => entry.id === followUp.sourceId);
    if (grievance) grievance.status = 'done';
  } else {
    followUp.dueDate = revisit.nextDue;
  }
}

export interface HouseholdContacts {
  contacts: ContactRecord[];
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  queueActions: QueueAction[];
  /** The standing effect of the queue actions. */
  handling: QueueHandling;
  /** Days of every contact (Asia/Shanghai), sorted. */
  contactDays: string[];
  /** Days of phone calls that reached the owner or someone for them, sorted (the EMS demand counts from the first). */
  reachedPhoneDays: string[];
  /** Timestamp of the latest contact, for lists sorted by last contact. */
  lastContactAt: string | null;
}

type Records = Pick<HouseholdContacts, 'contacts' | 'promises' | 'grievances' | 'followUps' | 'queueActions'>;

const noRecords = (): Records => ({ contacts: [], promises: [], grievances: [], followUps: [], queueActions: [] });

/** One household's view: contacts newest first, plus the derived days and queue handling. */
function viewOf(records: Records): HouseholdContacts {
  const contactDays = records.contacts.map((contact) => contact.at.slice(0, 10)).sort();
  const reachedPhoneDays = records.contacts
    .filter((contact) => contact.channel === '电话' && reachedSomeone(contact.outcome))
    .map((contact) => contact.at.slice(0, 10))
    .sort();
  const contacts = [...records.contacts].sort((a, b) => b.at.localeCompare(a.at));
  return { ...records, contacts, handling: digestQueueActions(records.queueActions), contactDays, reachedPhoneDays, lastContactAt: contacts[0]?.at ?? null };
}

const noContacts: HouseholdContacts = Object.freeze(viewOf(noRecords()));

/**
 * Adds a queue action to a shard being written, closing what it completes. The checks run against that same
 * data, so two requests racing to complete one entry cannot both pass.
 */
function applyQueueAction(draft: ContactShard, action: QueueAction, doneAt: string): void {
  if (action.action === 'complete' && draft.queueActions.some((entry) => entry.householdId === action.householdId && entry.action === 'complete' && entry.entryKey === action.entryKey)) {
    throw new ApiError({ code: 'CONFLICT', message: '这一项已经标记完成了。' });
  }
  const followUp = draft.followUps.find((entry) => entry.id === action.closedFollowUpId);
  if (action.closedFollowUpId && followUp?.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条跟进已经完成了。' });
  draft.queueActions.push(action);
  if (followUp) Object.assign(followUp, { status: 'done', doneReason: action.reason, doneAt });
  const grievance = draft.grievances.find((entry) => entry.id === action.closedGrievanceId);
  if (grievance) grievance.status = 'done';
}

/** The arrays of a shard's data that hold per-household records. */
const recordLists = ['contacts', 'promises', 'grievances', 'followUps', 'queueActions'] as const;

export class ContactStore {
  /**
   * Everything recorded, grouped by household: built once, then kept current one household at a time, so a
   * write does not regroup 500,000 records. A household's view is replaced (never mutated) when it changes,
   * so callers may cache by identity.
   */
  private grouped: Map<string, HouseholdContacts> | null = null;
  /** Households whose records changed, by revision. */
  readonly changes = new ChangeLog();

  private constructor(private readonly shards: DataFile<ContactShard>[]) {}

  /** One household's records (contacts newest first); empty arrays when there are none. */
  of(householdId: string): HouseholdContacts {
    return this.byHousehold().get(householdId) ?? noContacts;
  }

  byHousehold(): ReadonlyMap<string, HouseholdContacts> {
    if (this.grouped) return this.grouped;
    const records = new Map<string, Records>();
    for (const shard of this.shards) {
      if (shard.error) continue;
      const data = shard.read();
      for (const list of recordLists) {
        for (const record of data[list]) {
          let found = records.get(record.householdId);
          if (!found) records.set(record.householdId, (found = noRecords()));
          (found[list] as { householdId: string }[]).push(record);
        }
      }
    }
    this.grouped = new Map([...records].map(([id, found]) => [id, viewOf(found)]));
    return this.grouped;
  }

  /** After a write: rebuild that one household's view from its shard. */
  private refresh(householdId: string): void {
    this.changes.touch(householdId);
    this.changes.commit();
    if (!this.grouped) return;
    const data = this.shard(householdId).read();
    const found = noRecords();
    for (const list of recordLists) (found[list] as unknown[]) = data[list].filter((record) => record.householdId === householdId);
    this.grouped.set(householdId, viewOf(found));
  }

  private async write(householdId: string, recipe: (draft: ContactShard) => void): Promise<void> {
    await this.shard(householdId).update(recipe);
    this.refresh(householdId);
  }

  /** Opens the contact log; with the folder's file registry, a shard that was written and is now gone is reported. */
  static async open(dataDir: string, registry?: FileRegistry): Promise<ContactStore> {
    const dir = path.join(dataDir, CONTACTS_DIR);
    await mkdir(dir, { recursive: true });
    const shards = await Promise.all(
      Array.from({ length: SHARD_COUNT }, (_, index) => {
        const spec = specFor(index);
        return DataFile.open(dir, spec, { createMissing: false, ...(registry ? { tracked: { registry, name: `${CONTACTS_DIR}/${spec.fileName}` } } : {}) });
      }),
    );
    return new ContactStore(shards);
  }

  private shard(householdId: string): DataFile<ContactShard> {
    return this.shards[shardOf(householdId)]!;
  }

  get error() {
    return this.shards.find((shard) => shard.error)?.error;
  }

  /** Every shard that could not be opened (broken, or missing though it was written before). */
  get problems() {
    return this.shards.flatMap((shard) => (shard.error ? [shard.error] : []));
  }

  phoneAccessOf(householdId: string): PhoneAccess[] {
    return this.shard(householdId)
      .read()
      .phoneAccess.filter((entry) => entry.householdId === householdId)
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  /**
   * A call's records, once: a call's contact id is its call id, checked against the shard being written, so two
   * saves of one call racing each other cannot both write it (the second gets CONFLICT).
   */
  async saveCall(write: CallWrite): Promise<void> {
    await this.write(write.contact.householdId, (draft) => {
      if (draft.contacts.some((contact) => contact.id === write.contact.id)) throw new ApiError({ code: 'CONFLICT', message: '这通电话已经保存过了，不会重复记录。' });
      if (write.revisit) applyRevisit(draft, write.revisit);
      draft.contacts.push(write.contact);
      draft.promises.push(...write.promises);
      draft.grievances.push(...write.grievances);
      draft.followUps.push(...write.followUps);
    });
  }

  /** A contact, and optionally the queue entry it settles, in one write. */
  async addContact(contact: ContactRecord, completes?: QueueAction): Promise<void> {
    await this.write(contact.householdId, (draft) => {
      draft.contacts.push(contact);
      if (completes) applyQueueAction(draft, completes, completes.at);
    });
  }

  /** Records a queue action; closing its follow-up (and grievance) in the same write. */
  async addQueueAction(action: QueueAction, doneAt: string): Promise<void> {
    await this.write(action.householdId, (draft) => applyQueueAction(draft, action, doneAt));
  }

  /**
   * 维修已完成: records when a repair (and a leak's test) was done and moves its open revisit to the 规程's day, in one
   * write; the repair must still be open and its completion not yet recorded there (CONFLICT otherwise), and the dates pass `check` against it.
   */
  async recordRepairDone(
    householdId: string,
    grievanceId: string,
    done: { completedOn: string; leakTestOn: string | null },
    check: (repair: GrievanceRecord) => { revisitOn: string },
  ): Promise<{ grievance: GrievanceRecord; followUp: FollowUp | null }> {
    let result: { grievance: GrievanceRecord; followUp: FollowUp | null } | undefined;
    await this.write(householdId, (draft) => {
      const grievance = draft.grievances.find((entry) => entry.id === grievanceId && entry.householdId === householdId && entry.kind === 'repair');
      if (!grievance) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条报修，可能已被撤销。' });
      if (grievance.status !== 'open') throw new ApiError({ code: 'CONFLICT', message: '这条报修已经回访完成，不需要再记录维修完成。' });
      // The form offers 维修已完成 once; a second tab or a double click must not move the revisit again.
      if (grievance.completedOn) throw new ApiError({ code: 'CONFLICT', message: `这条报修已记录 ${grievance.completedOn} 修好（可能在另一个窗口），没有再改。` });
      const { revisitOn } = check(grievance);
      Object.assign(grievance, { completedOn: done.completedOn, leakTestOn: done.leakTestOn, dueDate: revisitOn });
      const followUp = draft.followUps.find((entry) => entry.sourceId === grievance.id && entry.kind === 'repair-revisit' && entry.status === 'open') ?? null;
      if (followUp) followUp.dueDate = revisitOn;
      result = { grievance: { ...grievance }, followUp: followUp && { ...followUp } };
    });
    return result!;
  }

  /** Takes a queue action back, reopening what it closed (NOT_FOUND if there is no such action). */
  async removeQueueAction(householdId: string, actionId: string): Promise<void> {
    await this.write(householdId, (draft) => {
      // Checked against the data being written, so two undos cannot both pass.
      const action = draft.queueActions.find((entry) => entry.id === actionId && entry.householdId === householdId);
      if (!action) throw new ApiError({ code: 'NOT_FOUND', message: '找不到这条操作，可能已经撤销过了。' });
      draft.queueActions = draft.queueActions.filter((entry) => entry !== action);
      const followUp = draft.followUps.find((entry) => entry.id === action.closedFollowUpId);
      if (followUp) {
        followUp.status = 'open';
        delete followUp.doneReason;
        delete followUp.doneAt;
      }
      const grievance = draft.grievances.find((entry) => entry.id === action.closedGrievanceId);
      if (grievance) grievance.status = 'open';
    });
  }

  async addPhoneAccess(entry: PhoneAccess): Promise<void> {
    await this.shard(entry.householdId).update((draft) => void draft.phoneAccess.push(entry));
  }

  async health(): Promise<DataFileHealth> {
    const all = await Promise.all(this.shards.map((shard) => shard.health()));
    const broken = all.find((entry) => entry.state === 'error');
    const present = all.filter((entry) => entry.state === 'ok');
    return {
      id: 'contacts',
      label: '催缴记录',
      fileName: `${CONTACTS_DIR}/（${present.length} 个分片）`,
      schemaVersion: SCHEMA_VERSION,
      state: broken ? 'error' : 'ok',
      sizeBytes: present.reduce((sum, entry) => sum + (entry.sizeBytes ?? 0), 0),
      modifiedAt: present.map((entry) => entry.modifiedAt).filter(Boolean).sort().pop() ?? null,
      ...(broken?.error ? { error: broken.error } : {}),
    };
  }
}
