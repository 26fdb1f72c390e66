import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, LOCK_FILE_NAME, processStartOf } from '../../electron/backend/json-storage/dir-lock';
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

describe('acquireDirLock with a lock naming a live process', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  /** A live process that is not ours: stands in for whatever program got the pid after a restart. */
  function liveChild(): number {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  }

  function writeLock(dir: string, owner: Record<string, unknown>): string {
    const lockPath = path.join(dir, LOCK_FILE_NAME);
    writeFileSync(lockPath, JSON.stringify({ hostname: os.hostname(), purpose: '桌面程序', ...owner }));
    return lockPath;
  }

  function lockedError(dir: string): Error & { code: string } {
    try {
      acquireDirLock(dir, 'new').release();
    } catch (error) {
      return error as Error & { code: string };
    }
    throw new Error('the lock was taken over');
  }

  const canTell = process.platform !== 'win32';

  it.runIf(canTell)('knows when a process started: the same token for the same process, another for another', () => {
    const pid = liveChild();
    const start = processStartOf(pid);
    expect(start?.token).toMatch(/^[a-z]+:.+/);
    expect(processStartOf(pid)).toEqual(start);
    expect(processStartOf(process.pid)?.token).not.toBe(start?.token);
    expect(Math.abs(Date.parse(start!.at!) - Date.now())).toBeLessThan(5 * 60_000);
  });

  it.runIf(canTell)('takes over a lock whose pid now belongs to a process that started at another time (pid reused)', () => {
    const dir = tempDir();
    const pid = liveChild();
    const real = processStartOf(pid)!;
    const lockPath = writeLock(dir, { pid, startedAt: '2026-01-01T09:00:00+08:00', processStart: { ...real, token: `${real.token}1` } });
    const lock = acquireDirLock(dir, 'new');
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'new', processStart: processStartOf(process.pid) });
    lock.release();
  });

  it.runIf(canTell)('refuses a lock whose process is the one that took it, naming the pid, purpose and lock file', () => {
    const dir = tempDir();
    const pid = liveChild();
    const lockPath = writeLock(dir, { pid, startedAt: '2026-03-10T09:30:00+08:00', processStart: processStartOf(pid) });
    const error = lockedError(dir);
    expect(error.code).toBe('STORAGE_LOCKED');
    expect(error.message).toContain(`PID ${pid}`);
    expect(error.message).toContain('桌面程序');
    expect(error.message).toContain(lockPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(pid);
  });

  it('takes over a lock of a dead pid that recorded its start', () => {
    const dir = tempDir();
    const lockPath = writeLock(dir, { pid: deadPid(), startedAt: '2026-03-10T09:30:00+08:00', processStart: { token: 'linux:boot:1', at: null } });
    acquireDirLock(dir, 'new').release();
    expect(existsSync(lockPath)).toBe(false);
  });

  describe('an old lock file (no process start recorded)', () => {
    it.runIf(canTell)('is taken over when the live pid’s process started well after the lock was taken', () => {
      const dir = tempDir();
      writeLock(dir, { pid: liveChild(), startedAt: '2020-01-01T00:00:00Z' });
      acquireDirLock(dir, 'new').release();
    });

    it('is refused when it cannot be judged, saying how to clear it', () => {
      const dir = tempDir();
      const pid = liveChild();
      const lockPath = writeLock(dir, { pid, startedAt: new Date(Date.now() + 3600_000).toISOString() });
      const error = lockedError(dir);
      expect(error.code).toBe('STORAGE_LOCKED');
      expect(error.message).toContain(`PID ${pid}`);
      expect(error.message).toContain('桌面程序');
      expect(error.message).toContain('启动于');
      expect(error.message).toContain(`请删除文件 ${lockPath}`);
    });
  });

  it('refuses a lock taken on another computer (a shared folder), saying how to clear it', () => {
    const dir = tempDir();
    const lockPath = writeLock(dir, { pid: process.pid, hostname: 'another-desk', startedAt: '2026-03-10T09:30:00+08:00' });
    const error = lockedError(dir);
    expect(error.message).toContain('another-desk');
    expect(error.message).toContain(`请删除文件 ${lockPath}`);
  });
});
