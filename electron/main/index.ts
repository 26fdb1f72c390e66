/**
 * The desktop app's main process: one instance per user, the backend in-process, the renderer served
 * from app://, IPC as the transport.
 *   electron dist/electron/main.cjs [--data-dir DIR]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createBackend, type Backend } from '../backend';
import { DATA_DIR_ENV, resolveDataDir } from '../backend/app-info';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

let backend: Backend | undefined;

function dataDirFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
  const flag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  return resolveDataDir(flag, process.env, () => app.getPath('userData'));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const dataDir = dataDirFromArgs();
  try {
    backend = await createBackend({ dataDir, mode: 'electron', version: app.getVersion() });
  } catch (error) {
    dialog.showErrorBox('Call Coach 无法启动', `${error instanceof Error ? error.message : String(error)}\n\n数据目录：${dataDir}（可用 --data-dir 或环境变量 ${DATA_DIR_ENV} 指定）`);
    app.quit();
    return;
  }
  serveRenderer(path.join(__dirname, '../renderer'));
  registerIpc(ipcMain, backend.dispatch, backend.deskActor);
  createMainWindow(path.join(__dirname, 'preload.cjs'));
}

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.quit();
  });
}
