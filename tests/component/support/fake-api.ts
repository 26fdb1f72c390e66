import { vi } from 'vitest';
import { ApiError, type Api, type AppStatus, type CallDraft, type CallStart, type HouseholdHit, type HouseholdRecord, type ScriptEntry, type Settings } from '../../../electron/contract';
import { defaultTeamSettings } from '../../../domain/follow-up-rules';

export const hitFixture = (overrides: Partial<HouseholdHit> = {}): HouseholdHit => ({
  id: '观山水|8-2-1203',
  community: '观山水',
  roomLabel: '8栋2单元1203',
  ownerName: '欧阳澜',
  owedFen: 261_900,
  monthsOverdue: 2,
  matched: 'initials',
  phoneMasked: null,
  ...overrides,
});

/** A month without repair revisits due (今日跟进's header shows nothing). */
export const noRevisits = (day: string) => ({ month: day.slice(0, 7), due: 0, onTime: 0, late: 0, missing: 0 });

export const recordFixture = (): HouseholdRecord => ({
  billedPercent: 100,
  household: {
    id: '观山水|8-2-1203',
    community: '观山水',
    building: '8',
    unit: '2',
    room: '1203',
    roomKey: '8-2-1203',
    roomLabel: '8栋2单元1203',
    kind: '住宅',
    occupied: true,
    custody: false,
    ownerName: '欧阳澜',
    payers: [],
    phones: [{ index: 0, masked: '100****5678' }],
  },
  summary: { owedFen: 261_900, lateFeeFen: 1_230, monthsOverdue: 2, earliestUnpaid: '2025-09-01', unpaidItems: 3 },
  items: [
    { householdId: '观山水|8-2-1203', feeType: '物业费', periodStart: '2025-10-01', periodEnd: '2025-10-31', dueFen: 123_450, paidFen: 0, lateFeeFen: 0, dueDate: null },
    { householdId: '观山水|8-2-1203', feeType: '停车费', periodStart: '2025-10-01', periodEnd: '2025-10-31', dueFen: 20_000, paidFen: 5_000, lateFeeFen: 0, dueDate: null },
    { householdId: '观山水|8-2-1203', feeType: '物业费', periodStart: '2025-09-01', periodEnd: '2025-09-30', dueFen: 123_450, paidFen: 0, lateFeeFen: 1_230, dueDate: '2025-10-15' },
  ],
  payments: [],
  contacts: [],
  phoneAccess: [],
  promises: [],
  grievances: [],
  followUps: [],
  queueActions: [],
  collectionPause: null,
  ownerType: { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' },
  otherUnits: [],
});

/** What calls.start answers for the fixture household. */
export const callStartFixture = (overrides: Partial<CallStart> = {}): CallStart => ({
  callId: 'call-1',
  householdId: '观山水|8-2-1203',
  startedAt: '2026-11-26T10:00:00+08:00',
  purpose: 'collection',
  followUpId: null,
  overridden: null,
  ownerType: { type: 'A', because: '欠费 2 个月，没有拒缴、异议或困难的记录' },
  ...overrides,
});

/** The ledger side: one household, searchable; anything else is empty. */
function ledgerMethods() {
  const notHere = async () => {
    throw new ApiError({ code: 'NOT_FOUND', message: '测试中不可用' });
  };
  return {
    'households.facets': vi.fn(async () => ({ communities: [], households: 1, owingHouseholds: 1, owedFen: 261_900 })),
    'households.list': vi.fn(async () => ({ total: 0, totalOwedFen: 0, rows: [] })),
    'households.search': vi.fn(async ({ query }: { query: string }) => ({
      hits: query ? [hitFixture(), hitFixture({ id: '观山水|8-2-1204', roomLabel: '8栋2单元1204', ownerName: '欧阳青', owedFen: 0 })] : [],
    })),
    'households.get': vi.fn(async () => recordFixture()),
    'households.revealPhone': vi.fn(async () => ({ phone: '10012345678' })),
    'payments.record': vi.fn(async () => recordFixture()),
    'ledger.uploadStart': vi.fn(notHere),
    'ledger.uploadChunk': vi.fn(notHere),
    'ledger.cancelUpload': vi.fn(async () => ({ cancelled: true })),
    'ledger.previewImport': vi.fn(notHere),
    'ledger.importStatus': vi.fn(notHere),
    'ledger.commitImport': vi.fn(notHere),
    'ledger.cancelImport': vi.fn(async () => ({ cancelled: true })),
    'ledger.imports': vi.fn(async () => ({ entries: [], undoableId: null })),
    'ledger.undoImport': vi.fn(notHere),
    'ledger.exportArrears': vi.fn(notHere),
    'ledger.seedDemo': vi.fn(notHere),
    'storage.forgetMissingFile': vi.fn(notHere),
    'mappings.list': vi.fn(async () => ({ mappings: [] })),
    'mappings.save': vi.fn(async () => ({ mappings: [] })),
    'mappings.delete': vi.fn(async () => ({ mappings: [] })),
    'scripts.list': vi.fn(async () => ({ entries: [] as ScriptEntry[] })),
    'scripts.save': vi.fn(notHere),
    'scripts.duplicate': vi.fn(notHere),
    'scripts.archive': vi.fn(notHere),
    'scripts.restore': vi.fn(notHere),
    'scripts.export': vi.fn(async () => ({ fileName: '话术库.json', content: '{}' })),
    'scripts.import': vi.fn(notHere),
    'calls.start': vi.fn(async ({ householdId, purpose, followUpId }: { householdId: string; purpose: 'collection' | 'revisit'; followUpId?: string }) =>
      callStartFixture({ householdId, purpose, followUpId: followUpId ?? null }),
    ),
    'calls.check': vi.fn(async () => ({ problems: [] as string[] })),
    'calls.save': vi.fn(notHere),
    'calls.saveDraft': vi.fn(async () => ({ saved: true as const })),
    'calls.draft': vi.fn(async (): Promise<{ draft: CallDraft | null; started: CallStart | null }> => ({ draft: null, started: null })),
    'calls.clearDraft': vi.fn(async () => ({ cleared: true as const })),
    'followups.today': vi.fn(async ({ date }: { date?: string }) => ({
      date: date ?? '2026-11-26',
      counts: { 'broken-promise': 0, 'promise-due': 0, callback: 0, 'repair-revisit': 0, 'complaint-reply': 0, 'promise-message': 0, notice: 0, 'monthly-round': 0 },
      total: 0,
      offset: 0,
      rows: [],
      communities: [],
      revisits: noRevisits(date ?? '2026-11-26'),
    })),
    'followups.act': vi.fn(notHere),
    'followups.undo': vi.fn(notHere),
    'followups.next': vi.fn(async () => ({ row: null })),
    'followups.assignees': vi.fn(async () => ({ me: { id: 'local', name: '王敏' }, assignable: [{ id: 'local', name: '王敏' }] })),
    'grievances.repairDone': vi.fn(notHere),
    'contacts.logMessage': vi.fn(notHere),
    'teamSettings.get': vi.fn(async () => structuredClone(defaultTeamSettings)),
    'teamSettings.update': vi.fn(notHere),
  };
}

export function statusFixture(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    appName: 'Call Coach 催缴通话助手',
    version: '0.1.0',
    mode: 'browser',
    user: { id: 'local', name: '王敏', roles: ['steward', 'lead', 'admin', 'auditor'] },
    dataDir: '/home/steward/.call-coach',
    startedAt: '2026-11-26T01:00:00.000Z',
    today: '2026-11-26',
    nodeVersion: '20.20.2',
    storage: {
      healthy: true,
      missing: [],
      files: [
        { id: 'settings', label: '本机设置', fileName: 'settings.json', schemaVersion: 1, state: 'ok', sizeBytes: 120, modifiedAt: '2026-11-26T01:00:00.000Z' },
      ],
    },
    ...overrides,
  };
}

/** An in-memory Api: settings round-trip, with the same length rule as the backend. */
/** A desk that has been set up (the first-run dialog asks only when the steward's name is empty). */
export const signedSettings: Settings = { stewardName: '王敏', companyName: '晨光物业' };

export function fakeApi(status: AppStatus = statusFixture(), initialSettings: Settings = signedSettings) {
  let settings: Settings = { ...initialSettings };
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
    ...ledgerMethods(),
  } satisfies Api;
  return api;
}
