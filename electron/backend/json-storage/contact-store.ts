/**
 * The contact log (催缴记录: legal evidence that reminders reached the owner) and the log of phone-number
 * access. Sharded by household like the ledger, so one entry rewrites a small file durably.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
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
  type QueueAction,
} from '../../contract';
import {
  noContacts,
  noRecords,
  RECORD_LISTS,
  viewOf,
  writeCall,
  writeContact,
  writeQueueAction,
  writeQueueActionRemoval,
  writeRepairDone,
  type CallWrite,
  type ContactRecords,
  type HouseholdContacts,
  type RepairDone,
} from '../contacts/contact-records';
import type { ContactLog } from '../ports';
import { DataFile, type DataFileSpec } from './data-file';
import type { FileRegistry } from './file-registry';
import { shardOf, SHARD_COUNT } from './ledger-store';
import { ChangeLog } from '../change-log';
import { LOCAL_USER_ID } from '../../../domain/roles';
import { outcomeIdOfLabel } from '../../../state-machines/call-outcomes';

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

export const CONTACTS_SCHEMA_VERSION = 4;

/**
 * A shard from before ids: signed records get the desk's local user id (everything was written at this desk), and a
 * call its outcome id beside the label. Anything not shaped as expected is left for validation to report.
 */
function withUserAndOutcomeIds(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const isRecord = (record: unknown): record is Record<string, unknown> => typeof record === 'object' && record !== null;
  const signed = (list: unknown) => (Array.isArray(list) ? list.map((record) => (isRecord(record) && !('stewardId' in record) ? { ...record, stewardId: LOCAL_USER_ID } : record)) : list);
  const withOutcome = (list: unknown) =>
    Array.isArray(list)
      ? list.map((record) => (isRecord(record) && !('outcomeId' in record) ? { ...record, outcomeId: record.channel === '电话' && typeof record.outcome === 'string' ? outcomeIdOfLabel(record.outcome) : null } : record))
      : list;
  const shard = data as Record<string, unknown>;
  return { ...shard, contacts: withOutcome(signed(shard.contacts)), queueActions: signed(shard.queueActions), phoneAccess: signed(shard.phoneAccess) };
}

const specFor = (index: number): DataFileSpec<ContactShard> => ({
  id: `contacts-${index}`,
  label: '催缴记录',
  fileName: `shard-${String(index).padStart(3, '0')}.json`,
  version: CONTACTS_SCHEMA_VERSION,
  schema: shardSchema,
  defaults: () => ({ contacts: [], phoneAccess: [], promises: [], grievances: [], followUps: [], queueActions: [] }),
  migrations: {
    // v2: a call also records its promises, grievances and follow-ups beside the contact.
    1: (data) => ({ ...(data as object), promises: [], grievances: [], followUps: [] }),
    // v3: what stewards did with the follow-up queue (done, snoozed, reassigned).
    2: (data) => ({ ...(data as object), queueActions: [] }),
    // v4: a user id beside every steward's name (everything before was written at this desk, by its local user),
    // and a call's outcome id beside its label.
    3: (data) => withUserAndOutcomeIds(data),
  },
});



export class ContactStore implements ContactLog {
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
    const records = new Map<string, ContactRecords>();
    for (const shard of this.shards) {
      if (shard.error) continue;
      const data = shard.read();
      for (const list of RECORD_LISTS) {
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
    for (const list of RECORD_LISTS) (found[list] as unknown[]) = data[list].filter((record) => record.householdId === householdId);
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

  /** A call's records, once: checked against the shard being written (writeCall), so two racing saves cannot both pass. */
  async saveCall(write: CallWrite): Promise<void> {
    await this.write(write.contact.householdId, (draft) => writeCall(draft, write));
  }

  /** A contact, and optionally the queue entry it settles, in one write. */
  async addContact(contact: ContactRecord, completes?: QueueAction): Promise<void> {
    await this.write(contact.householdId, (draft) => writeContact(draft, contact, completes));
  }

  /** Records a queue action; closing its follow-up (and grievance) in the same write. */
  async addQueueAction(action: QueueAction, doneAt: string): Promise<void> {
    await this.write(action.householdId, (draft) => writeQueueAction(draft, action, doneAt));
  }

  /** 维修已完成 (writeRepairDone), in one write. */
  async recordRepairDone(
    householdId: string,
    grievanceId: string,
    done: RepairDone,
    check: (repair: GrievanceRecord) => { revisitOn: string },
  ): Promise<{ grievance: GrievanceRecord; followUp: FollowUp | null }> {
    let result: { grievance: GrievanceRecord; followUp: FollowUp | null } | undefined;
    await this.write(householdId, (draft) => {
      result = writeRepairDone(draft, householdId, grievanceId, done, check);
    });
    return result!;
  }

  /** Takes a queue action back, reopening what it closed (checked against the data being written: two undos cannot both pass). */
  async removeQueueAction(householdId: string, actionId: string): Promise<void> {
    await this.write(householdId, (draft) => writeQueueActionRemoval(draft, householdId, actionId));
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
      schemaVersion: CONTACTS_SCHEMA_VERSION,
      state: broken ? 'error' : 'ok',
      sizeBytes: present.reduce((sum, entry) => sum + (entry.sizeBytes ?? 0), 0),
      modifiedAt: present.map((entry) => entry.modifiedAt).filter(Boolean).sort().pop() ?? null,
      ...(broken?.error ? { error: broken.error } : {}),
    };
  }
}
