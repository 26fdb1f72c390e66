import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, LOCK_FILE_NAME } from '../../electron/backend/storage/dir-lock';
import { tempDir } from '../helpers/fs';

/** A pid that surely does not exist: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']);
  return Number(child.stdout.toString().trim());
}

describe('acquireDirLock', () => {
  it('refuses a second writer while the first holds the lock, and says who holds it', () => {
    const dir = tempDir();
    const lock = acquireDirLock(dir, '浏览器模式');
    expect(() => acquireDirLock(dir, '桌面程序')).toThrow(expect.objectContaining({ code: 'STORAGE_LOCKED' }));
    try {
      acquireDirLock(dir, '桌面程序');
    } catch (error) {
      expect((error as Error).message).toContain(String(process.pid));
      expect((error as Error).message).toContain('浏览器模式');
    }
    lock.release();
  });

  it('is free again after release, and release removes the lock file', () => {
    const dir = tempDir();
    acquireDirLock(dir, 'a').release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    acquireDirLock(dir, 'b').release();
  });

  it('takes over a stale lock left by a process that died', () => {
    const dir = tempDir();
    const lockPath = path.join(dir, LOCK_FILE_NAME);
    writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', purpose: 'old' }));
    const lock = acquireDirLock(dir, 'new');
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a half-written lock file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), '{"pid": 12');
    acquireDirLock(dir, 'new').release();
  });
});
