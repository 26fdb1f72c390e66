/**
 * One ledger shard broken by hand: the app still shows the other households, says in the header and on 关于/状态
 * which file is broken and how to get it back, and refuses a payment to a household in that shard.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, startApp } from './support/app-server';
import { withApp } from './support/with-app';
import { saveScreenshotsAtReviewSizes } from './support/browser';

let shardFile: string;
const env = withApp({
  args: ['--demo-households', '600'],
  open: false,
  // A ledger written by a first run, then one of its shards cut short.
  prepare: async () => {
    const dataDir = makeDataDir();
    const first = await startApp({ dataDir, args: ['--demo-households', '600'] });
    await first.stop();
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'ledger', 'manifest.json'), 'utf8')).data as { shards: (string | null)[] };
    shardFile = manifest.shards.find(Boolean)!;
    const shardPath = path.join(dataDir, 'ledger', shardFile);
    writeFileSync(shardPath, readFileSync(shardPath, 'utf8').slice(0, 100));
    return { dataDir };
  },
});

describe('a broken ledger shard', () => {
  it('leaves the other households on 业主欠费 and flags the data in the header', async () => {
    const { page } = env;
    await page.goto(env.app.url);
    await page.getByRole('link', { name: '业主欠费' }).click();
    await page.getByText('数据文件异常').waitFor();
    const total = await page.evaluate(async (token) => {
      const response = await fetch('/api/households.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-call-coach-token': token },
        body: JSON.stringify({ owingOnly: false, limit: 5000 }),
      });
      return ((await response.json()) as { value: { total: number } }).value.total;
    }, env.app.token);
    expect(total).toBeGreaterThan(500);
    expect(total).toBeLessThan(600);
  });

  it('names the file on 关于/状态 with what still works and how to recover', async () => {
    const { page } = env;
    await page.getByText('数据文件异常').click();
    await page.getByText(new RegExp(`ledger/${shardFile.replace(/\./g, '\\.')}`)).first().waitFor();
    await page.getByText(/其余分片照常使用/).first().waitFor();
    await page.getByText(/恢复：/).first().waitFor();
    await saveScreenshotsAtReviewSizes(page, 'about-broken-ledger-shard');
  });
});
