/**
 * Local mode's storage: one data folder of small JSON files under a single-writer lock (the ledger and the contact
 * log sharded 256 ways, every other concern one file), implementing the ports. Nothing outside this folder reads or
 * writes these files; the composition root (backend/index.ts) opens it, and tests of the file format reach in.
 */
import type { CallSlot, CallDrafts, Storage, UserDirectory } from '../ports';
import { ContactStore } from './contact-store';
import type { DataFile } from './data-file';
import type { callDraftFile } from './data-files';
import { DataStore } from './data-store';
import { LEDGER_MANIFEST_PATH, LedgerStore } from './ledger-store';
import { MemoryClaims } from './memory-claims';

/** The folder's lock file, which a copy of the folder leaves out. */
export { LOCK_FILE_NAME } from './dir-lock';

type DraftsData = ReturnType<(typeof callDraftFile)['defaults']>;

const noCall = (): CallSlot => ({ draft: null, started: null });

/** Each user's call in progress, in call-draft.json; a slot left empty is dropped. */
class JsonCallDrafts implements CallDrafts {
  constructor(private readonly file: DataFile<DraftsData>) {}

  get error() {
    return this.file.error;
  }

  read(userId: string): CallSlot {
    return this.file.read().users[userId] ?? noCall();
  }

  async update(userId: string, recipe: (slot: CallSlot) => void): Promise<CallSlot> {
    const saved = await this.file.update((data) => {
      // `data` is already the write's own copy.
      const slot = data.users[userId] ?? noCall();
      recipe(slot);
      if (slot.draft || slot.started) data.users[userId] = slot;
      else delete data.users[userId];
    });
    return saved.users[userId] ?? noCall();
  }
}

const noUsers: UserDirectory = { list: () => [] };

/** The JSON storage, with what only a folder of files has: its path (the CLI's backup copies it under the lock). */
export interface JsonStorage extends Storage {
  readonly dataDir: string;
}

/** Opens a data folder (creating it), taking its lock for `purpose` (shown to a second program that finds it taken). */
export async function openJsonStorage(dataDir: string, purpose: string): Promise<JsonStorage> {
  const store = await DataStore.open(dataDir, purpose);
  try {
    const [ledger, contacts] = await Promise.all([LedgerStore.open(dataDir, store.registry), ContactStore.open(dataDir, store.registry)]);
    await store.registry.saveFound();
    const isNew = ledger.problems.length === 0 && !store.registry.expects(LEDGER_MANIFEST_PATH) && ledger.imports().length === 0 && ledger.householdCount === 0;
    return {
      dataDir,
      location: dataDir,
      isNew,
      ledger,
      contacts,
      teamSettings: store.file('teamSettings'),
      scripts: store.file('scripts'),
      mappings: store.file('mappings'),
      settings: store.file('settings'),
      drafts: new JsonCallDrafts(store.file('callDraft')),
      claims: new MemoryClaims(),
      users: noUsers,
      problems: [...store.problems, ...ledger.problems, ...contacts.problems],
      health: async () => [...(await store.health()), await ledger.health(), await contacts.health()],
      missingFiles: () => store.registry.missing(),
      forgetMissingFile: (name) => store.registry.forget(name),
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
