/**
 * Ledger benchmarks at 50,000 households (about 1.26 million items, 24 months of bills):
 * quick-find vs fuse.js, CSV and XLSX import, data load at start, durable payment and contact writes
 * vs a single-file lowdb write.   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Fuse from 'fuse.js';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createBackend } from '../../electron/backend';
import { ContactStore } from '../../electron/backend/json-storage/contact-store';
import { seedDemoData } from '../../electron/backend/ledger/demo-seed';
import { LedgerStore, SHARD_COUNT } from '../../electron/backend/json-storage/ledger-store';
import { generateDemo } from '../../domain/demo/generate-demo';
import { owedOf, type ArrearsItem, type Household } from '../../domain/ledger';
import { formatFen } from '../../domain/money';
import { pinyinKeys, QuickFindIndex } from '../../domain/search/quick-find';
import { manualPayment } from '../../domain/payments';
import { fmt, percentile, report, time } from './stats';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
const TODAY = '2026-11-26';
const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

/** A mixed, realistic query load: names, pinyin, initials, room forms, phone digits. */
function queriesFor(households: Household[], count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const h = households[(i * 7919) % households.length]!;
    const keys = pinyinKeys(h.ownerName);
    const forms = [
      h.ownerName,
      h.ownerName.slice(0, 2),
      keys.full,
      keys.initials,
      h.roomKey,
      h.building ? `${h.building}栋${h.unit}单元${h.room}` : h.roomKey,
      h.building ? `${h.building}-${h.unit}` : h.roomKey,
      h.phones[0]!.slice(-4),
    ];
    queries.push(forms[i % forms.length]!);
  }
  return queries;
}

