/** Headless Chromium from the system (Debian's chromium), driven by playwright-core. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './app-server';

export const chromiumPath = process.env.CALL_COACH_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'call-coach-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.waitForTimeout(400); // let antd's transitions settle so the picture shows the final state
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The laptop and desktop sizes every new screen is looked at in. */
export const reviewSizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Screenshots of the page at each review size (`<name>-1280x720.png`, …); the viewport is put back afterwards. */
export async function saveScreenshotsAtReviewSizes(page: Page, name: string): Promise<string[]> {
  const original = page.viewportSize();
  const files: string[] = [];
  for (const size of reviewSizes) {
    await page.setViewportSize(size);
    files.push(await saveScreenshot(page, `${name}-${size.width}x${size.height}`));
  }
  if (original) await page.setViewportSize(original);
  return files;
}
