/** The Electron transport: one ipcMain handler per contract method, each checking who is asking. */
import type { IpcMain } from 'electron';
import { ipcChannelOf, methodNames, type Envelope } from '../contract';
import type { Dispatch } from '../backend/dispatch';
import type { Actor } from '../../domain/roles';
import { isTrustedSender } from './security';

const refused: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本程序的页面。' } };

/** `actor`: who the desk's window acts for (the desk's user in local mode). */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, actor: () => Actor): void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannelOf(name), (event, input: unknown) =>
      isTrustedSender(event.senderFrame) ? dispatch(name, input, actor()) : Promise.resolve(refused),
    );
  }
}
