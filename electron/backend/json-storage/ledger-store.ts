/**
 * The arrears ledger on disk and in memory.
 *
 * On disk (`<data>/ledger/`): `manifest.json` (a lowdb DataFile) names the current shard files; each shard
 * holds 1/256 of the households with their items and payments. Shard files are never rewritten: a change
 * writes new shard files (new generation number), then switches the manifest in one durable write. So an
 * import touching many shards is all-or-nothing, a payment rewrites one small shard, and the previous
 * generation is kept for undoing the last import.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { importEntrySchema, type DataFileHealth, type ImportEntry } from '../../contract';
import type { MergePlan } from '../../../domain/import/merge';
import { summarize, type ArrearsItem, type ArrearsSummary, type Household, type Payment } from '../../../domain/ledger';
import { DataFile, decodeDataFile, encodeDataFile, type DataFileSpec } from './data-file';
import { backupPathOf, writeNewFilesDurably } from './durable-write';
import type { FileRegistry } from './file-registry';
import { StorageError } from './storage-error';
import { ChangeLog } from '../change-log';
import type { HouseholdChange, ImportChange, LedgerRepository } from '../ports';
import { decodeShard, encodeShard, SHARD_VERSION, shardSchema, type ShardData } from './ledger-shard-format';

export const LEDGER_DIR = 'ledger';
export const SHARD_COUNT = 256;

const shardList = z.array(z.string().nullable()).length(SHARD_COUNT);

const manifestSchema = z.object({
  generation: z.number().int().min(0),
  shards: shardList,
  imports: z.array(importEntrySchema),
  /** The shard files as they were before the last import, while that import is still the last change. */
  undo: z.object({ importId: z.string(), shards: shardList }).nullable(),
});
type Manifest = z.infer<typeof manifestSchema>;

const manifestSpec: DataFileSpec<Manifest> = {
  id: 'ledger',
  label: '欠费台账（目录）',
  fileName: 'manifest.json',
  version: 1,
  schema: manifestSchema,
  defaults: () => ({ generation: 0, shards: Array(SHARD_COUNT).fill(null), imports: [], undo: null }),
};

const shardSpec: DataFileSpec<z.infer<typeof shardSchema>> = {
  id: 'ledger-shard',
  label: '欠费台账分片',
  fileName: 'shard',
  version: SHARD_VERSION,
  schema: shardSchema,
  defaults: () => ({ households: [], items: { feeTypes: [], household: [], fee: [], start: [], end: [], due: [], paid: [], late: [], dueDate: [] }, payments: [] }),
};

/** FNV-1a: a stable shard for each household id. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_COUNT;
}

const none: readonly never[] = Object.freeze([]);

const shardFileName = (index: number, generation: number): string => `shard-${String(index).padStart(3, '0')}-g${generation}.json`;
const SHARD_FILE = /^shard-\d{3}-g\d+\.json$/;
/** The manifest's path in the data folder (as the folder's file registry names it). */
export const LEDGER_MANIFEST_PATH = `${LEDGER_DIR}/${manifestSpec.fileName}`;

/** Every shard file a manifest names: its current shards and the ones kept for undo. */
const namesIn = (manifest: Manifest | null): Set<string> =>
  new Set([...(manifest?.shards ?? []), ...(manifest?.undo?.shards ?? [])].filter((name): name is string => !!name));

export class LedgerStore implements LedgerRepository {
  private readonly households = new Map<string, Household>();
  private readonly items = new Map<string, ArrearsItem[]>();
  private readonly payments = new Map<string, Payment[]>();
  private readonly summaries = new Map<string, ArrearsSummary>();
  private readonly members: Set<string>[] = Array.from({ length: SHARD_COUNT }, () => new Set());
  private readonly communities = new Map<string, Set<string>>();
  /** The ledger cannot be read at all (its manifest is broken or missing): nothing is shown, nothing written. */
  private loadError: StorageError | undefined;
  /** Shards that could not be read: their households are not shown and writes touching them are refused. */
  private readonly brokenShards = new Map<number, StorageError>();
  /**
   * The shard files `manifest.json.bak` names. They are kept while the backup names them, so that the recovery
   * the app advises for a broken manifest (copy the .bak over it) finds every file it needs.
   */
  private backupNames = new Set<string>();
  /** Households changed, by revision, so caches (search index, lists, the queue) know what to rebuild. */
  readonly changes = new ChangeLog();
  /** One change at a time: each builds on the manifest the previous one wrote. */
  private writeQueue: Promise<unknown> = Promise.resolve();

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.writeQueue.then(work, work);
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  private constructor(
    readonly dir: string,
    private readonly manifest: DataFile<Manifest>,
  ) {}

