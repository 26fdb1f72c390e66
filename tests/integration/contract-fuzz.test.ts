/**
 * Every contract method, called with hostile input — malformed, oversized, deeply nested, prototype keys,
 * impossible dates and money — through the real HTTP transport and straight into dispatch (as IPC would):
 * no 5xx, no crash, no write by a rejected call, no stack trace or file path in an answer, no prototype pollution.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { methodNames, type Envelope, type HouseholdList, type MethodName, type ScriptEntry } from '../../electron/contract';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import { tempDir } from '../helpers/fs';

const TODAY = '2026-11-20';
let dataDir: string;
let backend: Backend;
let web: WebServer;
let samples: Record<MethodName, Record<string, unknown>>;

/** Every file under the data folder with its content hash (the lock file aside): equal means nothing was written. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name === '.call-coach.lock') continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) for (const [inner, hash] of snapshot(file, `${prefix}${name}/`)) result.set(inner, hash);
    else result.set(`${prefix}${name}`, createHash('sha1').update(readFileSync(file)).digest('hex'));
  }
  return result;
}

/** A valid input for every method (ids from the demo data), so each field can be broken one at a time. */
async function validSamples(): Promise<Record<MethodName, Record<string, unknown>>> {
  const list = await backend.dispatch('households.list', { owingOnly: true, limit: 10 }, backend.deskActor());
  const id = (list as { ok: true; value: HouseholdList }).value.rows[0]!.id;
  const scripts = await backend.dispatch('scripts.list', {}, backend.deskActor());
  const entry = (scripts as { ok: true; value: { entries: ScriptEntry[] } }).value.entries[0]!;
  const version = entry.versions.at(-1)!;
  const { version: _v, author: _a, at: _at, note: _n, ...content } = version;
  const none = {};
  return {
    'app.status': none,
    'settings.get': none,
    'settings.update': { stewardName: '王敏', companyName: '物业' },
    'households.facets': none,
    'households.list': { community: '观山水', owingOnly: true, sort: 'owed', order: 'desc', offset: 0, limit: 50 },
    'households.search': { query: '8-2', limit: 12 },
    'households.get': { id },
    'households.revealPhone': { id, phoneIndex: 0, purpose: 'reveal' },
    'payments.record': { householdId: id, amountFen: 100, paidOn: TODAY, channel: '微信', note: '' },
    'ledger.uploadStart': { fileName: 'a.csv', sizeBytes: 10 },
    'ledger.uploadChunk': { uploadId: 'none', offset: 0, contentBase64: 'YWJj' },
    'ledger.cancelUpload': { uploadId: 'none' },
    'ledger.previewImport': { uploadId: 'none', defaultCommunity: '观山水', scope: 'community' },
    'ledger.importStatus': { jobId: 'none' },
    'ledger.commitImport': { jobId: 'none', skipErrorRows: false },
    'ledger.cancelImport': { jobId: 'none' },
    'ledger.imports': none,
    'ledger.undoImport': { importId: 'none' },
    'ledger.exportArrears': { community: '不存在的小区' },
    'ledger.seedDemo': { households: 3 },
    'storage.forgetMissingFile': { name: 'not-missing.json' },
    'mappings.list': none,
    'mappings.save': { name: '系统A', fields: { room: '房号' } },
    'mappings.delete': { name: '系统A' },
    'scripts.list': none,
    'scripts.save': { id: entry.id, content, note: '', confirmWarnings: true, baseVersion: version.version },
    'scripts.duplicate': { id: entry.id },
    'scripts.archive': { id: entry.id, archived: false },
    'scripts.restore': { id: entry.id, version: 1 },
    'scripts.export': none,
    'scripts.import': { content: '{}', apply: false },
    'calls.start': { householdId: id, purpose: 'collection', override: { reason: '业主要求今天回电' } },
    'calls.check': { householdId: id, purpose: 'collection' },
    'calls.save': {
      householdId: id,
      callId: 'call-none',
      outcome: 'promised',
      notes: '',
      promises: [{ date: TODAY, amountFen: 100, channel: '微信' }],
      grievances: [],
      refusalReason: null,
      objection: null,
    },
    'calls.saveDraft': { machineVersion: 1, householdId: id, snapshot: { value: 'opening' } },
    'calls.draft': none,
    'calls.clearDraft': none,
    'followups.today': { date: TODAY, offset: 0, limit: 50 },
    'followups.act': { action: 'snooze', householdId: id, until: '2026-11-25', reason: '出差' },
    'followups.undo': { householdId: id, actionId: 'none' },
    'followups.assignees': {},
    'followups.next': {},
    'grievances.repairDone': { householdId: id, grievanceId: 'none', completedOn: '2025-11-20', leakTestOn: null },
    'contacts.logMessage': { householdId: id, channel: '短信', text: '您好，提醒您缴费。', entryKey: null },
    'teamSettings.get': none,
    'teamSettings.update': {
      graceDays: 1,
      callWindows: [{ start: '09:00', end: '12:00' }],
      maxCallsPerDay: 1,
      maxCallsPerWeek: 3,
      horizonDays: 30,
      ladder: { residential: true, shops: true, writtenDemand: true },
      stewards: [],
      paymentAccount: '工商银行 6222 0000 1234 5678',
    },
  };
}

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

/** What a hostile caller puts in one field. */
const hostileValues: [string, unknown][] = [
  ['null', null],
  ['negative', -1],
  ['fraction', 0.5],
  ['huge number', 1e308],
  ['max safe integer', Number.MAX_SAFE_INTEGER],
  ['empty text', ''],
  ['100 KB of text', 'x'.repeat(100_000)],
  ['not a date', '2026-02-30'],
  ['zero date', '0000-00-00'],
  ['far date', '2099-12-31'],
  ['array', []],
  ['object', {}],
  ['proto key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['nested 200 deep', nested(200)],
  ['boolean', true],
];

/** What a hostile caller sends as the whole input. */
const hostileInputs: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'x'],
  ['an array', [1, 2]],
  ['proto key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
  ['unknown key', { surprise: 1 }],
];

