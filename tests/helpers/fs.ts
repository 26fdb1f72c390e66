import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'call-coach-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file in a directory with its size, mtime and content hash: equal snapshots mean nothing was touched. */
export function snapshotDir(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stat = statSync(file);
    if (!stat.isFile()) continue;
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    result[name] = `${stat.size}:${stat.mtimeMs}:${hash}`;
  }
  return result;
}
