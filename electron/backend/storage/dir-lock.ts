/**
 * Single writer per data directory: lowdb corrupts files under two writers. The lock is a file created
 * with O_EXCL holding the owner's pid; a lock whose process is gone (same host) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorageError } from './storage-error';

export const LOCK_FILE_NAME = '.call-coach.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  purpose: string;
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return null; // vanished, or half-written by a writer that died: treat as stale
  }
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new StorageError('STORAGE_IO', `无法在数据目录创建锁文件 ${lockPath}：${(error as Error).message}`);
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

export function acquireDirLock(dataDir: string, purpose: string): DirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), purpose };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(lockPath, owner)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        if (readOwner(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return { path: lockPath, release };
    }
    const current = readOwner(lockPath);
    const stale = !current || (current.hostname === owner.hostname && !isProcessAlive(current.pid));
    if (!stale) {
      throw new StorageError(
        'STORAGE_LOCKED',
        `数据目录 ${dataDir} 正被另一个 Call Coach 进程使用（PID ${current.pid}，${current.purpose}，启动于 ${current.startedAt}）。` +
          '同一数据目录只能由一个程序写入；请先关闭那个程序。',
      );
    }
    rmSync(lockPath, { force: true });
  }
  throw new StorageError('STORAGE_LOCKED', `无法获得数据目录 ${dataDir} 的锁。`);
}
