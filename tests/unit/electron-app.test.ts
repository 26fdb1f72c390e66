/** The main process wires every protection in: checked by loading electron/main/index.ts against a mocked electron. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/fs';

const mocks = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  // Settles when start-up has got somewhere: the window is created, or the error box is shown.
  let settleStartup: (outcome: string) => void = () => undefined;
  const startup = new Promise<string>((resolve) => (settleStartup = resolve));
  return {
    appListeners,
    resolveReady,
    settleStartup,
    startup,
    app: {
      requestSingleInstanceLock: vi.fn(() => true),
      enableSandbox: vi.fn(),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener)),
      whenReady: vi.fn(() => ready),
      getPath: vi.fn(() => '/unused'),
      getVersion: vi.fn(() => '1.2.3'),
      quit: vi.fn(() => settleStartup('quit')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    windowOptions: [] as unknown[],
  };
});

vi.mock('electron', () => ({
  app: mocks.app,
  session: mocks.session,
  dialog: { showErrorBox: vi.fn((title: string, message: string) => mocks.settleStartup(`error box: ${title}: ${message}`)) },
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    static getAllWindows = () => [];
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    constructor(options: unknown) {
      mocks.windowOptions.push(options);
      mocks.settleStartup('window');
    }
  },
}));

const dataDir = tempDir();
process.env.CALL_COACH_DATA_DIR = dataDir;

afterAll(() => {
  mocks.appListeners.get('will-quit')?.();
  delete process.env.CALL_COACH_DATA_DIR;
});

describe('electron/main/index', () => {
  // Start-up opens the backend (and seeds demo data into the empty folder): awaited as an event, however long it takes.
  it('takes the single-instance lock, enables the sandbox, hardens contents and session, then opens one secure window', { timeout: 120_000 }, async () => {
    const electron = await import('electron');
    await import('../../electron/main/index');
    expect(mocks.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(mocks.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();

    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    mocks.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();

    mocks.resolveReady();
    expect(await mocks.startup).toBe('window');
    expect(mocks.windowOptions).toHaveLength(1);
    expect(mocks.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(mocks.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.ipcMain.handle).toHaveBeenCalled();
    expect(mocks.windowOptions[0]).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
