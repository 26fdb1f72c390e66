/**
 * The desktop app's security settings, checked against a mocked `electron` (no binary is needed).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const makeEmitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on: vi.fn((event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      once: vi.fn((event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      emit(event: string, ...args: unknown[]) {
        for (const listener of listeners.get(event) ?? []) listener(...args);
      },
    };
  };
  const windows: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn> }> = [];
  class BrowserWindow {
    static getAllWindows = vi.fn(() => windows);
    options: unknown;
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
  }
  return {
    makeEmitter,
    windows,
    BrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'x' })) },
  };
});

vi.mock('electron', () => ({
  shell: electron.shell,
  protocol: electron.protocol,
  ipcMain: electron.ipcMain,
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  BrowserWindow: electron.BrowserWindow,
}));

import type { Session, WebContents, WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../electron/contract/content-security-policy';
import { ipcChannelOf, methodNames } from '../../electron/contract';
import { registerAppScheme, serveRenderer } from '../../electron/main/app-protocol';
import { registerIpc } from '../../electron/main/ipc';
import { localActor } from '../../domain/roles';
import {
  APP_ENTRY_URL,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
} from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';
import { tempDir } from '../helpers/fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

beforeEach(() => {
  vi.clearAllMocks();
});

function fakeContents() {
  const emitter = electron.makeEmitter();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: emitter.on,
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    }),
  };
  return { contents: contents as unknown as WebContents, emitter, openWindow: (url: string) => windowOpenHandler!({ url }) };
}

function navigate(emitter: ReturnType<typeof electron.makeEmitter>, event: string, url: string) {
  const preventDefault = vi.fn();
  emitter.emit(event, { preventDefault }, url);
  return preventDefault;
}

describe('the main window', () => {
  it('isolates the context, sandboxes the renderer, keeps Node out, and loads only the bundled app', () => {
    createMainWindow('/app/preload.cjs');
    const window = electron.windows.at(-1)!;
    expect((window.options as { webPreferences: unknown }).webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
  });
});

describe('navigation and new windows', () => {
  it('blocks navigation away from the app, for will-navigate and will-redirect', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(navigate(emitter, event, 'https://evil.example/')).toHaveBeenCalled();
      expect(navigate(emitter, event, 'file:///etc/passwd')).toHaveBeenCalled();
      expect(navigate(emitter, event, 'app://other/index.html')).toHaveBeenCalled();
      expect(navigate(emitter, event, 'app://callcoach/index.html#/about')).not.toHaveBeenCalled();
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const { contents, emitter } = fakeContents();
    hardenWebContents(contents);
    const preventDefault = vi.fn();
    emitter.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only vetted URLs outside', () => {
    const { contents, openWindow } = fakeContents();
    hardenWebContents(contents);
    expect(openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(openWindow('tel:13800001234')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('tel:13800001234');
  });
});

describe('session', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
      setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
      setDevicePermissionHandler: vi.fn((h) => (handlers.device = h)),
      webRequest: { onBeforeRequest: vi.fn((filter, h) => ((handlers.filter = () => filter), (handlers.request2 = h))) },
    };
    hardenSession(session as unknown as Session);
    return { session, handlers };
  }

  it('denies every permission request and check', () => {
    const { handlers } = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (handlers.request as unknown as (...a: unknown[]) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect((handlers.check as unknown as () => boolean)()).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
  });

  it('cancels every request for remote content', () => {
    const { handlers } = fakeSession();
    const filter = (handlers.filter as unknown as () => { urls: string[] })();
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    (handlers.request2 as unknown as (...a: unknown[]) => void)({ url: 'https://cdn.example/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;

  it('trusts only the top frame of the bundled app', () => {
    expect(isTrustedSender(frame('app://callcoach/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://callcoach/index.html', {}))).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(frame('file:///app/index.html'))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('registers one handler per contract method, validated by the backend, refused for foreign frames', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    const desk = localActor('王');
    registerIpc(electron.ipcMain, dispatch, () => desk);
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(methodNames.length);
    const calls = electron.ipcMain.handle.mock.calls as unknown as Array<[string, (event: unknown, input: unknown) => Promise<unknown>]>;
    expect(calls.map(([channel]) => channel).sort()).toEqual(methodNames.map(ipcChannelOf).sort());
    const [channel, handler] = calls.find(([name]) => name === ipcChannelOf('settings.update'))!;
    expect(channel).toBe('api:settings.update');
    await expect(handler({ senderFrame: frame('app://callcoach/index.html') }, { stewardName: '王' })).resolves.toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('settings.update', { stewardName: '王' }, desk);
    dispatch.mockClear();
    await expect(handler({ senderFrame: frame('https://evil.example/') }, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(handler({ senderFrame: null }, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  it('is registered as a secure standard scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves the renderer with the strict CSP and nothing outside it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.html'), '<html></html>');
    writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'secret');
    serveRenderer(dir);
    const [, handler] = electron.protocol.handle.mock.calls[0] as unknown as [string, (request: { url: string }) => Promise<Response>];
    const page = await handler({ url: 'app://callcoach/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect((await handler({ url: 'app://callcoach/../secret.txt' })).status).toBe(404);
    expect((await handler({ url: 'app://other/index.html' })).status).toBe(404);
  });
});

describe('preload', () => {
  it('exposes one function per contract method, each bound to its own channel (no generic invoke)', async () => {
    await import('../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, { api: Record<string, unknown> }];
    expect(key).toBe('callCoach');
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api).sort()).toEqual([...methodNames].sort());
    expect(Object.isFrozen(exposed.api)).toBe(true);
    for (const name of methodNames) {
      expect(typeof exposed.api[name]).toBe('function');
      await (exposed.api[name] as (input: unknown) => Promise<unknown>)({ probe: name });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannelOf(name), { probe: name });
    }
  });
});
