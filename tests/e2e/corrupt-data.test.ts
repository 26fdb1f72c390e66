/** A data file broken by hand: the app starts, says which file and where, refuses to write, and leaves it untouched. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from './support/app-server';
import { withApp } from './support/with-app';
import { saveScreenshot } from './support/browser';

const broken = '{\n "schemaVersion": 1,\n "savedAt": "2026-11-20T08:00:00.000Z",\n "data": { "stewardName": "张", "companyName": \n}\n';

let settingsPath: string;
const env = withApp({
  open: false,
  prepare: () => {
    const dataDir = makeDataDir();
    settingsPath = path.join(dataDir, 'settings.json');
    writeFileSync(settingsPath, broken);
    return { dataDir };
  },
});

describe('a corrupt data file at start', () => {
  it('is reported on the console with the file name', () => {
    expect(env.app.output()).toContain('settings.json');
    expect(env.app.output()).toContain('已损坏');
  });

  it('is shown on the status page with the file, the place and what to do', async () => {
    const { page } = env;
    await page.goto(env.app.url);
    await page.getByText('数据文件异常').click();
    await page.getByText(/1 个数据文件异常/).waitFor();
    await page.getByText(/数据文件 settings\.json 已损坏，无法读取（第 5 行第 1 列附近）/).first().waitFor();
    await page.getByText('无法读取本机设置').waitFor();
    await page.getByText(/修复或移走 settings\.json 后重新启动/).first().waitFor();
    await saveScreenshot(page, 'about-corrupt');
  });

  it('refuses to save over it and leaves its bytes untouched', async () => {
    const { page } = env;
    await page.getByText(/数据文件 settings\.json 已损坏/).first().waitFor();
    expect(readFileSync(settingsPath, 'utf8')).toBe(broken);
    const reply = await page.evaluate(async (token) => {
      const response = await fetch('/api/settings.update', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-call-coach-token': token },
        body: JSON.stringify({ stewardName: '覆盖' }),
      });
      return { status: response.status, body: await response.json() };
    }, env.app.token);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'STORAGE_CORRUPT', file: 'settings.json' });
    expect(readFileSync(settingsPath, 'utf8')).toBe(broken);
  });
});
