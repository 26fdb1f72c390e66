/**
 * The files a data folder has held (`folder.json`). A data file that has been written once and then goes
 * missing — a deleted `scripts.json`, a contact shard of legal evidence, the ledger's manifest — is reported
 * and never silently recreated with defaults: only a file the folder never had starts from its defaults.
 *
 * A file is registered after its first durable write (a crash in between leaves it present but unregistered,
 * which the next open repairs by registering what it finds). Folders from before the registry are registered
 * from the files present at their first open.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DataFileHealth } from '../../contract';
import { DataFile, type DataFileSpec } from './data-file';

export const REGISTRY_FILE_NAME = 'folder.json';

type Registry = { files: string[] };

const registrySpec: DataFileSpec<Registry> = {
  id: 'folder',
  label: '数据文件清单',
  fileName: REGISTRY_FILE_NAME,
  version: 1,
  schema: z.object({ files: z.array(z.string().min(1).max(200)).max(10_000) }),
  defaults: () => ({ files: [] }),
};

export class FileRegistry {
  /** Registered, or found present at open (saved by `saveFound`). */
  private readonly known: Set<string>;
  private unsaved = false;

  private constructor(
    readonly dataDir: string,
    private readonly file: DataFile<Registry>,
  ) {
    this.known = new Set(file.error ? [] : file.read().files);
  }

  static async open(dataDir: string): Promise<FileRegistry> {
    return new FileRegistry(dataDir, await DataFile.open(dataDir, registrySpec, { createMissing: false }));
  }

  /**
   * Whether a file (path relative to the data folder) should exist: it was written before. With a broken
   * registry nothing is known, and a missing file is treated as never written (the registry's own error says so).
   */
  expects(name: string): boolean {
    return this.known.has(name);
  }

  /** A file found present at open: remembered, and saved with the others by `saveFound`. */
  found(name: string): void {
    if (this.known.has(name)) return;
    this.known.add(name);
    this.unsaved = true;
  }

  /** After all stores opened: one durable write for the files found present but not yet registered. */
  async saveFound(): Promise<void> {
    if (!this.unsaved || this.file.error) return;
    this.unsaved = false;
    await this.file.update((draft) => {
      draft.files = [...this.known].sort();
    });
  }

  /** A file written for the first time. Durable before it returns. */
  async created(name: string): Promise<void> {
    if (this.file.error) return;
    this.known.add(name);
    this.unsaved = false;
    await this.file.update((draft) => {
      draft.files = [...this.known].sort();
    });
  }

  /** Stops expecting a file: the person confirmed it is gone for good (`cli doctor --forget`). */
  async forget(name: string): Promise<boolean> {
    if (!this.known.delete(name)) return false;
    await this.file.update((draft) => {
      draft.files = [...this.known].sort();
    });
    return true;
  }

  get error() {
    return this.file.error;
  }

  health(): Promise<DataFileHealth> {
    return this.file.health();
  }

  /** The registered files that are not on disk (for `cli doctor`). */
  async missing(): Promise<string[]> {
    const checks = await Promise.all(
      [...this.known].map(async (name) => ((await fsp.access(path.join(this.dataDir, name)).then(() => true, () => false)) ? null : name)),
    );
    return checks.filter((name): name is string => name !== null);
  }
}

/** How a data file names itself to the registry: the registry and its path relative to the data folder. */
export interface Tracked {
  registry: FileRegistry;
  name: string;
}
