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
  type ContactRecord,
  type DataFileHealth,
  type FollowUp,
  type GrievanceRecord,
  type PhoneAccess,
  type PromiseRecord,
} from '../../contract';
import { DataFile, type DataFileSpec } from '../storage/data-file';
import { shardOf, SHARD_COUNT } from '../ledger/ledger-store';

export const CONTACTS_DIR = 'contacts';

const shardSchema = z.object({
  contacts: z.array(contactRecordSchema),
  phoneAccess: z.array(phoneAccessSchema),
  promises: z.array(promiseRecordSchema),
  grievances: z.array(grievanceRecordSchema),
  followUps: z.array(followUpSchema),
});
type ContactShard = z.infer<typeof shardSchema>;

const specFor = (index: number): DataFileSpec<ContactShard> => ({
  id: `contacts-${index}`,
  label: '催缴记录',
  fileName: `shard-${String(index).padStart(3, '0')}.json`,
  version: 2,
  schema: shardSchema,
  defaults: () => ({ contacts: [], phoneAccess: [], promises: [], grievances: [], followUps: [] }),
  // v2: a call also records its promises, grievances and follow-ups beside the contact.
  migrations: { 1: (data) => ({ ...(data as object), promises: [], grievances: [], followUps: [] }) },
});

/** Everything one call writes, in one shard, in one durable write. */
export interface CallWrite {
  contact: ContactRecord;
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
}

export interface HouseholdContacts {
  contacts: ContactRecord[];
  promises: PromiseRecord[];
  grievances: GrievanceRecord[];
  followUps: FollowUp[];
  /** Days of every contact (Asia/Shanghai), sorted. */
  contactDays: string[];
  /** Days of phone contacts, sorted. */
  phoneDays: string[];
  /** Timestamp of the latest contact, for lists sorted by last contact. */
  lastContactAt: string | null;
}

const noContacts: HouseholdContacts = Object.freeze({ contacts: [], promises: [], grievances: [], followUps: [], contactDays: [], phoneDays: [], lastContactAt: null });

export class ContactStore {
  /** Bumped on every write, so the grouped view is rebuilt only when something changed. */
  private revision = 0;
  private grouped: { revision: number; map: Map<string, HouseholdContacts> } | null = null;

  private constructor(private readonly shards: DataFile<ContactShard>[]) {}

  /** Everything recorded, grouped by household (cached until the next write). */
  /** One household's records (contacts newest first); empty arrays when there are none. */
  of(householdId: string): HouseholdContacts {
    return this.byHousehold().get(householdId) ?? noContacts;
  }

  byHousehold(): Map<string, HouseholdContacts> {
    if (this.grouped?.revision === this.revision) return this.grouped.map;
    const map = new Map<string, HouseholdContacts>();
    const entry = (id: string) => {
      let found = map.get(id);
      if (!found) map.set(id, (found = { contacts: [], promises: [], grievances: [], followUps: [], contactDays: [], phoneDays: [], lastContactAt: null }));
      return found;
    };
    for (const shard of this.shards) {
      if (shard.error) continue;
      const data = shard.read();
      for (const contact of data.contacts) entry(contact.householdId).contacts.push(contact);
      for (const promise of data.promises) entry(promise.householdId).promises.push(promise);
      for (const grievance of data.grievances) entry(grievance.householdId).grievances.push(grievance);
      for (const followUp of data.followUps) entry(followUp.householdId).followUps.push(followUp);
    }
    for (const recorded of map.values()) {
      recorded.contactDays = recorded.contacts.map((contact) => contact.at.slice(0, 10)).sort();
      recorded.phoneDays = recorded.contacts.filter((contact) => contact.channel === '电话').map((contact) => contact.at.slice(0, 10)).sort();
      recorded.contacts.sort((a, b) => b.at.localeCompare(a.at));
      recorded.lastContactAt = recorded.contacts[0]?.at ?? null;
    }
    this.grouped = { revision: this.revision, map };
    return map;
  }

  static async open(dataDir: string): Promise<ContactStore> {
    const dir = path.join(dataDir, CONTACTS_DIR);
    await mkdir(dir, { recursive: true });
    const shards = await Promise.all(Array.from({ length: SHARD_COUNT }, (_, index) => DataFile.open(dir, specFor(index), { createMissing: false })));
    return new ContactStore(shards);
  }

  private shard(householdId: string): DataFile<ContactShard> {
    return this.shards[shardOf(householdId)]!;
  }

  get error() {
    return this.shards.find((shard) => shard.error)?.error;
  }

  phoneAccessOf(householdId: string): PhoneAccess[] {
    return this.shard(householdId)
      .read()
      .phoneAccess.filter((entry) => entry.householdId === householdId)
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  async saveCall(write: CallWrite): Promise<void> {
    this.revision += 1;
    await this.shard(write.contact.householdId).update((draft) => {
      draft.contacts.push(write.contact);
      draft.promises.push(...write.promises);
      draft.grievances.push(...write.grievances);
      draft.followUps.push(...write.followUps);
    });
  }

  async addContact(contact: ContactRecord): Promise<void> {
    this.revision += 1;
    await this.shard(contact.householdId).update((draft) => void draft.contacts.push(contact));
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
      schemaVersion: 2,
      state: broken ? 'error' : 'ok',
      sizeBytes: present.reduce((sum, entry) => sum + (entry.sizeBytes ?? 0), 0),
      modifiedAt: present.map((entry) => entry.modifiedAt).filter(Boolean).sort().pop() ?? null,
      ...(broken?.error ? { error: broken.error } : {}),
    };
  }
}
