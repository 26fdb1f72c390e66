/** 今日跟进 at 50,000 households and 500,000 contact records. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { queuePage } from '../../electron/backend/follow-ups/queue-page';
import { seedDemoData } from '../../electron/backend/ledger/demo-seed';
import { LedgerStore, SHARD_COUNT, shardOf } from '../../electron/backend/json-storage/ledger-store';
import { encodeDataFile } from '../../electron/backend/json-storage/data-file';
import { CONTACTS_SCHEMA_VERSION } from '../../electron/backend/json-storage/contact-store';
import type { ContactRecord, FollowUp, PromiseRecord } from '../../electron/contract';
import { addDays } from '../../domain/dates';
import { defaultTeamSettings } from '../../domain/follow-up-rules';
import { manualPayment } from '../../domain/payments';
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
  const shards = Array.from({ length: SHARD_COUNT }, () => ({ contacts: [] as ContactRecord[], phoneAccess: [], promises: [] as PromiseRecord[], grievances: [], followUps: [] as FollowUp[], queueActions: [] }));
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
  shards.forEach((data, index) => writeFileSync(path.join(dataDir, 'contacts', `shard-${String(index).padStart(3, '0')}.json`), encodeDataFile(CONTACTS_SCHEMA_VERSION, data, { compact: true })));

  const backend = await createBackend({ dataDir, mode: 'cli', version: 'bench', demoHouseholds: 0, today: () => TODAY });
  const { ledger: loaded, contacts, queue } = backend.ctx;
  const build = (date = TODAY) => queue.build(date, '10:00', defaultTeamSettings);
  /** What the page gets: the day's list kept by the builder, filtered to its first page, as JSON. */
  const answer = (date = TODAY) => JSON.stringify(queuePage(build(date), { offset: 0, limit: 50 }));
  const cold = await time(() => build());
  report('today’s queue, first build (groups the contact log)', `${fmt(cold.ms)} (${cold.value.rows.length.toLocaleString()} rows)`);

  // The working day: between two looks at the list, a call is saved or a payment recorded (one household
  // changes); the list is rebuilt after each and its first page sent to the page.
  const owing = ids.filter((id) => (loaded.summaryOf(id)?.owedFen ?? 0) > 100).slice(0, 40);
  const afterChange: number[] = [];
  for (const [i, householdId] of owing.entries()) {
    if (i % 2 === 0) {
      await contacts.addContact({ id: `bench-${i}`, householdId, at: `${TODAY}T10:05:00+08:00`, channel: '电话', steward: '王敏', outcome: '未接通', notes: '' });
    } else {
      await loaded.applyHouseholdChange(householdId, (items) => {
        const payment = manualPayment(items, { householdId, amountFen: 100, paidOn: TODAY, channel: '微信', note: '' }, `bench${i}`);
        if (!payment.ok) throw new Error(payment.reason);
        return payment;
      });
    }
    afterChange.push((await time(() => answer())).ms);
  }
  const p95 = percentile(afterChange, 95);
  report('today’s queue p95, rebuilt after each call or payment, first page as JSON (40)', `${fmt(p95)} (p50 ${fmt(percentile(afterChange, 50))})`, '≤ 50 ms', p95 <= 50);
  const unchanged: number[] = [];
  for (let i = 0; i < 20; i += 1) unchanged.push((await time(() => answer())).ms);
  report('today’s queue p95, nothing changed (20)', fmt(percentile(unchanged, 95)));
  const filtered = await time(() => queuePage(build(), { kind: 'notice', community: loaded.communityNames()[0]!, owner: null, offset: 50, limit: 50 }));
  report('a filtered page (kind, community, team pool, page 2)', `${fmt(filtered.ms)} (${filtered.value.rows.length} of ${filtered.value.total.toLocaleString()} rows)`);
  const whole = await time(() => JSON.stringify(build()));
  report('for comparison: the whole list as JSON', `${fmt(whole.ms)} (${(whole.value.length / 1e6).toFixed(1)} MB)`);
  const otherDay = await time(() => answer(addDays(TODAY, 1)));
  report('another day’s queue, first look (date picker)', fmt(otherDay.ms));
  backend.close();
}
