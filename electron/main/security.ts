/**
 * Electron's security checklist: navigation and new windows blocked, permissions denied, no remote
 * content, openExternal vetted, IPC senders checked. The window's web preferences (contextIsolation,
 * sandbox, no Node) are in window.ts and the CSP in app-protocol.ts.
 */
import { shell, type Session, type WebContents, type WebFrameMain } from 'electron';
import { isVettedExternalUrl } from './external-url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'callcoach';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of our own bundled renderer (app://callcoach/…). URL.origin is 'null' for custom schemes. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Opens a URL outside the app only if it is vetted; returns whether it was opened. */
export function openExternalIfVetted(url: string): boolean {
  if (!isVettedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** Applied to every web contents the app creates. */
export function hardenWebContents(contents: WebContents): void {
  const blockForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalIfVetted(url);
  };
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfVetted(url);
    return { action: 'deny' };
  });
}

/** Session-wide: deny every permission, load nothing from the network. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/** IPC is answered only for the top frame of our own renderer. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
