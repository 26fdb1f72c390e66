/**
 * One import, timed, in a process of its own (so the figure is not skewed by whatever the benchmark
 * process already holds): analyse + commit into an empty data folder. Prints one JSON line.
 *   node --import tsx tools/bench/import-one.ts <file>
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitBatch } from '../../electron/backend/ledger/commit-import';
import { analyseImport } from '../../electron/backend/ledger/import-analysis';
import { LedgerStore } from '../../electron/backend/json-storage/ledger-store';

const file = process.argv[2]!;
const TODAY = '2026-11-26';
const bytes = new Uint8Array(readFileSync(file));
const started = performance.now();
const ledger = await LedgerStore.open(mkdtempSync(path.join(os.tmpdir(), 'cc-bench-import-')));
const { preview, batch } = await analyseImport(path.basename(file), bytes, ledger, { defaultCommunity: '默认', scope: 'community', today: TODAY });
await commitBatch(ledger, batch, { fileName: path.basename(file), kind: 'import', scope: 'community', today: TODAY, errorCount: preview.errorCount, missing: preview.missing, skipErrorRows: false });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, households: preview.households, rows: preview.rows, errors: preview.errorCount, bytes: bytes.length }));
