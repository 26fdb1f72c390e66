import type { Api } from '../../../electron/contract';
import { takeLaunchToken } from './token';
import { bridgeTransport, createApi, httpTransport } from './transport';

export type Connection = { api: Api; kind: 'bridge' | 'http' } | { api: null; problem: 'missing-token' };

/** Picks the transport at run time: the desktop bridge when present, else HTTP with the launch token. */
export function connect(win: Window): Connection {
  if (win.callCoach?.api) return { api: createApi(bridgeTransport(win.callCoach.api)), kind: 'bridge' };
  const token = takeLaunchToken(win.location, win.history, win.sessionStorage);
  if (!token) return { api: null, problem: 'missing-token' };
  return { api: createApi(httpTransport(token)), kind: 'http' };
}
