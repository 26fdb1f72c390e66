/**
 * One fixture for every e2e file: starts the app (browser mode, a fresh data folder unless given) and a headless
 * Chromium before the file's tests, and stops both after. `app` and `page` are read once the file's tests run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './app-server';
import { openBrowser } from './browser';

type StartOptions = NonNullable<Parameters<typeof startApp>[0]>;

export interface AppFixture {
  readonly app: RunningApp;
  readonly page: Page;
  /**
   * Stops the app (`crash`: kills it, no chance to tidy up) and starts it again on the same data folder, with other
   * options if given (another day), then reloads the page on it.
   */
  restart(options?: StartOptions & { crash?: boolean }): Promise<void>;
}

export function withApp(options: StartOptions & { prepare?: () => StartOptions | Promise<StartOptions>; open?: boolean } = {}): AppFixture {
  let app: RunningApp | undefined;
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  const { prepare, open = true, ...start } = options;
  beforeAll(async () => {
    const prepared = prepare ? await prepare() : {};
    [app, browser] = await Promise.all([startApp({ ...start, ...prepared }), openBrowser()]);
    if (open) await browser.page.goto(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  return {
    get app() {
      return ready(app, 'the app');
    },
    get page() {
      return ready(browser, 'the browser').page;
    },
    async restart({ crash = false, ...next } = {}) {
      const dataDir = ready(app, 'the app').dataDir;
      await (crash ? app!.kill() : app!.stop());
      app = await startApp({ ...start, ...next, dataDir });
      await ready(browser, 'the browser').page.goto(app.url);
    },
  };
}
