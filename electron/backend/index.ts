/**
 * The backend: plain Node, no Electron. The desktop app runs it in the main process, browser mode runs
 * it inside the loopback web server; both reach it only through `dispatch`.
 */
import type { RunMode } from '../contract';
import { createDispatch, type Dispatch } from './dispatch';
import { handlers } from './handlers';
import { DataStore } from './storage/data-store';

export interface BackendOptions {
  dataDir: string;
  mode: RunMode;
  version: string;
  appName?: string;
  log?: (message: string) => void;
}

export interface Backend {
  dispatch: Dispatch;
  store: DataStore;
  close(): void;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? ((message: string) => console.error(`[call-coach] ${message}`));
  const store = await DataStore.open(options.dataDir, options.mode === 'electron' ? '桌面程序' : '浏览器模式');
  for (const problem of store.problems) log(`data file problem: ${problem.message}`);
  const ctx = {
    store,
    app: { name: options.appName ?? 'Call Coach 催缴通话助手', version: options.version, mode: options.mode, startedAt: new Date() },
  };
  return { dispatch: createDispatch(handlers, ctx, log), store, close: () => store.close() };
}
