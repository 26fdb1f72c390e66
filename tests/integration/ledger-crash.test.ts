/**
 * The ledger under SIGKILL: a writer recording payments is killed at random moments, many times. After every
 * kill the ledger opens healthy with every acknowledged payment (and at most the one in flight) — and the recovery
 * the app advises for a broken manifest, copying manifest.json.bak over it, opens healthy too, one change back.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { AppStatus, HouseholdList, HouseholdRecord } from '../../electron/contract';
import { bundleFixture } from '../helpers/bundle';
import { tempDir } from '../helpers/fs';

const KILLS = 60;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleFixture('ledger-writer');
});

/** Runs the writer, kills it `delayMs` after it is ready, and returns how many payments it confirmed. */
function runAndKill(dataDir: string, delayMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!ready && out.includes('ready\n')) {
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself: ${err}`));
      if (!ready) return resolve(null);
      const confirmed = [...out.matchAll(/paid (\d+)/g)].map((match) => Number(match[1]));
      resolve(confirmed.at(-1) ?? 0);
    });
  });
}

/** Opens a data folder and returns whether it is healthy and the sum of hand-entered payments. */
async function inspect(dataDir: string): Promise<{ healthy: boolean; problems: string; paidFen: number }> {
  const backend = await createBackend({ dataDir, mode: 'cli', version: 'check', demoHouseholds: 0, today: () => '2026-11-20', log: () => undefined });
  try {
    const status = await backend.dispatch('app.status', {}, backend.deskActor());
    const files = status.ok ? (status.value as AppStatus).storage.files : [];
    const listed = await backend.dispatch('households.list', { owingOnly: false, limit: 5000 }, backend.deskActor());
    if (!listed.ok) return { healthy: false, problems: listed.error.message, paidFen: 0 };
    let paidFen = 0;
    for (const row of (listed.value as HouseholdList).rows) {
      const shown = await backend.dispatch('households.get', { id: row.id }, backend.deskActor());
      if (!shown.ok) return { healthy: false, problems: shown.error.message, paidFen: 0 };
      paidFen += (shown.value as HouseholdRecord).payments.filter((payment) => payment.source === 'manual').reduce((sum, payment) => sum + payment.amountFen, 0);
    }
    const broken = files.filter((file) => file.state === 'error');
    return { healthy: broken.length === 0, problems: broken.map((file) => file.error).join('\n'), paidFen };
  } finally {
    backend.close();
  }
}

describe('the ledger under SIGKILL', () => {
  it(`keeps every acknowledged payment, and its advised .bak recovery works (${KILLS} kills)`, async () => {
    const dataDir = tempDir('call-coach-ledger-kill-data-');
    let total = 0; // payments confirmed over all runs
    let recoveries = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const confirmed = await runAndKill(dataDir, Math.floor(Math.random() * 120));
      const seen = await inspect(dataDir);
      expect(seen.problems).toBe('');
      expect(seen.healthy).toBe(true);
      // Every acknowledged payment is there; the one in flight may have landed too.
      expect(seen.paidFen).toBeGreaterThanOrEqual(total + (confirmed ?? 0));
      expect(seen.paidFen).toBeLessThanOrEqual(total + (confirmed ?? 0) + 1);
      total = seen.paidFen;

      // The recovery the app advises for a broken manifest, on a copy: the .bak's ledger opens whole.
      const manifest = path.join(dataDir, 'ledger', 'manifest.json');
      if (existsSync(`${manifest}.bak`)) {
        const copy = tempDir('call-coach-ledger-recover-');
        cpSync(dataDir, copy, { recursive: true, filter: (source) => !source.endsWith('.call-coach.lock') });
        copyFileSync(path.join(copy, 'ledger', 'manifest.json.bak'), path.join(copy, 'ledger', 'manifest.json'));
        const recovered = await inspect(copy);
        expect(recovered.problems).toBe('');
        expect(recovered.paidFen).toBeGreaterThanOrEqual(total - 1);
        expect(recovered.paidFen).toBeLessThanOrEqual(total);
        recoveries += 1;
      }
    }
    // The kills must really have interrupted a stream of payments, or this proves nothing.
    expect(total).toBeGreaterThan(KILLS);
    expect(recoveries).toBeGreaterThan(KILLS / 2);
    console.log(`ledger kill test: ${KILLS} kills, ${total} payments acknowledged and kept, ${recoveries} .bak recoveries opened whole`);
  });
});
