/**
 * One data file: one concern, one schema, one version. Held in a lowdb `Low` with our own adapter
 * (never JSONFilePreset, which silently swaps to memory storage under NODE_ENV=test).
 *
 * On disk: `{ "schemaVersion": N, "savedAt": ISO, "data": … }`, written durably.
 * A file that does not parse or validate is reported and never overwritten: every write is refused
 * until a person repairs or restores it.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import type { DataFileHealth } from '../../contract';
import { backupPathOf, removeStaleTempFiles, writeFileDurably } from './durable-write';
import type { Tracked } from './file-registry';
import { StorageError, describeJsonSyntaxError } from './storage-error';

export interface DataFileSpec<T> {
  /** Stable id, e.g. 'settings'. */
  id: string;
  /** Chinese label for the status page. */
  label: string;
  fileName: string;
  /** Current schema version. Older files are migrated step by step on open. */
  version: number;
  schema: z.ZodType<T>;
  defaults: () => T;
  /** `migrations[n]` turns version-n data into version n+1 data. */
  migrations?: Record<number, (data: unknown) => unknown>;
}

interface OnDisk {
  schemaVersion: number;
  savedAt: string;
  data: unknown;
}

/** A zod issue list as "field: message" pairs, for the user and for details. */
function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Small files are indented for people who open them; bulk data (ledger shards) is written compact. */
export function encodeDataFile(version: number, data: unknown, options: { compact?: boolean } = {}): string {
  const onDisk: OnDisk = { schemaVersion: version, savedAt: new Date().toISOString(), data };
  return `${options.compact ? JSON.stringify(onDisk) : JSON.stringify(onDisk, null, 1)}\n`;
}

/**
 * Parses, migrates and validates a file's text. Pure apart from the spec; throws StorageError.
 * Returns the data and whether it was migrated from an older version.
 */
export function decodeDataFile<T>(spec: DataFileSpec<T>, text: string): { data: T; migratedFrom?: number } {
  const name = spec.fileName;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const where = describeJsonSyntaxError(text);
    throw new StorageError(
      'STORAGE_CORRUPT',
      `数据文件 ${name} 已损坏，无法读取（${where}）。文件未被改动。`,
      name,
    );
  }
  const header = parsed as Partial<OnDisk> | null;
  if (typeof header !== 'object' || header === null || !Number.isInteger(header.schemaVersion) || !('data' in header)) {
    throw new StorageError(
      'STORAGE_INVALID',
      `数据文件 ${name} 缺少 schemaVersion 或 data 字段，不是 Call Coach 的数据文件。文件未被改动。`,
      name,
    );
  }
  const fileVersion = header.schemaVersion as number;
  if (fileVersion > spec.version) {
    throw new StorageError(
      'STORAGE_VERSION',
      `数据文件 ${name} 由更新版本的 Call Coach 写入（结构版本 ${fileVersion}，本程序支持 ${spec.version}）。请升级程序；文件未被改动。`,
      name,
    );
  }
  let data: unknown = header.data;
  for (let version = fileVersion; version < spec.version; version += 1) {
    const migrate = spec.migrations?.[version];
    if (!migrate) {
      throw new StorageError('STORAGE_VERSION', `数据文件 ${name} 的结构版本 ${version} 无法升级（缺少迁移）。文件未被改动。`, name);
    }
    data = migrate(data);
  }
  const result = spec.schema.safeParse(data);
  if (!result.success) {
    const issues = issuesOf(result.error);
    const first = issues[0];
    const where = first ? `字段「${first.path || '（整体）'}」：${first.message}` : '';
    throw new StorageError(
      'STORAGE_INVALID',
      `数据文件 ${name} 内容不符合格式（${where}${issues.length > 1 ? ` 等 ${issues.length} 处` : ''}）。文件未被改动。`,
      name,
      issues,
    );
  }
  return fileVersion < spec.version ? { data: result.data, migratedFrom: fileVersion } : { data: result.data };
}

class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly filePath: string,
    private readonly spec: DataFileSpec<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageError('STORAGE_IO', `无法读取数据文件 ${this.spec.fileName}：${(error as Error).message}`, this.spec.fileName);
    }
    const { data, migratedFrom } = decodeDataFile(this.spec, text);
    if (migratedFrom !== undefined) {
      // Keep the pre-migration file whole, then write the migrated version.
      await fsp.copyFile(this.filePath, `${this.filePath}.v${migratedFrom}.bak`);
      await this.write(data);
    }
    return data;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.filePath, encodeDataFile(this.spec.version, data));
  }
}

const exists = (file: string): Promise<boolean> =>
  fsp.access(file).then(
    () => true,
    () => false,
  );

