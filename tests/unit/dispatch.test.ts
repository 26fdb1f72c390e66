import { describe, expect, it, vi } from 'vitest';
import { ApiError, methodNames } from '../../electron/contract';
import { createBackend } from '../../electron/backend';
import { createDispatch } from '../../electron/backend/dispatch';
import { handlers, type BackendContext, type Handlers } from '../../electron/backend/handlers';
import { snapshotDir, tempDir } from '../helpers/fs';

describe('the contract and the handler map', () => {
  it('have exactly the same methods', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });
});

describe('dispatch', () => {
  const ctx = {} as BackendContext;

  it('answers an unknown method with NOT_FOUND', async () => {
    const dispatch = createDispatch(handlers, ctx, () => undefined);
    expect(await dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('passes typed errors through and hides internal ones behind a Chinese message', async () => {
    const log = vi.fn();
    const failing = {
      ...handlers,
      'settings.get': async () => {
        throw new ApiError({ code: 'STORAGE_CORRUPT', message: '坏了', file: 'settings.json' });
      },
      'app.status': async () => {
        throw new TypeError('secret internals');
      },
    } as Handlers;
    const dispatch = createDispatch(failing, ctx, log);
    expect(await dispatch('settings.get', {})).toEqual({ ok: false, error: { code: 'STORAGE_CORRUPT', message: '坏了', file: 'settings.json' } });
    const internal = await dispatch('app.status', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
  });
});

describe('the backend through dispatch', () => {
  it('saves settings and reads them back', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', version: 't', demoHouseholds: 0 });
    expect(await backend.dispatch('settings.update', { stewardName: '  王敏 ' })).toEqual({
      ok: true,
      value: { stewardName: '王敏', companyName: '' },
    });
    expect(await backend.dispatch('settings.get', {})).toEqual({ ok: true, value: { stewardName: '王敏', companyName: '' } });
    backend.close();
  });

  it.each([
    ['a wrong type', { stewardName: 42 }, 'stewardName'],
    ['an unknown field', { stewardName: '王', isAdmin: true }, ''],
    ['a value too long', { companyName: '物'.repeat(41) }, 'companyName'],
    ['an empty change', {}, ''],
    ['not an object', 'hello', ''],
  ])('rejects %s with a Chinese validation error and touches no file', async (_label, input, path) => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', version: 't', demoHouseholds: 0 });
    const before = snapshotDir(dir);
    const result = await backend.dispatch('settings.update', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(/^请求内容有误：/);
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(snapshotDir(dir)).toEqual(before);
    backend.close();
  });

  it('reports status with the data directory and each file', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', version: '9.9.9', demoHouseholds: 0 });
    const result = await backend.dispatch('app.status', {});
    expect(result).toMatchObject({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', dataDir: dir, storage: { healthy: true } },
    });
    if (!result.ok) return;
    const files = (result.value as { storage: { files: { id: string; state: string }[] } }).storage.files;
    expect(files.map((file) => [file.id, file.state])).toEqual([
      ['settings', 'ok'],
      ['mappings', 'ok'],
      ['scripts', 'ok'],
      ['call-draft', 'ok'],
      ['team-settings', 'ok'],
      ['folder', 'ok'],
      ['ledger', 'ok'],
      ['contacts', 'ok'],
    ]);
    backend.close();
  });
});
