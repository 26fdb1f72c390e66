import { mkdirSync } from 'node:fs';
import type { DataFileHealth } from '../../contract';
import { DataFile, type DataFileSpec } from './data-file';
import { dataFileSpecs, type DataFileId } from './data-files';
import { acquireDirLock, type DirLock } from './dir-lock';
import { FileRegistry } from './file-registry';
import { StorageError } from './storage-error';

type SpecData<S> = S extends DataFileSpec<infer T> ? T : never;
type Files = { [K in DataFileId]: DataFile<SpecData<(typeof dataFileSpecs)[K]>> };

/** Every data file of one data directory, opened under the directory's single-writer lock. */
export class DataStore {
  private constructor(
    readonly dataDir: string,
    /** The files this folder has held: one that goes missing is reported, never recreated. */
    readonly registry: FileRegistry,
    private readonly files: Files,
    private readonly lock: DirLock,
  ) {}

  static async open(dataDir: string, purpose: string): Promise<DataStore> {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new StorageError('STORAGE_IO', `无法创建数据目录 ${dataDir}：${(error as Error).message}`);
    }
    const lock = acquireDirLock(dataDir, purpose);
    try {
      const registry = await FileRegistry.open(dataDir);
      const entries = await Promise.all(
        Object.entries(dataFileSpecs).map(
          async ([id, spec]) => [id, await DataFile.open(dataDir, spec as DataFileSpec<unknown>, { tracked: { registry, name: spec.fileName } })] as const,
        ),
      );
      return new DataStore(dataDir, registry, Object.fromEntries(entries) as unknown as Files, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  file<K extends DataFileId>(id: K): Files[K] {
    return this.files[id];
  }

  /** Files that failed to open, with the reason. */
  get problems(): StorageError[] {
    return [this.registry, ...Object.values(this.files)].flatMap((file) => (file.error ? [file.error] : []));
  }

  health(): Promise<DataFileHealth[]> {
    return Promise.all([...Object.values(this.files).map((file) => file.health()), this.registry.health()]);
  }

  close(): void {
    this.lock.release();
  }
}