export function csvOf(households: Household[], items: ArrearsItem[], months: number): string {
  const byId = new Map(households.map((h) => [h.id, h]));
  const cutoff = items.reduce((max, item) => (item.periodStart > max ? item.periodStart : max), '');
  const cutoffIndex = Number(cutoff.slice(0, 4)) * 12 + Number(cutoff.slice(5, 7)) - months;
  const lines = ['小区,房号,业主,电话,收费项目,所属期间,应收,实收,欠费,滞纳金,缴费限期'];
  for (const item of items) {
    if (Number(item.periodStart.slice(0, 4)) * 12 + Number(item.periodStart.slice(5, 7)) <= cutoffIndex) continue;
    const h = byId.get(item.householdId)!;
    lines.push(
      [h.community, h.roomLabel, h.ownerName, h.phones.join('/'), item.feeType, item.periodStart.slice(0, 7), formatFen(item.dueFen).replaceAll(',', ''), formatFen(item.paidFen).replaceAll(',', ''), formatFen(owedOf(item)).replaceAll(',', ''), formatFen(item.lateFeeFen).replaceAll(',', ''), item.dueDate ?? ''].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function xlsxOf(csv: string, file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = writer.addWorksheet('欠费明细');
  for (const line of csv.trimEnd().split('\n')) {
    const cells: (string | number)[] = line.split(',');
    for (const i of [6, 7, 8, 9]) if (cells[i] !== undefined && /^\d/.test(String(cells[i]))) cells[i] = Number(cells[i]);
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await writer.commit();
}

function importInChild(file: string): { ms: number; households: number; rows: number; bytes: number } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-one.ts'), file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`import benchmark failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

/** Enough writes that their p95 is not one fsync hiccup. */
const WRITES = 200;

export async function ledgerBench(): Promise<void> {
  console.log(`\n── Ledger at ${HOUSEHOLDS.toLocaleString()} households ──`);
  const generated = await time(() => generateDemo({ households: HOUSEHOLDS, today: TODAY }));
  const demo = generated.value;
  report('generate demo ledger', `${fmt(generated.ms)} (${demo.items.length.toLocaleString()} items)`);

  // ── write and load ──
  const dataDir = tmp('cc-bench-');
  const seeded = await time(async () => {
    const ledger = await LedgerStore.open(dataDir);
    await seedDemoData(ledger, { households: HOUSEHOLDS, today: TODAY });
  });
  report(`first write of the whole ledger (${SHARD_COUNT} shards)`, fmt(seeded.ms));
  const loads: number[] = [];
  for (let i = 0; i < 3; i += 1) loads.push((await time(() => LedgerStore.open(dataDir))).ms);
  const loadMedian = percentile(loads, 50);
  report('data load at start (ledger, median of 3)', fmt(loadMedian), '≤ 1.5 s', loadMedian <= 1500);
  const backendStart = await time(() => createBackend({ dataDir, mode: 'cli', version: 'bench', demoHouseholds: 0 }));
  report('whole backend start (all stores + lock)', fmt(backendStart.ms));
  const backend = backendStart.value;
  const ledger = backend.ctx.ledger;
  // The backend builds its search index and today's queue in the background right after start (timed on their
  // own below and in the queue bench); let that finish so it does not land inside the first timed write.
  await new Promise((resolve) => setTimeout(resolve, 0));

  // ── quick-find ──
  const built = await time(() => new QuickFindIndex(ledger.allHouseholds()));
  report('quick-find index build (pinyin for every name)', fmt(built.ms), 'in the background after start');
  const index = built.value;
  const queries = queriesFor(demo.households, 400);
  for (const q of queries.slice(0, 20)) index.search(q);
  const ourTimes: number[] = [];
  for (const q of queries) ourTimes.push((await time(() => index.search(q, 12))).ms);
  const ourP95 = percentile(ourTimes, 95);
  report('quick-find p95 (400 mixed queries)', `${fmt(ourP95)} (p50 ${fmt(percentile(ourTimes, 50))})`, '≤ 10 ms', ourP95 <= 10);

  const docs = demo.households.map((h) => {
    const keys = pinyinKeys(h.ownerName);
    return { id: h.id, name: h.ownerName, pinyin: keys.full, initials: keys.initials, room: h.roomKey, last4: h.phones.map((p) => p.slice(-4)).join(' ') };
  });
  const fuse = new Fuse(docs, { keys: ['name', 'pinyin', 'initials', 'room', 'last4'] });
  const fuseTimes: number[] = [];
  for (const q of queries.slice(0, 40)) fuseTimes.push((await time(() => fuse.search(q, { limit: 12 }))).ms);
  const fuseP95 = percentile(fuseTimes, 95);
  report('plain fuse.js p95 (same data, 40 queries)', fmt(fuseP95));
  report('quick-find speed-up over fuse.js (p95)', `${(fuseP95 / ourP95).toFixed(0)}×`);

  // ── durable writes ──
  const owing = [...ledger.allHouseholds()].filter((h) => (ledger.summaryOf(h.id)?.owedFen ?? 0) > 100).slice(0, WRITES);
  const paymentTimes: number[] = [];
  for (const [i, h] of owing.entries()) {
    // As payments.record does it: allocated inside the write.
    const change = (items: readonly ArrearsItem[]) => {
      const payment = manualPayment(items, { householdId: h.id, amountFen: 100, paidOn: TODAY, channel: '微信', note: '' }, `bench${i}`);
      if (!payment.ok) throw new Error(payment.reason);
      return payment;
    };
    paymentTimes.push((await time(() => ledger.applyHouseholdChange(h.id, change))).ms);
  }
  const paymentP95 = percentile(paymentTimes, 95);
  const contacts = await ContactStore.open(tmp('cc-bench-contacts-'));
  const contactTimes: number[] = [];
  for (const [i, h] of owing.entries()) {
    contactTimes.push((await time(() => contacts.addContact({ id: `c${i}`, householdId: h.id, at: `${TODAY}T10:00:00+08:00`, channel: '电话', steward: '王敏', outcome: '承诺缴费', notes: '' }))).ms);
  }
  const contactP95 = percentile(contactTimes, 95);

  const single = new Low(new JSONFile<{ households: Household[]; items: ArrearsItem[] }>(path.join(tmp('cc-bench-lowdb-'), 'all.json')), { households: demo.households, items: demo.items });
  const singleTimes: number[] = [];
  for (let i = 0; i < 3; i += 1) singleTimes.push((await time(() => single.write())).ms);
  const singleMedian = percentile(singleTimes, 50);
  report(`durable payment write p95 (${owing.length} writes, one shard + manifest)`, fmt(paymentP95), '≤ 20 ms', paymentP95 <= 20);
  report(`durable contact write p95 (${owing.length} writes)`, fmt(contactP95), '≤ 20 ms', contactP95 <= 20);
  report('single-file lowdb write of the whole ledger (median of 3)', fmt(singleMedian));
  report('payment write vs single-file lowdb write', `${(singleMedian / paymentP95).toFixed(0)}× faster`);
  backend.close();

  // ── import (each in a fresh process, into an empty data folder) ──
  const csv6 = csvOf(demo.households, demo.items, 6);
  const folder = tmp('cc-bench-files-');
  const csvFile = path.join(folder, 'arrears-6-months.csv');
  writeFileSync(csvFile, csv6);
  const xlsxFile = path.join(folder, 'arrears-6-months.xlsx');
  await xlsxOf(csv6, xlsxFile);
  for (const [label, file, target] of [
    ['CSV', csvFile, 5000],
    ['XLSX', xlsxFile, 15_000],
  ] as const) {
    const run = importInChild(file);
    report(`${label} import, ${run.households.toLocaleString()} households (${run.rows.toLocaleString()} rows, ${(run.bytes / 1e6).toFixed(0)} MB)`, fmt(run.ms), `≤ ${target / 1000} s`, run.ms <= target);
  }
  if (process.env.BENCH_FULL === '1') {
    const fullFile = path.join(folder, 'arrears-24-months.csv');
    writeFileSync(fullFile, csvOf(demo.households, demo.items, 24));
    const run = importInChild(fullFile);
    report(`CSV import, all 24 months (${run.rows.toLocaleString()} rows)`, fmt(run.ms));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
