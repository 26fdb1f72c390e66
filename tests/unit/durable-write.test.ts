import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupPathOf, removeStaleTempFiles, writeFileDurably } from '../../electron/backend/json-storage/durable-write';
import { tempDir } from '../helpers/fs';

describe('writeFileDurably', () => {
  it('writes the file and leaves no temp file behind', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.json');
    await writeFileDurably(target, 'one');
    expect(readFileSync(target, 'utf8')).toBe('one');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('keeps the previous good copy as .bak on each replacement', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.json');
    await writeFileDurably(target, 'one');
    await writeFileDurably(target, 'two');
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readFileSync(backupPathOf(target), 'utf8')).toBe('one');
    await writeFileDurably(target, 'three');
    expect(readFileSync(backupPathOf(target), 'utf8')).toBe('two');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('can skip the backup', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.json');
    await writeFileDurably(target, 'one', { backup: false });
    await writeFileDurably(target, 'two', { backup: false });
    expect(existsSync(backupPathOf(target))).toBe(false);
  });

  it('leaves the old file intact when the write cannot complete', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.json');
    await writeFileDurably(target, 'old');
    await expect(writeFileDurably(path.join(dir, 'missing-dir', 'a.json'), 'new')).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('removes temp files a killed writer left behind, and only those', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'a.json');
    writeFileSync(target, 'keep');
    writeFileSync(`${target}.123-abcd.tmp`, 'half');
    writeFileSync(`${target}.bak.9-ffff.tmp`, 'half');
    writeFileSync(path.join(dir, 'b.json.1-aaaa.tmp'), 'other file');
    const removed = await removeStaleTempFiles(target);
    expect(removed.sort()).toEqual(['a.json.123-abcd.tmp', 'a.json.bak.9-ffff.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json.1-aaaa.tmp']);
  });
});