/** Tells the user how to get going again: from the kept previous copy when there is one. */
async function withRecoveryHint(error: StorageError, filePath: string): Promise<StorageError> {
  if (error.code !== 'STORAGE_CORRUPT' && error.code !== 'STORAGE_INVALID') return error;
  const backup = backupPathOf(filePath);
  const hint = (await exists(backup))
    ? `同目录有上一次保存的完好副本 ${path.basename(backup)}：关闭程序，用它替换 ${path.basename(filePath)} 后重新启动。`
    : `请关闭程序，修复或移走 ${path.basename(filePath)} 后重新启动（移走后该项内容将恢复为默认值）。`;
  return new StorageError(error.code, `${error.message}${hint}`, error.file, error.issues);
}

/** A file the folder held before is gone: say so, and how to get it back. Nothing is recreated in its place. */
async function missingFileError(filePath: string, name: string, label: string): Promise<StorageError> {
  const backup = backupPathOf(filePath);
  const restore = (await exists(backup))
    ? `同目录有上一次保存的副本 ${path.basename(backup)}：关闭程序，把它复制为 ${path.basename(filePath)} 后重新启动（最多少了最后一次改动）；或从备份恢复数据目录。`
    : '请关闭程序，从备份恢复这个文件后重新启动。';
  return new StorageError(
    'STORAGE_INVALID',
    `数据文件 ${name}（${label}）不见了：它以前保存过内容，程序没有用默认内容替换它，涉及它的改动会被拒绝。${restore}` +
      `如果确认其中的内容不再需要，运行 npm run cli -- doctor --forget ${name} 后重新启动，它会从默认内容重新开始。`,
    name,
  );
}

export class DataFile<T> {
  readonly path: string;
  private readonly low: Low<T>;
  private openError: StorageError | undefined;
  /** Whether the file has been written (by us or before): the first write registers it. */
  private onDisk = false;
  /** Serialises writes to this file (lowdb itself would interleave them). */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    dir: string,
    readonly spec: DataFileSpec<T>,
    private readonly tracked: Tracked | undefined,
  ) {
    this.path = path.join(dir, spec.fileName);
    // Messages name the file by its place in the data folder (contacts/shard-042.json) where it is known.
    this.low = new Low<T>(new DurableJsonAdapter(this.path, tracked ? { ...spec, fileName: tracked.name } : spec), spec.defaults());
  }

  /**
   * Opens the file. A missing one is created with defaults, or with `createMissing: false` only on the
   * first update (for sharded data, where most shards may stay empty) — unless the folder's registry says it
   * was written before: then it is reported missing, never recreated. Content problems are recorded, not thrown.
   */
  static async open<T>(dir: string, spec: DataFileSpec<T>, options: { createMissing?: boolean; tracked?: Tracked } = {}): Promise<DataFile<T>> {
    const file = new DataFile(dir, spec, options.tracked);
    const tracked = options.tracked;
    await removeStaleTempFiles(file.path);
    try {
      const existing = await file.low.adapter.read();
      if (existing !== null) {
        file.low.data = existing;
        file.onDisk = true;
        tracked?.registry.found(tracked.name);
      } else if (tracked?.registry.expects(tracked.name)) {
        file.openError = await missingFileError(file.path, tracked.name, spec.label);
      } else if (options.createMissing !== false) {
        await file.low.write();
        await file.markWritten();
      }
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      if (error.code !== 'STORAGE_IO') {
        file.onDisk = true;
        tracked?.registry.found(tracked.name);
      }
      file.openError = await withRecoveryHint(error, file.path);
    }
    return file;
  }

  private async markWritten(): Promise<void> {
    if (this.onDisk) return;
    this.onDisk = true;
    if (this.tracked) await this.tracked.registry.created(this.tracked.name);
  }

  get error(): StorageError | undefined {
    return this.openError;
  }

  /** The current data. Throws the open error for a broken file. */
  read(): Readonly<T> {
    if (this.openError) throw this.openError;
    return this.low.data;
  }

  /**
   * Applies a change: the mutator works on a copy, the result is validated, written durably, and only then
   * becomes the current data. A failed write leaves both memory and disk as they were. Checks that guard the
   * write belong in the mutator: it runs against the data being written, one write at a time, so two racing
   * requests cannot both pass (a throw from it writes nothing).
   */
  update(mutate: (draft: T) => void): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.openError) throw this.openError;
      const draft = structuredClone(this.low.data);
      mutate(draft);
      const next = this.spec.schema.parse(draft);
      await this.low.adapter.write(next);
      this.low.data = next;
      await this.markWritten();
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async health(): Promise<DataFileHealth> {
    const stat = await fsp.stat(this.path).catch(() => null);
    return {
      id: this.spec.id,
      label: this.spec.label,
      fileName: this.spec.fileName,
      schemaVersion: this.spec.version,
      state: this.openError ? 'error' : stat ? 'ok' : 'missing',
      sizeBytes: stat?.size ?? null,
      modifiedAt: stat?.mtime.toISOString() ?? null,
      ...(this.openError ? { error: this.openError.message } : {}),
    };
  }
}
