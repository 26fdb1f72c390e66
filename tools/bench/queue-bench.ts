/** 今日跟进 at 50,000 households and 500,000 contact records. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { buildTodayQueue } from '../../electron/backend/follow-ups/today-queue';
import { seedDemoData } from '../../electron/backend/ledger/demo-seed';
import { LedgerStore, SHARD_COUNT, shardOf } from '../../electron/backend/ledger/ledger-store';
import { encodeDataFile } from '../../electron/backend/storage/data-file';
import type { ContactRecord, FollowUp, PromiseRecord } from '../../electron/contract';
import { addDays } from '../../domain/dates';
import { defaultTeamSettings } from '../../domain/follow-up-rules';
import { fmt, percentile, report, time } from './stats';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
const CONTACTS = HOUSEHOLDS * 10;
const TODAY = '2026-11-26';

export async function queueBench(): Promise<void> {
  console.log(`\n── 今日跟进 at ${HOUSEHOLDS.toLocaleString()} households, ${CONTACTS.toLocaleString()} contact records ──`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-queue-'));
  const ledger = await LedgerStore.open(dataDir);
  await seedDemoData(ledger, { households: HOUSEHOLDS, today: TODAY });
  const ids = [...ledger.allHouseholds()].map((household) => household.id);
  const shards = Array.from({ length: SHARD_COUNT }, () => ({ contacts: [] as ContactRecord[], phoneAccess: [], promises: [] as PromiseRecord[], grievances: [], followUps: [] as FollowUp[] }));
  for (let i = 0; i < CONTACTS; i += 1) {
    const householdId = ids[i % ids.length]!;
    const day = addDays(TODAY, -(i % 180));
    shards[shardOf(householdId)]!.contacts.push({ id: `c${i}`, householdId, at: `${day}T10:00:00+08:00`, channel: '电话', steward: '王敏', outcome: '承诺缴费', notes: '' });
  }
  ids.forEach((householdId, i) => {
    if (i % 10 !== 0) return;
    const date = addDays(TODAY, (i % 7) - 3);
    shards[shardOf(householdId)]!.promises.push({ id: `p${i}`, householdId, contactId: `c${i}`, createdAt: `${addDays(date, -3)}T10:00:00+08:00`, date, amountFen: 10_000, channel: '微信', status: 'pending' });
    shards[shardOf(householdId)]!.followUps.push({ id: `f${i}`, householdId, kind: 'promise-check', dueDate: date, sourceId: `p${i}`, title: '核对承诺', status: 'open', createdAt: `${addDays(date, -3)}T10:00:00+08:00` });
  });
  mkdirSync(path.join(dataDir, 'contacts'), { recursive: true });
  shards.forEach((data, index) => writeFileSync(path.join(dataDir, 'contacts', `shard-${String(index).padStart(3, '0')}.json`), encodeDataFile(2, data, { compact: true })));

  const backend = await createBackend({ dataDir, mode: 'cli', version: 'bench', demoHouseholds: 0, today: () => TODAY });
  const { ledger: loaded, contacts } = backend.ctx;
  const cold = await time(() => buildTodayQueue(loaded, contacts, TODAY, '10:00', defaultTeamSettings));
  report('today’s queue, first build (groups the contact log)', `${fmt(cold.ms)} (${cold.value.rows.length.toLocaleString()} rows)`);
  const warm: number[] = [];
  for (let i = 0; i < 20; i += 1) warm.push((await time(() => buildTodayQueue(loaded, contacts, TODAY, '10:00', defaultTeamSettings))).ms);
  const p95 = percentile(warm, 95);
  report('today’s queue p95 (20 builds)', `${fmt(p95)} (p50 ${fmt(percentile(warm, 50))})`, '≤ 50 ms', p95 <= 50);
  backend.close();
}
