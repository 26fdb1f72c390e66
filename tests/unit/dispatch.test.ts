import { describe, expect, it, vi } from 'vitest';
import { ApiError, contract, methodNames } from '../../electron/contract';
import { createBackend } from '../../electron/backend';
import { createDispatch } from '../../electron/backend/dispatch';
import { CLI_ACTOR, localActor, ROLES, type Actor, type Role } from '../../domain/roles';
import { handlers, type BackendContext, type Handlers } from '../../electron/backend/handlers';
import { snapshotDir, tempDir } from '../helpers/fs';

describe('the contract and the handler map', () => {
  it('have exactly the same methods', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });
});

describe('dispatch', () => {
  const ctx = {} as BackendContext;
  const desk = localActor('测试');

  it('answers an unknown method with NOT_FOUND', async () => {
    const dispatch = createDispatch(handlers, ctx, () => undefined);
    expect(await dispatch('nope.nothing', {}, desk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
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
    expect(await dispatch('settings.get', {}, desk)).toEqual({ ok: false, error: { code: 'STORAGE_CORRUPT', message: '坏了', file: 'settings.json' } });
    const internal = await dispatch('app.status', {}, desk);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
  });
});

describe('who may call what', () => {
  const as = (...roles: Role[]): Actor => ({ id: `u-${roles.join('-')}`, name: '甲', roles });

  it('every method names the roles that may call it, each a known role', () => {
    for (const method of methodNames) {
      expect(contract[method].access.length, method).toBeGreaterThan(0);
      for (const role of contract[method].access) expect(ROLES, method).toContain(role);
    }
  });

  it.each([
    ['an auditor recording a payment', as('auditor'), 'payments.record', { householdId: 'x|1', amountFen: 100, paidOn: '2026-11-20', channel: '微信' }],
    ['an auditor saving a call', as('auditor'), 'calls.save', {}],
    ['a steward changing team settings', as('steward'), 'teamSettings.update', {}],
    ['a steward editing the library', as('steward'), 'scripts.save', {}],
    ['a steward importing a ledger', as('steward'), 'ledger.commitImport', { jobId: 'j' }],
    ['a lead seeding demo data', as('lead'), 'ledger.seedDemo', { households: 1 }],
    ['an admin revealing a phone number', as('admin'), 'households.revealPhone', { id: 'x|1', phoneIndex: 0 }],
  ])('refuses %s with FORBIDDEN in Chinese, before the handler runs and even before validation', async (_label, actor, method, input) => {
    const handler = vi.fn(async () => 'ran');
    const dispatch = createDispatch({ ...handlers, [method]: handler } as unknown as Handlers, {} as BackendContext, () => undefined);
    const result = await dispatch(method, input, actor);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^没有权限：这项操作需要.+角色/) } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets every role read, and the desk\'s local user (every role) and the CLI do their work', async () => {
    const handler = vi.fn(async () => 'ran');
    const dispatch = createDispatch({ ...handlers, 'households.facets': handler, 'mappings.delete': handler, 'ledger.seedDemo': handler } as unknown as Handlers, {} as BackendContext, () => undefined);
    for (const role of ROLES) expect(await dispatch('households.facets', {}, as(role)), role).toEqual({ ok: true, value: 'ran' });
    expect(await dispatch('mappings.delete', { name: '旧映射' }, localActor('王敏'))).toEqual({ ok: true, value: 'ran' });
    expect(await dispatch('ledger.seedDemo', { households: 5 }, CLI_ACTOR)).toEqual({ ok: true, value: 'ran' });
  });
});

describe('the backend through dispatch', () => {
  it('saves settings and reads them back', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', version: 't', demoHouseholds: 0 });
    expect(await backend.dispatch('settings.update', { stewardName: '  王敏 ' }, backend.deskActor())).toEqual({
      ok: true,
      value: { stewardName: '王敏', companyName: '' },
    });
    expect(await backend.dispatch('settings.get', {}, backend.deskActor())).toEqual({ ok: true, value: { stewardName: '王敏', companyName: '' } });
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
    const result = await backend.dispatch('settings.update', input, backend.deskActor());
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
    const result = await backend.dispatch('app.status', {}, backend.deskActor());
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

describe('community scope in the contract', () => {
  it('every method that takes one household names the field, so dispatch can refuse a household outside the actor\'s communities', async () => {
    const { contract } = await import('../../electron/contract');
    for (const [name, spec] of Object.entries(contract)) {
      const shape = (spec.input as { shape?: Record<string, unknown>; options?: { shape: Record<string, unknown> }[] }).shape ?? (spec.input as { options?: { shape: Record<string, unknown> }[] }).options?.[0]?.shape ?? {};
      const names = 'householdId' in shape ? 'householdId' : name.startsWith('households.') && 'id' in shape ? 'id' : undefined;
      expect((spec as { household?: string }).household, name).toBe(names);
    }
  });
});
