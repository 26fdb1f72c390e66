/**
 * Crash-safe file replacement: the target path always holds either the old or the new complete file.
 *
 * 1. write the new text to a unique temp file beside the target and fsync it;
 * 2. keep the current good copy as `<target>.bak` (a hard link, made under a temp name and renamed,
 *    so the backup too is always whole);
 * 3. rename the temp file over the target (atomic on POSIX and NTFS);
 * 4. fsync the directory so the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export const backupPathOf = (target: string): string => `${target}.bak`;

const TEMP_SUFFIX = '.tmp';

function tempPathFor(target: string): string {
  return `${target}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; the rename is already durable there.
    if (!isErrno(error, 'EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}

async function keepBackup(target: string): Promise<void> {
  const staging = tempPathFor(backupPathOf(target));
  try {
    await fsp.link(target, staging);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return; // first write: nothing to keep
    if (!isErrno(error, 'EPERM', 'EXDEV', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK')) throw error;
    await fsp.copyFile(target, staging); // file systems without hard links
  }
  await fsp.rename(staging, backupPathOf(target));
}

export async function writeFileDurably(target: string, text: string, options: { backup?: boolean } = {}): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await fsp.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.backup !== false) await keepBackup(target);
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(path.dirname(target));
}

/**
 * Several new files (names not in use yet) written durably, in parallel, with one directory fsync at the
 * end: for snapshot writes such as the ledger's shards. On failure every file it wrote is removed.
 */
export async function writeNewFilesDurably(dir: string, files: { name: string; text: string }[], concurrency = 8): Promise<void> {
  const written: string[] = [];
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const target = path.join(dir, file.name);
      const temp = tempPathFor(target);
      const handle = await fsp.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(file.text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, target);
      written.push(target);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    await fsyncDirectory(dir);
  } catch (error) {
    await Promise.all(written.map((target) => fsp.rm(target, { force: true })));
    await removeStaleTempFilesIn(dir, files.map((file) => file.name));
    throw error;
  }
}

async function removeStaleTempFilesIn(dir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((name) => removeStaleTempFiles(path.join(dir, name))));
}

/** Temp files left by a writer that was killed mid-write. Only the lock holder may call this. */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX));
  await Promise.all(stale.map((name) => fsp.rm(path.join(dir, name), { force: true })));
  return stale;
}
