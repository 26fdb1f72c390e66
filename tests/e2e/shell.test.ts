/**
 * `npm start` on a machine without the Electron binary: browser mode prints a URL; the page shows the
 * shell and a status page filled by the real backend; a steward saves settings and finds them after a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { withApp } from './support/with-app';

const env = withApp({ via: 'npm-start', open: false });
let page: Page;
beforeAll(() => {
  page = env.page;
});

describe('npm start in browser mode', () => {
  it('says calmly, first, that it is opening browser mode, and prints a loopback URL with a token', () => {
    const lines = env.app.output().split('\n').filter((line) => line.trim() && !line.startsWith('>'));
    expect(lines[0]).toBe(
      'The desktop shell (Electron) is not installed on this machine, so the same app is opening in browser mode (`npm run install-electron` fetches it).',
    );
    expect(env.app.output()).not.toMatch(/failed to install|error|warn/i);
    expect(env.app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
    expect(env.app.output()).toContain(`Data: ${env.app.dataDir}`);
  });

  it('opens the shell in Chinese and drops the token from the address bar', async () => {
    await page.goto(env.app.url);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['今日跟进', '业主欠费', '通话', '话术库', '报表', '关于/状态']) {
      await expect(nav.getByRole('link', { name: label }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole('heading', { name: '今日跟进' }).waitFor();
    expect(page.url()).not.toContain('token');
    await saveScreenshot(page, 'shell-today');
  });

  it('moves between areas by mouse and by Alt+number', async () => {
    await page.getByRole('link', { name: '报表' }).click();
    await page.getByText(/收缴率、承诺兑现率/).waitFor();
    await page.keyboard.press('Alt+4');
    await page.getByRole('navigation', { name: '话术环节' }).waitFor();
    expect(page.url()).toContain('#/scripts');
  });

  it('shows the status page filled by the backend', async () => {
    await page.getByRole('link', { name: '关于/状态' }).click();
    await page.getByText('全部数据文件正常').waitFor();
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    await page.getByText(pkg.version, { exact: true }).waitFor();
    await page.getByText(env.app.dataDir, { exact: true }).waitFor();
    await page.getByText('浏览器模式（本机）').waitFor();
    const row = page.getByRole('row', { name: /本机设置 settings\.json/ });
    await expect(row.getByText('正常').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'about-status');
  });

  it('saves the steward’s settings to the data directory and shows them after a reload', async () => {
    await page.getByLabel('管家姓名').fill('李静');
    await page.getByLabel('物业公司名称').fill('晨光物业服务有限公司');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('设置已保存').waitFor();
    const onDisk = JSON.parse(readFileSync(path.join(env.app.dataDir, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, data: { stewardName: '李静', companyName: '晨光物业服务有限公司' } });
    await page.reload();
    await page.getByLabel('管家姓名').waitFor();
    expect(await page.getByLabel('管家姓名').inputValue()).toBe('李静');
  });

  it('shows a too-long name as an error at the field, and does not save it', async () => {
    await page.getByLabel('管家姓名').fill('名'.repeat(21));
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('不超过 20 个字').waitFor();
    const onDisk = JSON.parse(readFileSync(path.join(env.app.dataDir, 'settings.json'), 'utf8'));
    expect(onDisk.data.stewardName).toBe('李静');
  });

  it('refuses a tab opened without the token, and the API refuses calls without it', async () => {
    const stranger = await page.context().newPage();
    await stranger.goto(`${env.app.origin}/`);
    await stranger.getByText('缺少访问令牌').waitFor();
    const status = await stranger.evaluate(async () => {
      const response = await fetch('/api/app.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return response.status;
    });
    expect(status).toBe(401);
    await stranger.close();
  });
});
