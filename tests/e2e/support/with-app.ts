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
  /** Other desks started beside it (`also`), each on its own data folder, for the same browser to visit. */
  readonly others: readonly RunningApp[];
  readonly page: Page;
  /**
   * Stops the app (`crash`: kills it, no chance to tidy up) and starts it again on the same data folder, with other
   * options if given (another day), then reloads the page on it.
   */
  restart(options?: StartOptions & { crash?: boolean }): Promise<void>;
}

export function withApp(options: StartOptions & { prepare?: () => StartOptions | Promise<StartOptions>; open?: boolean; also?: StartOptions[] } = {}): AppFixture {
  let app: RunningApp | undefined;
  let others: RunningApp[] = [];
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  const { prepare, open = true, also = [], ...start } = options;
  beforeAll(async () => {
    const prepared = prepare ? await prepare() : {};
    [app, browser, others] = await Promise.all([startApp({ ...start, ...prepared }), openBrowser(), Promise.all(also.map((desk) => startApp(desk)))]);
    if (open) await browser.page.goto(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([app?.stop(), ...others.map((desk) => desk.stop())]);
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  return {
    get app() {
      return ready(app, 'the app');
    },
    get others() {
      return others;
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
