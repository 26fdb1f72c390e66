/**
 * The storage contract: what every `Storage` (electron/backend/ports.ts) must do, written against the ports only.
 * Each implementation runs it from its own test file (tests/integration/storage-contract.test.ts: the JSON files of a
 * data folder; tests/team/storage-contract.test.ts: the team database). The suite checks that writes are durable (a
 * reopened storage sees them), that a failed write changes nothing, that the change feeds name what changed, and
 * that checks inside writes hold under real parallel writes.
 */
import { describe, expect, it } from 'vitest';
import type { ArrearsItem, Payment } from '../../domain/ledger';
import type { ContactRecord, FollowUp, GrievanceRecord, QueueAction } from '../../electron/contract';
import type { CallWrite } from '../../electron/backend/contacts/contact-records';
import { seedDemoData } from '../../electron/backend/ledger/demo-seed';
import type { Storage } from '../../electron/backend/ports';

export interface StorageImplementation {
  name: string;
  /** A fresh, empty place to store into (a folder, a database). */
  place(): string | Promise<string>;
  open(place: string): Promise<Storage>;
}


const TODAY = '2026-11-26';
const AT = `${TODAY}T10:00:00+08:00`;

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const codesOf = (results: PromiseSettledResult<unknown>[]) =>
  results.map((result) => (result.status === 'fulfilled' ? 'ok' : (result.reason as { code?: string }).code ?? 'error')).sort();

function contact(householdId: string, id: string): ContactRecord {
  return { id, householdId, at: AT, channel: '电话', steward: '王敏', outcome: '未接通', notes: '' };
}

function callWrite(householdId: string, id: string): CallWrite {
  const followUp: FollowUp = { id: `${id}-f`, householdId, kind: 'callback', dueDate: '2026-11-27', sourceId: id, title: '回电', status: 'open', createdAt: AT };
  return { contact: contact(householdId, id), promises: [], grievances: [], followUps: [followUp] };
}

function repairCall(householdId: string, id: string): CallWrite {
  const grievance: GrievanceRecord = { id: `${id}-g`, householdId, contactId: id, createdAt: AT, kind: 'repair', title: '漏水渗水', words: '卫生间漏水', dueDate: '2026-11-29', status: 'open', category: '漏水渗水', completedOn: null, leakTestOn: null };
  const followUp: FollowUp = { id: `${id}-f`, householdId, kind: 'repair-revisit', dueDate: '2026-11-29', sourceId: grievance.id, title: '维修回访', status: 'open', createdAt: AT };
  return { contact: contact(householdId, id), promises: [], grievances: [grievance], followUps: [followUp] };
}

function completion(householdId: string, id: string, followUpId: string | null): QueueAction {
  return { id, householdId, action: 'complete', entryKey: `callback:${followUpId}`, reason: '已回电', until: null, assignee: null, at: AT, steward: '王敏', closedFollowUpId: followUpId, closedGrievanceId: null };
}

/** An import of generated households, through the port (as the import and the first run do). */
async function withHouseholds(storage: Storage, households = 12): Promise<string[]> {
  await seedDemoData(storage.ledger, { households, today: TODAY, seed: 3 });
  return [...storage.ledger.allHouseholds()].map((household) => household.id).sort();
}

/** A payment of `fen` against the household's first unpaid item, computed inside the write from the items as they are. */
const pay = (storage: Storage, householdId: string, fen: number) =>
  storage.ledger.applyHouseholdChange(householdId, (items) => {
    const next: ArrearsItem[] = items.map((item) => ({ ...item }));
    const open = next.find((item) => item.dueFen - item.paidFen >= fen);
    if (!open) throw Object.assign(new Error('nothing left to pay'), { code: 'VALIDATION' });
    open.paidFen += fen;
    const payment: Payment = { id: `pay-${Math.random().toString(36).slice(2)}`, householdId, itemKey: null, amountFen: fen, paidOn: TODAY, source: 'manual', importId: null, channel: '微信', note: '' };
    return { items: next, payments: [payment] };
  });

