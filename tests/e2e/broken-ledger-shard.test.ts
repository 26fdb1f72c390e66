/**
 * One ledger shard broken by hand: the app still shows the other households, says in the header and on 关于/状态
 * which file is broken and how to get it back, and refuses a payment to a household in that shard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir, startApp, type RunningApp } from './support/app-server';
import { openBrowser, saveScreenshotsAtReviewSizes } from './support/browser';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let shardFile: string;

beforeAll(async () => {
  const dataDir = makeDataDir();
  const first = await startApp({ dataDir, args: ['--demo-households', '600'] });
  await first.stop();
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'ledger', 'manifest.json'), 'utf8')).data as { shards: (string | null)[] };
  shardFile = manifest.shards.find(Boolean)!;
  const shardPath = path.join(dataDir, 'ledger', shardFile);
  writeFileSync(shardPath, readFileSync(shardPath, 'utf8').slice(0, 100));
  app = await startApp({ dataDir, args: ['--demo-households', '600'] });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a broken ledger shard', () => {
  it('leaves the other households on 业主欠费 and flags the data in the header', async () => {
    const { page } = browser;
    await page.goto(app.url);
    await page.getByRole('link', { name: '业主欠费' }).click();
    await page.getByText('数据文件异常').waitFor();
    const total = await page.evaluate(async (token) => {
      const response = await fetch('/api/households.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-call-coach-token': token },
        body: JSON.stringify({ owingOnly: false, limit: 5000 }),
      });
      return ((await response.json()) as { value: { total: number } }).value.total;
    }, app.token);
    expect(total).toBeGreaterThan(500);
    expect(total).toBeLessThan(600);
  });

  it('names the file on 关于/状态 with what still works and how to recover', async () => {
    const { page } = browser;
    await page.getByText('数据文件异常').click();
    await page.getByText(new RegExp(`ledger/${shardFile.replace(/\./g, '\\.')}`)).first().waitFor();
    await page.getByText(/其余分片照常使用/).first().waitFor();
    await page.getByText(/恢复：/).first().waitFor();
    await saveScreenshotsAtReviewSizes(page, 'about-broken-ledger-shard');
  });
});
