import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataFile, decodeDataFile, encodeDataFile, type DataFileSpec } from '../../electron/backend/json-storage/data-file';
import { StorageError } from '../../electron/backend/json-storage/storage-error';
import { snapshotDir, tempDir } from '../helpers/fs';

const notesSchema = z.object({ title: z.string(), count: z.number().int().min(0) });
type Notes = z.infer<typeof notesSchema>;

const spec: DataFileSpec<Notes> = {
  id: 'notes',
  label: '测试',
  fileName: 'notes.json',
  version: 2,
  schema: notesSchema,
  defaults: () => ({ title: '', count: 0 }),
  // v1 stored { name }, v2 renamed it to title and added count.
  migrations: { 1: (data) => ({ title: (data as { name: string }).name, count: 0 }) },
};

function storageError(fn: () => unknown): StorageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('expected a StorageError');
}

describe('decodeDataFile', () => {
  it('round-trips what encodeDataFile writes', () => {
    const text = encodeDataFile(2, { title: 'a', count: 3 });
    expect(decodeDataFile(spec, text)).toEqual({ data: { title: 'a', count: 3 } });
  });

  it('names the line and column of a syntax error', () => {
    const error = storageError(() => decodeDataFile(spec, '{\n "schemaVersion": 2,\n "data": {"title": }\n}'));
    expect(error.code).toBe('STORAGE_CORRUPT');
    expect(error.message).toContain('notes.json');
    expect(error.message).toMatch(/第 3 行第 \d+ 列/);
    expect(error.file).toBe('notes.json');
  });

  it('says a truncated file is incomplete', () => {
    const error = storageError(() => decodeDataFile(spec, encodeDataFile(2, { title: 'a', count: 1 }).slice(0, 20)));
    expect(error.code).toBe('STORAGE_CORRUPT');
  });

  it('rejects a file without the envelope', () => {
    expect(storageError(() => decodeDataFile(spec, '{"title":"a"}')).code).toBe('STORAGE_INVALID');
  });

  it('names the offending field of a file that does not validate', () => {
    const error = storageError(() => decodeDataFile(spec, encodeDataFile(2, { title: 'a', count: -1 })));
    expect(error.code).toBe('STORAGE_INVALID');
    expect(error.message).toContain('count');
    expect(error.issues?.[0]?.path).toBe('count');
  });

  it('refuses a file written by a newer version', () => {
    const error = storageError(() => decodeDataFile(spec, encodeDataFile(3, { title: 'a', count: 1 })));
    expect(error.code).toBe('STORAGE_VERSION');
    expect(error.message).toContain('更新版本');
  });

  it('migrates an older version step by step', () => {
    expect(decodeDataFile(spec, encodeDataFile(1, { name: 'old' }))).toEqual({ data: { title: 'old', count: 0 }, migratedFrom: 1 });
  });

  it('refuses an old version with no migration', () => {
    expect(storageError(() => decodeDataFile(spec, encodeDataFile(0, {}))).code).toBe('STORAGE_VERSION');
  });
});

describe('DataFile', () => {
  it('creates a missing file with the defaults', async () => {
    const dir = tempDir();
    const file = await DataFile.open(dir, spec);
    expect(file.read()).toEqual({ title: '', count: 0 });
    expect(JSON.parse(readFileSync(path.join(dir, 'notes.json'), 'utf8'))).toMatchObject({ schemaVersion: 2, data: { title: '', count: 0 } });
    expect((await file.health()).state).toBe('ok');
  });

  it('applies updates durably and reopens them', async () => {
    const dir = tempDir();
    const file = await DataFile.open(dir, spec);
    await file.update((draft) => {
      draft.count = 5;
    });
    const reopened = await DataFile.open(dir, spec);
    expect(reopened.read().count).toBe(5);
  });

  it('serialises concurrent updates so none is lost', async () => {
    const dir = tempDir();
    const file = await DataFile.open(dir, spec);
    await Promise.all(Array.from({ length: 20 }, () => file.update((draft) => void (draft.count += 1))));
    expect(file.read().count).toBe(20);
    expect((await DataFile.open(dir, spec)).read().count).toBe(20);
  });

  it('rejects an update that breaks the schema and keeps memory and disk as they were', async () => {
    const dir = tempDir();
    const file = await DataFile.open(dir, spec);
    await file.update((draft) => void (draft.count = 2));
    const before = snapshotDir(dir);
    await expect(file.update((draft) => void (draft.count = -5))).rejects.toThrow();
    expect(file.read().count).toBe(2);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('reports a corrupt file, refuses writes, and never touches it', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'notes.json');
    writeFileSync(target, '{"schemaVersion": 2, "data": {"title": "x", ');
    const before = snapshotDir(dir);
    const file = await DataFile.open(dir, spec);
    expect(file.error?.code).toBe('STORAGE_CORRUPT');
    expect(() => file.read()).toThrow(StorageError);
    await expect(file.update((draft) => void (draft.count = 1))).rejects.toMatchObject({ code: 'STORAGE_CORRUPT' });
    const health = await file.health();
    expect(health.state).toBe('error');
    expect(health.error).toContain('notes.json');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('migrates an old file on open and keeps the original beside it', async () => {
    const dir = tempDir();
    const original = encodeDataFile(1, { name: '旧数据' });
    writeFileSync(path.join(dir, 'notes.json'), original);
    const file = await DataFile.open(dir, spec);
    expect(file.read()).toEqual({ title: '旧数据', count: 0 });
    expect(readFileSync(path.join(dir, 'notes.json.v1.bak'), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(path.join(dir, 'notes.json'), 'utf8')).schemaVersion).toBe(2);
  });

  it('clears temp files of a killed writer on open', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.json.77-dead.tmp'), 'partial');
    await DataFile.open(dir, spec);
    expect(existsSync(path.join(dir, 'notes.json.77-dead.tmp'))).toBe(false);
  });
});

describe('recovery hints for a broken file', () => {
  it('points to the kept previous copy when there is one', async () => {
    const dir = tempDir();
    const file = await DataFile.open(dir, spec);
    await file.update((draft) => void (draft.count = 1));
    await file.update((draft) => void (draft.count = 2));
    writeFileSync(path.join(dir, 'notes.json'), '{ broken');
    const reopened = await DataFile.open(dir, spec);
    expect(reopened.error?.message).toContain('notes.json.bak');
    expect(decodeDataFile(spec, readFileSync(path.join(dir, 'notes.json.bak'), 'utf8')).data.count).toBe(1);
  });

  it('says what to do when there is no copy', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.json'), '{ broken');
    const file = await DataFile.open(dir, spec);
    expect(file.error?.message).toContain('修复或移走 notes.json');
    expect(file.error?.message).not.toContain('.bak');
  });
});
