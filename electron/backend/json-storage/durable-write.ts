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
import { StorageError } from './storage-error';

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

/**
 * A failed write in words for the user: a full disk, a read-only folder or missing permission, with the folder.
 * Anything else stays a plain error (reported as an internal error, with the details in the log).
 */
export function writeFailure(error: unknown, dir: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StorageError('STORAGE_FULL', `磁盘空间不足：无法写入数据目录 ${dir}。这次改动没有保存，已有数据没有改动。请清理磁盘空间后重试。`);
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StorageError('STORAGE_IO', `没有权限写入数据目录 ${dir}（${code === 'EROFS' ? '磁盘是只读的' : '权限不足'}）。这次改动没有保存，已有数据没有改动。`);
  }
  if (code === 'EIO') return new StorageError('STORAGE_IO', `写入数据目录 ${dir} 时磁盘出错（EIO）。这次改动没有保存；请检查磁盘。`);
  return error;
}

/** Writes `text` to a new temp file and fsyncs it; on any failure the temp file is removed. */
async function writeTemp(temp: string, text: string): Promise<void> {
  const handle = await fsp.open(temp, 'wx', 0o600).catch(async (error: unknown) => {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  });
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

export async function writeFileDurably(target: string, text: string, options: { backup?: boolean } = {}): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await writeTemp(temp, text);
    try {
      if (options.backup !== false) await keepBackup(target);
      await fsp.rename(temp, target);
    } catch (error) {
      await fsp.rm(temp, { force: true });
      throw error;
    }
    await fsyncDirectory(path.dirname(target));
  } catch (error) {
    throw writeFailure(error, path.dirname(target));
  }
}

/**
 * Several new files (names not in use yet) written durably, in parallel, with one directory fsync at the
 * end: for snapshot writes such as the ledger's shards. On failure every file it wrote is removed.
 */
export async function writeNewFilesDurably(dir: string, files: { name: string; text: string }[], concurrency = 8): Promise<void> {
  const written: string[] = [];
  const queue = [...files];
  let failed = false;
  const worker = async () => {
    for (let file = queue.shift(); file && !failed; file = queue.shift()) {
      const target = path.join(dir, file.name);
      const temp = tempPathFor(target);
      try {
        await writeTemp(temp, file.text);
        await fsp.rename(temp, target);
      } catch (error) {
        failed = true;
        throw error;
      }
      written.push(target);
    }
  };
  // Every worker is waited for, so none is still writing when a failure is cleaned up.
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  try {
    if (failure) throw failure.reason;
    await fsyncDirectory(dir);
  } catch (error) {
    await Promise.all(written.map((target) => fsp.rm(target, { force: true })));
    await removeStaleTempFilesIn(dir, files.map((file) => file.name));
    throw writeFailure(error, dir);
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
