/**
 * Single writer per data directory: lowdb corrupts files under two writers. The lock is a file created
 * with O_EXCL holding the owner: host name, pid, when it took the lock and when its process started (as the OS
 * tells it). A lock is taken over when its process is gone, or when its pid now belongs to a process that started at
 * another time (the pid was reused, typically after a restart). A lock that cannot be judged is refused with a
 * message that says how to clear it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shanghaiTimestamp } from '../../../domain/clock';
import { StorageError } from './storage-error';

export const LOCK_FILE_NAME = '.call-coach.lock';

/** When a process started, as the OS tells it. */
export interface ProcessStart {
  /** Identifies this start exactly; `<source>:<value>`, compared only with a token of the same source. */
  token: string;
  /** The wall-clock time of the start (+08:00), for people and for judging old lock files; null when unknown. */
  at: string | null;
}

interface LockOwner {
  pid: number;
  hostname: string;
  /** When the lock was taken. */
  startedAt: string;
  purpose: string;
  /** The owning process's start; null where the OS cannot tell (Windows); absent in lock files of older versions. */
  processStart?: ProcessStart | null;
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

/** Linux reports times in /proc in USER_HZ, 100 on every mainstream architecture. */
const USER_HZ = 100;

/**
 * An old lock file (no process start recorded) is stale when the pid's process started this long after the lock
 * was taken: its owner started before it took the lock. Generous, so that a clock step cannot make a live lock stale.
 */
const OLD_LOCK_MARGIN_MS = 10 * 60_000;

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Linux: `/proc/<pid>/stat` field 22 (starttime, clock ticks since boot), the boot id, and `/proc/stat` btime. */
function linuxProcessStart(pid: number): ProcessStart | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 (the command) is in parentheses and may hold spaces: count from the last ')', which ends field 2.
  const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
  if (!ticks || !/^\d+$/.test(ticks)) return null;
  const btime = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '')?.[1];
  const boot = readText('/proc/sys/kernel/random/boot_id')?.trim() || btime;
  if (!boot) return null;
  const at = btime ? shanghaiTimestamp(new Date((Number(btime) + Number(ticks) / USER_HZ) * 1000)) : null;
  return { token: `linux:${boot}:${ticks}`, at };
}

/** macOS and other Unixes: `ps -o lstart=`, printed in UTC so that the text does not depend on the time zone. */
function psProcessStart(pid: number): ProcessStart | null {
  const result = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    timeout: 5000,
  });
  const lstart = result.status === 0 ? result.stdout.trim().replace(/\s+/g, ' ') : '';
  if (!lstart) return null;
  const parsed = new Date(`${lstart} UTC`);
  return { token: `ps:${lstart}`, at: Number.isNaN(parsed.getTime()) ? null : shanghaiTimestamp(parsed) };
}

/** The start of process `pid`, or null when the OS does not tell (Windows, or no such process). */
export function processStartOf(pid: number): ProcessStart | null {
  if (process.platform === 'win32') return null; // no start time without native code or a slow PowerShell call
  if (process.platform === 'linux') return linuxProcessStart(pid) ?? psProcessStart(pid);
  return psProcessStart(pid);
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
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner | null;
    return owner && Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
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

type Verdict = 'stale' | 'live' | 'unknown';

const tokenSource = (token: string): string => token.slice(0, token.indexOf(':'));

/** Whether a process that started at `processAt` started clearly after the lock was taken at `lockedAt`. */
function startedAfterLock(processAt: string | null, lockedAt: string): boolean {
  const started = processAt ? Date.parse(processAt) : NaN;
  const locked = Date.parse(lockedAt);
  return started - locked > OLD_LOCK_MARGIN_MS; // false when either is unknown (NaN)
}

/** Whether the process now running under the lock's pid is the one that took the lock. */
function judgeLivePid(recorded: ProcessStart | null | undefined, startedAt: string, current: ProcessStart | null): Verdict {
  if (!current) return 'unknown';
  if (recorded?.token) {
    if (tokenSource(recorded.token) !== tokenSource(current.token)) return 'unknown';
    return recorded.token === current.token ? 'live' : 'stale';
  }
  // A lock file from an older version records no process start: only a process younger than the lock is surely not its owner.
  return startedAfterLock(current.at, startedAt) ? 'stale' : 'unknown';
}

function judge(owner: LockOwner | null): Verdict {
  if (!owner) return 'stale';
  if (owner.hostname !== os.hostname()) return 'unknown'; // another computer (a shared folder): its processes are not ours to see
  if (!isProcessAlive(owner.pid)) return 'stale';
  return judgeLivePid(owner.processStart, owner.startedAt, processStartOf(owner.pid));
}

/** `2026-03-10 09:30:00` (Asia/Shanghai) for a recorded timestamp; the text as it is when it does not parse. */
function displayTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : shanghaiTimestamp(new Date(time)).slice(0, 19).replace('T', ' ');
}

function lockedMessage(dataDir: string, lockPath: string, owner: LockOwner, verdict: Verdict): string {
  const elsewhere = owner.hostname === os.hostname() ? '' : `，在计算机 ${owner.hostname} 上`;
  const since = displayTime(owner.processStart?.at ?? owner.startedAt);
  const head =
    `数据目录 ${dataDir} 正被另一个 Call Coach 程序使用（PID ${owner.pid}，${owner.purpose}，启动于 ${since}${elsewhere}；` +
    `锁文件 ${lockPath}）。同一数据目录只能由一个程序写入。`;
  if (verdict === 'live') return `${head}请先关闭那个程序，再重新启动。`;
  return (
    `${head}无法确认 PID ${owner.pid} 是否仍是那个程序。请先关闭那个程序；` +
    `如果它并没有在运行（例如电脑重启后这个编号已分给了别的程序），请删除文件 ${lockPath}，再重新启动。`
  );
}

function heldLock(lockPath: string): DirLock {
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

export function acquireDirLock(dataDir: string, purpose: string): DirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: shanghaiTimestamp(),
    purpose,
    processStart: processStartOf(process.pid),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(lockPath, owner)) return heldLock(lockPath);
    const current = readOwner(lockPath);
    const verdict = judge(current);
    if (current && verdict !== 'stale') throw new StorageError('STORAGE_LOCKED', lockedMessage(dataDir, lockPath, current, verdict));
    rmSync(lockPath, { force: true });
  }
  throw new StorageError('STORAGE_LOCKED', `无法获得数据目录 ${dataDir} 的锁（锁文件 ${lockPath}）。`);
}