  /** Opens the ledger of a data folder; `registry` (the folder's file registry) tells a lost manifest from a new one. */
  static async open(dataDir: string, registry?: FileRegistry): Promise<LedgerStore> {
    const dir = path.join(dataDir, LEDGER_DIR);
    await fsp.mkdir(dir, { recursive: true });
    const manifest = await DataFile.open(dir, manifestSpec, { createMissing: false, ...(registry ? { tracked: { registry, name: LEDGER_MANIFEST_PATH } } : {}) });
    const store = new LedgerStore(dir, manifest);
    if (manifest.error) {
      store.loadError = manifest.error;
      return store;
    }
    const shardFiles = (await fsp.readdir(dir)).filter((name) => SHARD_FILE.test(name));
    const manifestOnDisk = await fsp.access(manifest.path).then(
      () => true,
      () => false,
    );
    if (!manifestOnDisk && shardFiles.length > 0) {
      store.loadError = await manifestMissingError(dir, shardFiles.length);
      return store;
    }
    store.backupNames = namesIn(await readBackupManifest(manifest.path));
    const shards = manifest.read().shards;
    await Promise.all(
      shards.map(async (name, index) => {
        if (!name) return;
        try {
          store.absorbShard(await store.readShard(name));
        } catch (error) {
          if (!(error instanceof StorageError)) throw error;
          store.brokenShards.set(index, store.brokenShardError(index, name, error));
        }
      }),
    );
    // With every shard read, files no manifest names are leftovers of interrupted writes.
    if (store.brokenShards.size === 0) await store.removeUnreferencedFiles(shardFiles);
    return store;
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /** Set when the ledger cannot be read at all. */
  get error(): StorageError | undefined {
    return this.loadError;
  }

  /** Everything wrong with the ledger's files: the whole-ledger error, or each shard that could not be read. */
  get problems(): StorageError[] {
    return this.loadError ? [this.loadError] : [...this.brokenShards.values()];
  }

  /** Why a household cannot be shown, when its shard could not be read. */
  unavailable(id: string): StorageError | undefined {
    return this.loadError ?? this.brokenShards.get(shardOf(id));
  }

  private ensureReadable(): void {
    if (this.loadError) throw this.loadError;
  }

  /** A write touching a shard that could not be read would drop its households: refused, nothing written. */
  private ensureWritable(touched: Iterable<number>): void {
    this.ensureReadable();
    for (const index of touched) {
      const broken = this.brokenShards.get(index);
      if (broken) throw new StorageError('STORAGE_INVALID', `这次改动涉及无法读取的台账分片，已拒绝，台账没有改动。${broken.message}`, broken.file);
    }
  }

  get householdCount(): number {
    return this.households.size;
  }

  allHouseholds(): IterableIterator<Household> {
    this.ensureReadable();
    return this.households.values();
  }

  household = (id: string): Household | undefined => this.households.get(id);
  // One shared empty list, so callers can tell "unchanged" by identity.
  itemsOf = (id: string): readonly ArrearsItem[] => this.items.get(id) ?? none;
  paymentsOf = (id: string): readonly Payment[] => this.payments.get(id) ?? none;
  summaryOf = (id: string): ArrearsSummary | undefined => this.summaries.get(id);
  householdIdsIn = (community: string): Iterable<string> => this.communities.get(community) ?? [];
  communityNames = (): string[] => [...this.communities.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  imports(): ImportEntry[] {
    return this.loadError ? [] : [...this.manifest.read().imports];
  }

  /** The import that can still be undone: the last change to the ledger. */
  undoableImportId(): string | null {
    return this.loadError ? null : (this.manifest.read().undo?.importId ?? null);
  }

  // ── writing ──────────────────────────────────────────────────────────────

  /**
   * Applies an import to all the shards it touches, atomically; records it for undo. The plan is computed inside
   * the write, against the ledger as it is then (a payment recorded since the preview is taken into account).
   */
  applyImport(change: ImportChange): Promise<ImportEntry> {
    return this.serialised(async () => {
      this.ensureReadable();
      const { plan, entry } = change();
      await this.applyImportNow(plan, entry);
      return { ...entry, undone: false };
    });
  }

  private async applyImportNow(plan: MergePlan, entry: Omit<ImportEntry, 'undone'>): Promise<void> {
    const touched = new Set<number>();
    for (const household of plan.households) touched.add(shardOf(household.id));
    for (const id of plan.itemsByHousehold.keys()) touched.add(shardOf(id));
    for (const payment of plan.payments) touched.add(shardOf(payment.householdId));
    const overlay = {
      households: new Map(plan.households.map((household) => [household.id, household])),
      items: plan.itemsByHousehold,
      payments: groupBy(plan.payments, (payment) => payment.householdId),
    };
    await this.commit(touched, overlay, (manifest, shards) => ({
      generation: manifest.generation + 1,
      shards,
      imports: [...manifest.imports, { ...entry, undone: false }],
      undo: { importId: entry.id, shards: manifest.shards },
    }));
  }

  /**
   * Changes one household's items and adds payments (a hand-entered payment), rewriting one shard. `change` runs
   * inside the write against the household's items as they are then: two payments at once each see the other's.
   */
  applyHouseholdChange(householdId: string, change: HouseholdChange): Promise<void> {
    return this.serialised(async () => {
      this.ensureWritable([shardOf(householdId)]);
      const { items, payments } = change(this.itemsOf(householdId));
      const overlay = { households: new Map(), items: new Map([[householdId, items]]), payments: new Map([[householdId, payments]]) };
      await this.commit(new Set([shardOf(householdId)]), overlay, (manifest, shards) => ({
        generation: manifest.generation + 1,
        shards,
        imports: manifest.imports,
        undo: null,
      }));
    });
  }

  undoImport(importId: string): Promise<void> {
    return this.serialised(() => this.undoImportNow(importId));
  }

  private async undoImportNow(importId: string): Promise<void> {
    this.ensureReadable();
    const manifest = this.manifest.read();
    if (!manifest.undo || manifest.undo.importId !== importId) {
      throw new StorageError('STORAGE_INVALID', '只能撤销最近一次导入，且导入之后台账没有其他改动（例如登记了缴费）。');
    }
    const target = manifest.undo.shards;
    const changed = target.flatMap((name, index) => (name !== manifest.shards[index] ? [index] : []));
    // Shards the undo leaves as they are must be readable, or their households would vanish from memory; a broken
    // shard the undo replaces is fine (it goes back to its readable earlier version).
    const restored = await Promise.all(changed.map(async (index) => (target[index] ? this.readShard(target[index]) : emptyShard())));
    await this.manifest.update((draft) => {
      draft.generation += 1;
      draft.shards = target;
      draft.undo = null;
      draft.imports = draft.imports.map((entry) => (entry.id === importId ? { ...entry, undone: true } : entry));
    });
    changed.forEach((index, i) => {
      this.brokenShards.delete(index);
      this.replaceShardInMemory(index, restored[i]!);
    });
    this.changes.commit();
    await this.removeFilesNoLongerNamed(manifest);
  }

  // ── internals ────────────────────────────────────────────────────────────

  private async commit(
    touched: Set<number>,
    overlay: { households: Map<string, Household>; items: Map<string, ArrearsItem[]>; payments: Map<string, Payment[]> },
    nextManifest: (manifest: Manifest, shards: (string | null)[]) => Manifest,
  ): Promise<void> {
    this.ensureWritable(touched);
    const manifest = this.manifest.read();
    const generation = manifest.generation + 1;
    const shards = [...manifest.shards];
    const built = new Map<number, ShardData>();
    const incoming = new Map<number, Set<string>>();
    for (const id of [...overlay.households.keys(), ...overlay.items.keys()]) {
      const index = shardOf(id);
      let ids = incoming.get(index);
      if (!ids) incoming.set(index, (ids = new Set()));
      ids.add(id);
    }
    for (const index of touched) {
      const ids = new Set([...this.members[index]!, ...(incoming.get(index) ?? [])]);
      const data: ShardData = { households: [], items: [], payments: [] };
      for (const id of ids) {
        const household = overlay.households.get(id) ?? this.households.get(id);
        if (!household) throw new Error(`household ${id} has items but no record`);
        data.households.push(household);
        data.items.push(...(overlay.items.get(id) ?? this.items.get(id) ?? []));
        data.payments.push(...(this.payments.get(id) ?? []), ...(overlay.payments.get(id) ?? []));
      }
      built.set(index, data);
      shards[index] = shardFileName(index, generation);
    }
    const files = [...built].map(([index, data]) => ({ name: shards[index]!, text: encodeDataFile(SHARD_VERSION, encodeShard(data), { compact: true }) }));
    await writeNewFilesDurably(this.dir, files);
    try {
      const next = nextManifest(manifest, shards);
      await this.manifest.update((draft) => Object.assign(draft, next));
    } catch (error) {
      await Promise.all(files.map((file) => fsp.rm(path.join(this.dir, file.name), { force: true })));
      throw error;
    }
    for (const [index, data] of built) this.replaceShardInMemory(index, data);
    this.changes.commit();
    await this.removeFilesNoLongerNamed(manifest);
  }

  private async readShard(name: string): Promise<ShardData> {
    const filePath = path.join(this.dir, name);
    let text: string;
    try {
      text = await fsp.readFile(filePath, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不见了' : `读取失败（${(error as NodeJS.ErrnoException).code ?? '未知错误'}）`;
      throw new StorageError('STORAGE_IO', `欠费台账分片 ledger/${name} 无法读取：${reason}。台账未被改动。`, `ledger/${name}`);
    }
    const { data } = decodeDataFile({ ...shardSpec, fileName: `ledger/${name}` }, text);
    return decodeShard(data);
  }

  private absorbShard(data: ShardData): void {
    for (const household of data.households) this.addHousehold(household);
    for (const item of data.items) pushTo(this.items, item.householdId, item);
    for (const payment of data.payments) pushTo(this.payments, payment.householdId, payment);
    for (const household of data.households) this.summaries.set(household.id, summarize(this.itemsOf(household.id)));
  }

  private addHousehold(household: Household): void {
    this.households.set(household.id, household);
    this.members[shardOf(household.id)]!.add(household.id);
    let community = this.communities.get(household.community);
    if (!community) this.communities.set(household.community, (community = new Set()));
    community.add(household.id);
  }

  private replaceShardInMemory(index: number, data: ShardData): void {
    for (const household of data.households) this.changes.touch(household.id);
    for (const id of this.members[index]!) {
      this.changes.touch(id);
      const household = this.households.get(id)!;
      this.communities.get(household.community)?.delete(id);
      if (this.communities.get(household.community)?.size === 0) this.communities.delete(household.community);
      this.households.delete(id);
      this.items.delete(id);
      this.payments.delete(id);
      this.summaries.delete(id);
    }
    this.members[index]!.clear();
    this.absorbShard(data);
  }

  /**
   * After a change: `previous` is now `manifest.json.bak`. Its files stay (the advised recovery copies the .bak
   * back); the files only the backup before it named go.
   */
  private async removeFilesNoLongerNamed(previous: Manifest): Promise<void> {
    const keep = new Set([...namesIn(this.manifest.read()), ...namesIn(previous)]);
    const old = [...this.backupNames].filter((name) => !keep.has(name));
    this.backupNames = namesIn(previous);
    await Promise.all(old.map((name) => fsp.rm(path.join(this.dir, name), { force: true })));
  }

  /** At open: shard files of abandoned writes, or of generations neither the manifest nor its backup names. */
  private async removeUnreferencedFiles(shardFiles: string[]): Promise<void> {
    const keep = new Set([...namesIn(this.manifest.read()), ...this.backupNames]);
    await Promise.all(shardFiles.filter((name) => !keep.has(name)).map((name) => fsp.rm(path.join(this.dir, name), { force: true })));
  }

  /** A shard that cannot be read, with what to do: the backup manifest's version of it, or a backup / re-import. */
  private brokenShardError(index: number, name: string, cause: StorageError): StorageError {
    const earlier = [...this.backupNames].find((candidate) => candidate !== name && candidate.startsWith(`shard-${String(index).padStart(3, '0')}-`));
    const recovery = earlier
      ? `恢复：关闭程序，把 ledger/manifest.json.bak 复制为 ledger/manifest.json 后重新启动（台账回到最后一次改动之前，其中的 ${earlier} 是这个分片的上一版）。`
      : '恢复：关闭程序，从备份恢复 ledger 目录（npm run cli -- backup 所做的副本）；或重新导入收费系统的台账（手工登记的缴费需要重新登记）。';
    return new StorageError(
      'STORAGE_INVALID',
      `${cause.message.replace(/。?台账未被改动。?$|。?文件未被改动。?$/, '')}。其余分片照常使用；这个分片里的房屋暂不显示，涉及它们的导入、缴费和撤销会被拒绝。${recovery}`,
      `ledger/${name}`,
    );
  }

  async health(): Promise<DataFileHealth> {
    const manifestHealth = await this.manifest.health();
    let size = 0;
    if (!this.loadError) {
      for (const name of this.manifest.read().shards) if (name) size += (await fsp.stat(path.join(this.dir, name)).catch(() => null))?.size ?? 0;
    }
    const problems = this.problems;
    return {
      ...manifestHealth,
      label: '欠费台账',
      fileName: `${LEDGER_DIR}/（${this.households.size} 户，${SHARD_COUNT} 个分片）`,
      sizeBytes: (manifestHealth.sizeBytes ?? 0) + size,
      // A ledger that has never been written (a new folder without demo data) is simply empty.
      state: problems.length > 0 ? 'error' : 'ok',
      ...(problems.length > 0 ? { error: problems.map((problem) => problem.message).join('\n') } : {}),
    };
  }
}

/** The manifest is gone but shard files are there: say so; never start an empty ledger over them. */
async function manifestMissingError(dir: string, shardFiles: number): Promise<StorageError> {
  const backup = backupPathOf(path.join(dir, manifestSpec.fileName));
  const hasBackup = await fsp.access(backup).then(
    () => true,
    () => false,
  );
  const restore = hasBackup
    ? '恢复：关闭程序，把 ledger/manifest.json.bak 复制为 ledger/manifest.json 后重新启动（台账回到最后一次改动之前）；或从备份恢复 ledger 目录。'
    : '恢复：关闭程序，从备份恢复 ledger 目录。';
  return new StorageError(
    'STORAGE_INVALID',
    `欠费台账的目录文件 ledger/manifest.json 不见了，但 ledger 目录里还有 ${shardFiles} 个台账分片文件。程序没有新建空台账，也没有删除任何文件；在恢复之前台账不可用。${restore}`,
    LEDGER_MANIFEST_PATH,
  );
}

/** What manifest.json.bak holds, or null when there is none or it cannot be read. */
async function readBackupManifest(manifestPath: string): Promise<Manifest | null> {
  try {
    return decodeDataFile(manifestSpec, await fsp.readFile(backupPathOf(manifestPath), 'utf8')).data;
  } catch {
    return null;
  }
}

function emptyShard(): ShardData {
  return { households: [], items: [], payments: [] };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) pushTo(groups, key(value), value);
  return groups;
}

