/**
 * A writer killed with SIGKILL at random moments, many times, must always leave a data file that parses
 * and validates as either the last version it reported written or the one it was writing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDataFile } from '../../electron/backend/json-storage/data-file';
import { crashSpec } from './fixtures/crash-spec';
import { bundleFixture } from '../helpers/bundle';
import { tempDir } from '../helpers/fs';

const KILLS = 220;

let bundle: string;

beforeAll(async () => {
  bundle = await bundleFixture('kill-writer');
});

/** Runs the writer, kills it after `delayMs` of writing, and returns the last sequence it confirmed. */
function runAndKill(dir: string, delayMs: number): Promise<{ start: number; lastConfirmed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let start = -1;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\d+)/.exec(out);
      if (start === -1 && ready) {
        start = Number(ready[1]);
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself: ${err}`));
      const confirmed = [...out.matchAll(/wrote (\d+)/g)].map((match) => Number(match[1]));
      resolve({ start, lastConfirmed: confirmed.length ? confirmed[confirmed.length - 1]! : start });
    });
  });
}

describe('durable writes under SIGKILL', () => {
  it(`always leave the old or the new version (${KILLS} kills)`, async () => {
    const dir = tempDir('call-coach-kill-data-');
    const target = path.join(dir, crashSpec.fileName);
    let landedMidWrite = 0;
    let sawNewerThanConfirmed = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const { start, lastConfirmed } = await runAndKill(dir, Math.floor(Math.random() * 25));
      if (start === -1) continue;
      if (readdirSync(dir).some((name) => name.endsWith('.tmp'))) landedMidWrite += 1;
      expect(existsSync(target)).toBe(true);
      const { data } = decodeDataFile(crashSpec, readFileSync(target, 'utf8'));
      // Either the last confirmed write, or the one in flight whose rename completed before the kill.
      expect([lastConfirmed, lastConfirmed + 1]).toContain(data.seq);
      if (data.seq === lastConfirmed + 1) sawNewerThanConfirmed += 1;
      const backup = `${target}.bak`;
      if (existsSync(backup)) {
        const previous = decodeDataFile(crashSpec, readFileSync(backup, 'utf8')).data;
        expect(previous.seq).toBeLessThanOrEqual(data.seq);
      }
    }
    // The kills must really have hit writes in progress, or this test proves nothing.
    expect(landedMidWrite).toBeGreaterThan(KILLS / 10);
    console.log(`kill test: ${KILLS} kills, ${landedMidWrite} mid-write (temp file left), ${sawNewerThanConfirmed} after rename but before confirmation`);
  });
});
