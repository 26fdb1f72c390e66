/**
 * Runs sandboxed, with context isolation. Exposes one function per contract method (never a generic
 * invoke) as `window.callCoach.api`; each returns the backend's envelope.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannelOf, methodNames, type BridgeApi } from '../contract';

export function buildBridgeApi(invoke: (channel: string, input: unknown) => Promise<unknown>): BridgeApi {
  return Object.freeze(
    Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => invoke(ipcChannelOf(name), input)])),
  ) as BridgeApi;
}

contextBridge.exposeInMainWorld('callCoach', {
  api: buildBridgeApi((channel, input) => ipcRenderer.invoke(channel, input)),
});
