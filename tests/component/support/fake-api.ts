import { vi } from 'vitest';
import { ApiError, type Api, type AppStatus, type Settings } from '../../../electron/contract';

export function statusFixture(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    appName: 'Call Coach 催缴通话助手',
    version: '0.1.0',
    mode: 'browser',
    dataDir: '/home/steward/.call-coach',
    startedAt: '2026-11-26T01:00:00.000Z',
    nodeVersion: '20.20.2',
    storage: {
      healthy: true,
      files: [
        { id: 'settings', label: '本机设置', fileName: 'settings.json', schemaVersion: 1, state: 'ok', sizeBytes: 120, modifiedAt: '2026-11-26T01:00:00.000Z' },
      ],
    },
    ...overrides,
  };
}

/** An in-memory Api: settings round-trip, with the same length rule as the backend. */
export function fakeApi(status: AppStatus = statusFixture()) {
  let settings: Settings = { stewardName: '', companyName: '' };
  const api = {
    'app.status': vi.fn(async () => status),
    'settings.get': vi.fn(async () => settings),
    'settings.update': vi.fn(async (patch: Partial<Settings>) => {
      if ((patch.stewardName ?? '').length > 20) {
        throw new ApiError({
          code: 'VALIDATION',
          message: '请求内容有误：stewardName：字符串太长',
          issues: [{ path: 'stewardName', message: '字符串太长' }],
        });
      }
      settings = { ...settings, ...patch };
      return settings;
    }),
  } satisfies Api;
  return api;
}