/** The suite, for one implementation: call it from a test file. */
export function storageContract(implementation: StorageImplementation): void {
  describe(`storage contract: ${implementation.name}`, () => {
    const fresh = async () => {
      const place = await implementation.place();
      return { place, storage: await implementation.open(place) };
    };
    const reopen = async (storage: Storage, place: string) => {
      storage.close();
      return implementation.open(place);
    };

    describe('a new storage', () => {
      it('is empty, new, healthy, and has no users in local mode', async () => {
        const { storage } = await fresh();
        expect(storage.isNew).toBe(true);
        expect(storage.ledger.householdCount).toBe(0);
        expect(storage.ledger.imports()).toEqual([]);
        expect(storage.ledger.undoableImportId()).toBeNull();
        expect(storage.contacts.byHousehold().size).toBe(0);
        expect(storage.problems).toEqual([]);
        expect(storage.users.list()).toEqual([]);
        expect(await storage.missingFiles()).toEqual([]);
        expect((await storage.health()).every((entry) => entry.state !== 'error')).toBe(true);
        expect(storage.drafts.read('anyone')).toEqual({ draft: null, started: null });
        storage.close();
      });
    });

    describe('the ledger', () => {
      it('applies an import all at once, names its households in the change feed, keeps it after a reopen, and undoes it', async () => {
        const { place, storage } = await fresh();
        const revision = storage.ledger.changes.revision;
        const ids = await withHouseholds(storage);
        expect(ids).toHaveLength(12);
        expect([...(storage.ledger.changes.since(revision) ?? [])].sort()).toEqual(ids);
        const [entry] = storage.ledger.imports();
        expect(storage.ledger.undoableImportId()).toBe(entry!.id);
        const owed = ids.map((id) => storage.ledger.summaryOf(id)?.owedFen);
        const again = await reopen(storage, place);
        expect(again.isNew).toBe(false);
        expect([...again.ledger.allHouseholds()].map((household) => household.id).sort()).toEqual(ids);
        expect(ids.map((id) => again.ledger.summaryOf(id)?.owedFen)).toEqual(owed);
        await again.ledger.undoImport(entry!.id);
        expect(again.ledger.householdCount).toBe(0);
        expect(again.ledger.imports()[0]).toMatchObject({ id: entry!.id, undone: true });
        again.close();
      });

      it('a change that throws inside the write changes nothing, in memory or after a reopen', async () => {
        const { place, storage } = await fresh();
        const [id] = await withHouseholds(storage, 3);
        const before = structuredClone(storage.ledger.itemsOf(id!));
        const revision = storage.ledger.changes.revision;
        await expect(
          storage.ledger.applyHouseholdChange(id!, () => {
            throw new Error('refused inside the write');
          }),
        ).rejects.toThrow('refused inside the write');
        expect(storage.ledger.itemsOf(id!)).toEqual(before);
        expect(storage.ledger.changes.revision).toBe(revision);
        const again = await reopen(storage, place);
        expect(again.ledger.itemsOf(id!)).toEqual(before);
        again.close();
      });

      it('parallel payments on one household each see the others (none lost), and a payment ends the import\'s undo', async () => {
        const { place, storage } = await fresh();
        const [id] = await withHouseholds(storage, 3);
        const paidBefore = storage.ledger.itemsOf(id!).reduce((sum, item) => sum + item.paidFen, 0);
        const results = await settle(Array.from({ length: 15 }, () => pay(storage, id!, 100)));
        expect(codesOf(results)).toEqual(Array(15).fill('ok'));
        const paid = (s: Storage) => s.ledger.itemsOf(id!).reduce((sum, item) => sum + item.paidFen, 0);
        expect(paid(storage) - paidBefore).toBe(1500);
        expect(storage.ledger.paymentsOf(id!)).toHaveLength(15);
        expect(storage.ledger.undoableImportId()).toBeNull();
        await expect(storage.ledger.undoImport(storage.ledger.imports()[0]!.id)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
        const again = await reopen(storage, place);
        expect(paid(again) - paidBefore).toBe(1500);
        again.close();
      });
    });

    describe('the contact log', () => {
      it('saves a call with its follow-ups durably and names the household in the change feed', async () => {
        const { place, storage } = await fresh();
        const revision = storage.contacts.changes.revision;
        await storage.contacts.saveCall(callWrite('观山水|1-1', 'call-1'));
        expect(storage.contacts.changes.since(revision)).toEqual(new Set(['观山水|1-1']));
        const again = await reopen(storage, place);
        const records = again.contacts.of('观山水|1-1');
        expect(records.contacts.map((entry) => entry.id)).toEqual(['call-1']);
        expect(records.followUps).toEqual([expect.objectContaining({ id: 'call-1-f', status: 'open' })]);
        expect(records.contactDays).toEqual([TODAY]);
        expect(again.contacts.of('观山水|9-9').contacts).toEqual([]);
        again.close();
      });

      it('one call saved twice at once is written once (CONFLICT for the other)', async () => {
        const { storage } = await fresh();
        const results = await settle(Array.from({ length: 6 }, () => storage.contacts.saveCall(callWrite('观山水|1-1', 'call-1'))));
        expect(codesOf(results)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
        expect(storage.contacts.of('观山水|1-1').contacts).toHaveLength(1);
        storage.close();
      });

      it('a follow-up completed twice at once closes once; undone twice at once reopens once', async () => {
        const { place, storage } = await fresh();
        await storage.contacts.saveCall(callWrite('观山水|1-1', 'call-1'));
        const completions = await settle([1, 2, 3].map((n) => storage.contacts.addQueueAction(completion('观山水|1-1', `q-${n}`, 'call-1-f'), AT)));
        expect(codesOf(completions)).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
        const [done] = storage.contacts.of('观山水|1-1').queueActions;
        expect(storage.contacts.of('观山水|1-1').followUps[0]).toMatchObject({ status: 'done', doneReason: '已回电' });
        const undos = await settle([1, 2].map(() => storage.contacts.removeQueueAction('观山水|1-1', done!.id)));
        expect(codesOf(undos)).toEqual(['NOT_FOUND', 'ok']);
        const again = await reopen(storage, place);
        expect(again.contacts.of('观山水|1-1').queueActions).toEqual([]);
        expect(again.contacts.of('观山水|1-1').followUps[0]).toMatchObject({ status: 'open' });
        expect(again.contacts.of('观山水|1-1').followUps[0]).not.toHaveProperty('doneReason');
        again.close();
      });

      it('维修已完成 recorded twice at once is recorded once, with the check run inside the write', async () => {
        const { storage } = await fresh();
        await storage.contacts.saveCall(repairCall('观山水|2-2', 'call-r'));
        const check = (repair: GrievanceRecord) => {
          expect(repair.completedOn).toBeNull(); // the check sees the repair as it is inside the write
          return { revisitOn: '2026-11-30' };
        };
        const results = await settle([1, 2, 3].map(() => storage.contacts.recordRepairDone('观山水|2-2', 'call-r-g', { completedOn: TODAY, leakTestOn: '2026-11-27' }, check)));
        expect(codesOf(results)).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
        const records = storage.contacts.of('观山水|2-2');
        expect(records.grievances[0]).toMatchObject({ completedOn: TODAY, leakTestOn: '2026-11-27', dueDate: '2026-11-30' });
        expect(records.followUps[0]).toMatchObject({ dueDate: '2026-11-30' });
        storage.close();
      });

      it('parallel writes to many households all land, and phone access is listed newest first', async () => {
        const { place, storage } = await fresh();
        const households = Array.from({ length: 40 }, (_, n) => `观山水|3-${n}`);
        await Promise.all(households.map((id, n) => storage.contacts.saveCall(callWrite(id, `call-${n}`))));
        await Promise.all(
          ['09', '11', '10'].map((hour, n) => storage.contacts.addPhoneAccess({ id: `pa-${n}`, householdId: households[0]!, at: `${TODAY}T${hour}:00:00+08:00`, action: 'reveal', phoneMasked: '138****0000', steward: '王敏' })),
        );
        const again = await reopen(storage, place);
        expect(households.every((id) => again.contacts.of(id).contacts.length === 1)).toBe(true);
        expect(again.contacts.phoneAccessOf(households[0]!).map((entry) => entry.id)).toEqual(['pa-1', 'pa-2', 'pa-0']);
        again.close();
      });
    });

    describe('claims', () => {
      it('one household goes to one of many racing users; its holder renews and releases; an expired claim is free', async () => {
        const { storage } = await fresh();
        const users = Array.from({ length: 12 }, (_, n) => ({ id: `u-${n}`, name: `管家${n}` }));
        const results = await Promise.all(users.map((user) => storage.claims.claim('观山水|1-1', user, 600)));
        const winners = users.filter((_, n) => results[n]!.claimed);
        expect(winners).toHaveLength(1);
        for (const result of results) if (!result.claimed) expect(result.holder).toMatchObject({ userId: winners[0]!.id, name: winners[0]!.name });
        expect(await storage.claims.claim('观山水|1-1', winners[0]!, 600)).toEqual({ claimed: true }); // renewed
        const other = users.find((user) => user !== winners[0])!;
        await storage.claims.release('观山水|1-1', other.id); // not theirs: nothing happens
        expect((await storage.claims.claim('观山水|1-1', other, 600)).claimed).toBe(false);
        await storage.claims.release('观山水|1-1', winners[0]!.id);
        expect((await storage.claims.claim('观山水|1-1', other, 600)).claimed).toBe(true);
        // A claim of no time at all has expired at once: anyone may take the household.
        await storage.claims.claim('观山水|2-2', users[0]!, 0);
        expect((await storage.claims.claim('观山水|2-2', users[1]!, 600)).claimed).toBe(true);
        storage.close();
      });

      it('"next household" under a race: every user gets a different one, and none is handed out twice', async () => {
        const { storage } = await fresh();
        const households = Array.from({ length: 30 }, (_, n) => `观山水|3-${n}`);
        const users = Array.from({ length: 20 }, (_, n) => ({ id: `u-${n}`, name: `管家${n}` }));
        const taken = await Promise.all(users.map((user) => storage.claims.claimFirst(households, user, 600)));
        expect(taken.every((id) => id !== null)).toBe(true);
        expect(new Set(taken).size).toBe(users.length);
        const more = await Promise.all(users.map((user) => storage.claims.claimFirst(households.slice(0, 20), { id: `late-${user.id}`, name: '后来的' }, 600)));
        expect(more.every((id) => id === null)).toBe(true); // the first 20 are all held
        storage.close();
      });
    });

    describe('documents and call slots', () => {
      it('serialises parallel updates to a document (none lost) and a throwing recipe writes nothing', async () => {
        const { place, storage } = await fresh();
        const names = Array.from({ length: 10 }, (_, n) => `管家${n}`);
        await Promise.all(names.map((name, n) => storage.teamSettings.update((draft) => void draft.stewards.push({ id: `steward-${n}`, name }))));
        const namesOf = (members: readonly { name: string }[]) => members.map((member) => member.name).sort();
        expect(namesOf(storage.teamSettings.read().stewards)).toEqual([...names].sort());
        await expect(
          storage.teamSettings.update((draft) => {
            draft.stewards = [];
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        await expect(storage.teamSettings.update((draft) => void (draft.graceDays = -5))).rejects.toBeTruthy(); // invalid: refused by the schema
        const again = await reopen(storage, place);
        expect(namesOf(again.teamSettings.read().stewards)).toEqual([...names].sort());
        expect(again.teamSettings.read().graceDays).toBeGreaterThanOrEqual(0);
        again.close();
      });

      it('keeps the library, mappings and the desk settings across a reopen', async () => {
        const { place, storage } = await fresh();
        const scripts = storage.scripts.read().entries.length;
        expect(scripts).toBeGreaterThan(0);
        await storage.mappings.update((draft) => void draft.mappings.push({ name: '物业系统A', fields: {}, savedAt: AT }));
        await storage.settings.update((draft) => void (draft.stewardName = '王敏'));
        const again = await reopen(storage, place);
        expect(again.scripts.read().entries).toHaveLength(scripts);
        expect(again.mappings.read().mappings.map((mapping) => mapping.name)).toEqual(['物业系统A']);
        expect(again.settings.read().stewardName).toBe('王敏');
        again.close();
      });

      it('keeps one call slot per user; an emptied slot is gone; parallel updates to one slot are serialised', async () => {
        const { place, storage } = await fresh();
        const draftFor = (householdId: string) => ({ machineVersion: 1, householdId, savedAt: AT, snapshot: { value: 'opening' } });
        await Promise.all([
          storage.drafts.update('u-1', (slot) => void (slot.draft = draftFor('观山水|1-1'))),
          storage.drafts.update('u-2', (slot) => void (slot.draft = draftFor('观山水|2-2'))),
        ]);
        const again = await reopen(storage, place);
        expect(again.drafts.read('u-1').draft?.householdId).toBe('观山水|1-1');
        expect(again.drafts.read('u-2').draft?.householdId).toBe('观山水|2-2');
        await again.drafts.update('u-1', (slot) => void (slot.draft = null));
        expect(again.drafts.read('u-1')).toEqual({ draft: null, started: null });
        const claims = await settle(
          [1, 2, 3].map((n) =>
            again.drafts.update('u-3', (slot) => {
              if (slot.draft) throw Object.assign(new Error('taken'), { code: 'CONFLICT' });
              slot.draft = draftFor(`观山水|3-${n}`);
            }),
          ),
        );
        expect(codesOf(claims)).toEqual(['CONFLICT', 'CONFLICT', 'ok']);
        again.close();
      });
    });
  });
}