/** Bodies too deep to build as objects here (JSON.stringify would overflow this test's own stack). */
const rawBodies: [string, string][] = [
  ['nested 5000 deep', `${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}`],
  ['nested 100,000 deep, unclosed', '['.repeat(100_000)],
];

/** Each field of the valid sample broken in each hostile way, plus a key removed, and the whole-input cases. */
function mutationsOf(sample: Record<string, unknown>): [string, unknown][] {
  const cases: [string, unknown][] = [...hostileInputs];
  for (const key of Object.keys(sample)) {
    for (const [label, value] of hostileValues) cases.push([`${key} = ${label}`, { ...sample, [key]: value }]);
    const { [key]: _removed, ...rest } = sample;
    cases.push([`without ${key}`, rest]);
    const inner = sample[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const innerKey of Object.keys(inner)) {
        for (const [label, value] of hostileValues.slice(0, 9)) cases.push([`${key}.${innerKey} = ${label}`, { ...sample, [key]: { ...inner, [innerKey]: value } }]);
      }
    }
    if (Array.isArray(inner) && inner[0] && typeof inner[0] === 'object') {
      for (const innerKey of Object.keys(inner[0] as object)) {
        for (const [label, value] of hostileValues.slice(0, 10)) cases.push([`${key}[0].${innerKey} = ${label}`, { ...sample, [key]: [{ ...(inner[0] as object), [innerKey]: value }] }]);
      }
      cases.push([`${key} × 10,000`, { ...sample, [key]: Array.from({ length: 10_000 }, () => inner[0]) }]);
    }
  }
  return cases;
}

/** Fields whose impossible values must be refused, never stored: real days within the rules, sane money. */
const mustRefuse = (label: string): boolean =>
  /^(paidOn|until|promises\[0\]\.date) = (not a date|zero date|far date|empty text|100 KB of text)$/.test(label) ||
  /^(amountFen|promises\[0\]\.amountFen) = (negative|fraction|huge number|max safe integer|empty text)$/.test(label) ||
  /^(override\.reason) = (empty text|100 KB of text)$/.test(label);

function expectNoInternals(method: string, label: string, answer: Envelope<unknown>) {
  if (answer.ok) return;
  const where = `${method} with ${label}`;
  expect(answer.error.code, where).not.toBe('INTERNAL');
  expect(answer.error.message, where).not.toMatch(/\n\s+at |\.ts:\d|\.cjs|node_modules|TypeError|ReferenceError/);
  expect(answer.error.message, where).not.toContain(dataDir);
}

beforeAll(async () => {
  dataDir = tempDir();
  backend = await createBackend({ dataDir, mode: 'browser', version: 't', demoHouseholds: 30, today: () => TODAY, log: () => undefined });
  web = await startWebServer({ dispatch: backend.dispatch, actor: backend.deskActor, port: 0, log: () => undefined });
  samples = await validSamples();
});

afterAll(async () => {
  await web.close();
  backend.close();
});

async function overHttp(method: string, body: string): Promise<{ status: number; answer: Envelope<unknown> }> {
  const response = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-call-coach-token': web.token },
    body,
  });
  return { status: response.status, answer: (await response.json()) as Envelope<unknown> };
}

describe('every contract method under hostile input', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(samples).sort()).toEqual([...methodNames].sort());
  });

  for (const method of methodNames) {
    it(method, async () => {
      let rejected = 0;
      const bodies: [string, string][] = [...mutationsOf(samples[method]).map(([label, input]): [string, string] => [label, JSON.stringify(input)]), ...rawBodies];
      for (const [label, body] of bodies) {
        const before = snapshot(dataDir);
        const { status, answer } = await overHttp(method, body);
        expect(status, `${method} with ${label}`).toBeLessThan(500);
        expectNoInternals(method, label, answer);
        if (mustRefuse(label)) expect(answer.ok, `${method} with ${label} must be refused`).toBe(false);
        if (!answer.ok) {
          rejected += 1;
          expect(snapshot(dataDir), `${method} with ${label} was rejected but wrote`).toEqual(before);
        }
        expect(({} as { polluted?: unknown }).polluted, `${method} with ${label} polluted Object.prototype`).toBeUndefined();
      }
      // Straight into dispatch, as IPC delivers structured clones: values JSON cannot carry.
      for (const [label, input] of [
        ['a Map', new Map([['id', 'x']])],
        ['a Date', new Date('invalid')],
        ['a BigInt field', { ...samples[method], id: 10n }],
        ['bytes', new Uint8Array(8)],
        ['undefined', undefined],
      ] as [string, unknown][]) {
        const before = snapshot(dataDir);
        const answer = await backend.dispatch(method, input, backend.deskActor());
        expectNoInternals(method, label, answer);
        if (!answer.ok) expect(snapshot(dataDir), `${method} with ${label} was rejected but wrote`).toEqual(before);
      }
      expect(rejected, `${method}: the hostile cases must mostly be refused`).toBeGreaterThan(0);
    });
  }

  it('a body that is not JSON, or JSON far too large, is refused without a 5xx', async () => {
    for (const body of ['{', 'null', '"x"', '[]', JSON.stringify({ notes: 'x'.repeat(3_000_000) })]) {
      const { status, answer } = await overHttp('calls.save', body);
      expect(status).toBeLessThan(500);
      expect(answer.ok).toBe(false);
    }
  });
});
